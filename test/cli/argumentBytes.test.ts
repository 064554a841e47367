/**
 * Arguments that are not UTF-8 keep their bytes, as kubectl keeps them: the built CLI and the real kubectl are
 * given the same bytes by bash ($'\xff' quoting; node cannot pass such an argument itself) and must print the
 * same manifest, byte for byte.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtCli } from '../corpus/paths';

let dir: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'ps-argbytes-'));
  writeFileSync(Buffer.concat([Buffer.from(join(dir, 'file-')), Buffer.of(0xfe)]), 'read by its bytes');
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `PROGRAM create secret ARGS` through bash, ARGS written in bash's $'…' quoting; stdout as bytes. */
function viaBash(program: 'ours' | 'kubectl', args: string): Promise<{ code: number; out: Buffer; err: string }> {
  const cmd = program === 'ours' ? `'${process.execPath}' '${builtCli()}'` : 'kubectl';
  return new Promise((resolve) => {
    execFile(
      'bash',
      ['-c', `${cmd} create secret ${args}`],
      { cwd: dir, encoding: 'buffer', env: { ...process.env, KUBECONFIG: '/dev/null' } },
      (e, out, err) => resolve({ code: e ? Number((e as { code?: number }).code ?? 1) : 0, out, err: err.toString() }),
    );
  });
}

const CASES = [
  String.raw`generic s --from-literal=k=$'\xff\xfe' --from-literal=j=$'a\xe2\x82' --dry-run=client -o json`,
  String.raw`docker-registry d --docker-username=$'u\xc3' --docker-password=$'p\xff\xfe' --docker-email=$'e\x80' ` +
    '--dry-run=client -o yaml',
  String.raw`generic f --from-file=key=$'file-\xfe' --dry-run=client -o json`,
];

for (const args of CASES) {
  test(`bytes kept as kubectl keeps them: ${args.split(' ').slice(0, 3).join(' ')}`, async () => {
    const [ours, theirs] = [await viaBash('ours', args), await viaBash('kubectl', args)];
    assert.equal(theirs.code, 0, theirs.err);
    assert.deepEqual([ours.code, ours.err], [0, '']);
    assert.equal(ours.out.toString('latin1'), theirs.out.toString('latin1'));
  });
}

test("--from-literal=k=$'\\xff\\xfe' stores the two bytes 0xff 0xfe", async () => {
  const r = await viaBash('ours', String.raw`generic s --from-literal=k=$'\xff\xfe' --dry-run=client -o json`);
  assert.deepEqual([...Buffer.from(JSON.parse(r.out.toString()).data.k, 'base64')], [0xff, 0xfe]);
});
