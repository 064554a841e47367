/**
 * PS050 through `pachyderm-secrets check` as CI runs it: a plain-text credential in `transform.env` is a warning
 * (exit 0 when nothing else is wrong) that names the variable and never prints the value, in text and JSON.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCheck, writeUnder } from './checkRunner';

const CANARY = 'CANARY-cli-pw-7Hq2';
// An AWS access key ID's shape, assembled so the source holds no literal key.
const KEY_ID = ['AK', 'IA', 'Q7ZX9W2M4KPL3N8R'].join('');
let dir: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'ps-check-creds-'));
  writeUnder(
    dir,
    'specs/etl.pipeline.json',
    JSON.stringify(
      {
        pipeline: { name: 'etl' },
        transform: { image: 'i', env: { DB_PASSWORD: CANARY, S3_REGION: 'us-east-1' } },
      },
      null,
      2,
    ),
  );
  writeUnder(
    dir,
    'specs/upload.yaml',
    'pipeline: {name: upload}\ntransform:\n  image: i\n  env:\n' +
      `    BUCKET_CONFIG: ${KEY_ID}\n    TOKEN_PATH: /secrets/t\n`,
  );
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('check reports PS050 as a warning per plain credential, exit 0, never printing a value', () => {
  const r = runCheck(dir, ['specs']);
  assert.equal(r.err, '');
  assert.equal(r.code, 0);
  assert.equal(
    r.out,
    'specs/etl.pipeline.json:8:22: warning PS050 DB_PASSWORD in transform.env looks like a plain-text credential ' +
      '(its name says it is a password): move it into a Kubernetes secret\n' +
      'specs/upload.yaml:5:20: warning PS050 BUCKET_CONFIG in transform.env looks like a plain-text credential ' +
      '(the value has the shape of an AWS access key ID): move it into a Kubernetes secret\n',
  );
  const json = runCheck(dir, ['--format', 'json', 'specs']);
  assert.equal(json.code, 0);
  const found = JSON.parse(json.out) as { code: string; severity: string }[];
  assert.deepEqual(
    found.map((f) => [f.code, f.severity]),
    [
      ['PS050', 'warning'],
      ['PS050', 'warning'],
    ],
  );
  for (const out of [r.out, json.out]) {
    assert.ok(!out.includes(CANARY) && !out.includes('CANARY'), 'the password was printed');
    assert.ok(!out.includes(KEY_ID.slice(4)), 'the key ID was printed');
  }
});
