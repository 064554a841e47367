/**
 * The built `pachyderm-secrets` binary, as users run it, prints what `kubectl create secret … --dry-run=client`
 * prints (the in-process differential suite in test/manifest covers the many input cases).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { builtCli } from '../corpus/paths';

interface Run {
  code: number;
  out: string;
  err: string;
}

function run(cmd: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, env: { ...process.env, KUBECONFIG: '/dev/null' } }, (e, out, err) => {
      resolve({ code: e ? Number((e as { code?: number }).code ?? 1) : 0, out, err });
    });
  });
}

const ours = (args: string[], cwd: string) => run(process.execPath, [builtCli(), 'create', 'secret', ...args], cwd);
const kubectl = (args: string[], cwd: string) => run('kubectl', ['create', 'secret', ...args], cwd);

test('the built CLI prints kubectl’s bytes and exit codes for all three types', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-cli-create-'));
  try {
    fs.writeFileSync(path.join(dir, 'v.txt'), 'file <value> & more\n');
    const cases = [
      ['generic', 'g', '--from-literal=a=1', '--from-file=v.txt', '--append-hash', '--dry-run=client', '-o', 'yaml'],
      ['docker-registry', 'd', '--docker-username=u', '--docker-password=p', '--dry-run=client', '-o', 'json'],
      ['tls', 't', '--cert=missing.crt', '--key=missing.key', '--dry-run=client'],
      ['generic', 'g', '--from-literal=bad key=1', '--dry-run=client'],
    ];
    for (const args of cases) {
      const [want, got] = await Promise.all([kubectl(args, dir), ours(args, dir)]);
      assert.equal(got.out, want.out, args.join(' '));
      assert.equal(got.code, want.code, args.join(' '));
      assert.equal(got.err, want.err, args.join(' '));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('create secret without a type says which types exist', async () => {
  const r = await ours(['opaque', 'x'], os.tmpdir());
  assert.equal(r.code, 1);
  assert.equal(r.err, 'error: unknown secret type "opaque": expected generic, tls or docker-registry\n');
  const help = await ours(['generic', '--help'], os.tmpdir());
  assert.equal(help.code, 0);
  assert.match(help.out, /--from-literal/);
});
