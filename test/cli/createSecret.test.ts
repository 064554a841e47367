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

test('the CLI quotes an env-file line or a literal source only where kubectl quotes it for the same input', async () => {
  // kubectl's own messages quote the bad line and the bad --from-literal source; the CLI, a kubectl look-alike,
  // keeps them byte for byte (the VS Code wizard says the same by position instead: test/manifest/wizardFlows).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-cli-quotes-'));
  try {
    const canary = 'CANARY-hunter2-value';
    fs.writeFileSync(path.join(dir, 'bad.env'), `HOST=db\nDB_PASSWORD: ${canary}\n`);
    fs.writeFileSync(
      path.join(dir, 'bad-utf8.env'),
      Buffer.concat([Buffer.from(`TOKEN=${canary}`), Buffer.from([0xff]), Buffer.from('\n')]),
    );
    const cases = [
      ['generic', 's', '--from-env-file=bad.env', '--dry-run=client', '-o', 'json'],
      ['generic', 's', '--from-env-file=bad-utf8.env', '--dry-run=client', '-o', 'json'],
      ['generic', 's', `--from-literal=PASSWORD:${canary}`, '--dry-run=client', '-o', 'json'],
    ];
    for (const args of cases) {
      const [want, got] = await Promise.all([kubectl(args, dir), ours(args, dir)]);
      assert.ok(
        want.err.includes('CANARY') || want.err.includes('67 65 78 65 82 89'),
        `kubectl quotes the input: ${want.err}`,
      );
      assert.equal(got.err, want.err, args.join(' '));
      assert.equal(got.out, want.out, args.join(' '));
      assert.equal(got.code, want.code, args.join(' '));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
