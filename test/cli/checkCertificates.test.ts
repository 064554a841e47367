/**
 * `check` warns of expiring certificates as the editor does (PS118, PH009), from the certificates in a
 * `kubectl get secrets -o json` file, with `--certificate-expiry-warning-days` for the window. The certificates are
 * made with dates days away from the run, so the CLI's own clock judges them the same whenever the test runs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { certificateAround } from '../support/certificates';
import { runCheck, writeUnder } from './checkRunner';

const now = new Date();
const expired = certificateAround(now, 'gone.example', -60, -3);
const soon = certificateAround(now, 'soon.example', -60, 5.5);

const b64 = (s: string) => Buffer.from(s).toString('base64');
const secret = (name: string, c: { cert: string; key: string }) => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name, namespace: 'pachyderm' },
  type: 'kubernetes.io/tls',
  data: { 'tls.crt': b64(c.cert), 'tls.key': b64(c.key) },
});

const dir = mkdtempSync(join(tmpdir(), 'ps-cli-cert-'));
writeUnder(
  dir,
  'secrets.json',
  JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [secret('gone-tls', expired), secret('soon-tls', soon)] }),
);
writeUnder(
  dir,
  'specs/web.pipeline.yaml',
  'pipeline: {name: web}\ntransform:\n  image: i:1\n  secrets:\n  - {name: gone-tls, mountPath: /a}\n' +
    '  - {name: soon-tls, mountPath: /b}\n',
);
writeUnder(dir, 'specs/values.yaml', 'pachd:\n  tls:\n    enabled: true\n    secretName: soon-tls\n');

test('check reports PS118 and PH009 as warnings: exit 0, and the window is a flag', () => {
  const r = runCheck(dir, ['--secrets', 'secrets.json', 'specs']);
  assert.equal(r.code, 0, r.err);
  const certificateLines = (out: string) => out.split('\n').filter((l) => / (PS118|PH009) /.test(l));
  assert.equal(certificateLines(r.out).length, 3, r.out);
  assert.match(r.out, /values\.yaml:4:17: warning PH009 Secret `soon-tls`, used as pachd TLS: .* expires in 5 days/);
  assert.match(
    r.out,
    /web\.pipeline\.yaml:5:12: warning PS118 secret gone-tls: .*\(CN gone\.example\) expired 3 days ago/,
  );
  assert.match(r.out, /web\.pipeline\.yaml:6:12: warning PS118 secret soon-tls: .* expires in 5 days/);

  const narrow = runCheck(dir, ['--secrets', 'secrets.json', '--certificate-expiry-warning-days', '5', 'specs']);
  assert.equal(narrow.code, 0, narrow.err);
  assert.deepEqual(
    certificateLines(narrow.out).map((l) => l.replace(/^.*(PS118|PH009) (\S+ \S+).*$/, '$1 $2')),
    ['PS118 secret gone-tls:'],
  );
  for (const pem of [expired.cert, expired.key, soon.cert, soon.key]) {
    assert.ok(!(r.out + r.err).includes(pem.split('\n')[1]), 'no PEM text in the output');
  }
});

test('a bad --certificate-expiry-warning-days is a usage error that names the flag', () => {
  for (const bad of ['-1', 'soon', '1.5', '']) {
    const r = runCheck(dir, ['--secrets', 'secrets.json', `--certificate-expiry-warning-days=${bad}`, 'specs']);
    assert.equal(r.code, 2, `${bad}: ${r.err}`);
    assert.match(r.err, /--certificate-expiry-warning-days must be a whole number of days, not "/);
  }
});
