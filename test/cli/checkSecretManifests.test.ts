/**
 * `pachyderm-secrets check` on Secret manifests: the built CLI reports the PM rules with positions and exits 1 on
 * an error, a manifest without problems adds nothing, and no value reaches its output.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCheck, writeUnder } from './checkRunner';

const CANARY = 'CANARY-cli-Rk29Bd';
let dir: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'ps-check-manifests-'));
  const ok = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'ok' },
    data: { k: Buffer.from(CANARY).toString('base64') },
  };
  writeUnder(dir, 'manifests/ok.json', JSON.stringify(ok, null, 2));
  writeUnder(
    dir,
    'manifests/broken.yaml',
    [
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: Broken_Name',
      'type: kubernetes.io/tls',
      'data:',
      `  tls.crt: ${CANARY}`,
      '',
    ].join('\n'),
  );
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('check reports each PM finding at its place and exits 1; a good manifest adds nothing', () => {
  const r = runCheck(dir, ['manifests']);
  assert.equal(r.err, '');
  assert.equal(r.code, 1);
  const broken = join('manifests', 'broken.yaml');
  assert.deepEqual(
    r.out
      .trimEnd()
      .split('\n')
      .map((l) => l.replace(/ (PM\d+) .*$/, ' $1')),
    [
      `${broken}:2:7: information PM011`,
      `${broken}:4:9: error PM004`,
      `${broken}:5:7: error PM007`,
      `${broken}:7:12: error PM001`,
    ],
  );
  assert.match(r.out, /PM007 a Secret of type kubernetes.io\/tls needs the key tls.key/);
});

test('no value of a manifest reaches the output, in text or JSON', () => {
  for (const format of ['text', 'json']) {
    const r = runCheck(dir, ['--format', format, 'manifests']);
    assert.ok(!r.out.includes('CANARY') && !r.err.includes('CANARY'), format);
    assert.ok(!r.out.includes(Buffer.from(CANARY).toString('base64').slice(0, 12)), format);
  }
});
