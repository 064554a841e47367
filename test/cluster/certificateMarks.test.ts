/**
 * The Secrets tree's certificate marks and Inspect Secret's certificate section, as plain rows and text, judged at
 * a moment the test gives (the tree's clock in the extension).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toSecretMeta } from '../../core/src/catalog/secretMeta';
import { nextCertificateChange } from '../../client/src/cluster/certificateMarks';
import { inspectSecretText } from '../../client/src/cluster/inspectSecretText';
import { keyRows, secretRow, treeCertificatePolicy } from '../../client/src/cluster/treeModel';
import { certificateAround } from '../support/certificates';

const NOW = new Date('2026-06-01T12:00:00Z');
const expired = certificateAround(NOW, 'old.example', -100, -4);
const soon = certificateAround(NOW, 'soon.example', -100, 7.5, 'rsa');
const fine = certificateAround(NOW, 'fine.example', -100, 500);
const tls = (name: string, c: { cert: string; key: string }, extra: Record<string, string> = {}) =>
  toSecretMeta({
    metadata: { name, namespace: 'pachyderm', creationTimestamp: '2026-05-01T00:00:00Z' },
    type: 'kubernetes.io/tls',
    stringData: { 'tls.crt': c.cert, 'tls.key': c.key, ...extra },
  });
const view = { decorators: [], now: NOW };

test('a TLS secret row is marked by its most urgent certificate, its tooltip lists the facts', () => {
  const row = secretRow(tls('gone', expired), view);
  assert.equal(row.description, 'kubernetes.io/tls · 4 weeks ago · ⚠ certificate expired 4 days ago');
  assert.equal(row.iconColor, 'list.errorForeground');
  assert.match(
    row.tooltip!,
    /\nCertificate in tls\.crt:\n {2}validity: expired 4 days ago\n {2}subject CN: old\.example/,
  );
  assert.match(row.tooltip!, /tls\.key matches: yes/);

  const soonRow = secretRow(tls('soon', soon), view);
  assert.match(soonRow.description!, /· ⚠ certificate expires in 7 days$/);
  assert.equal(soonRow.iconColor, 'list.warningForeground');
  assert.equal(
    secretRow(tls('soon', soon), { ...view, certificateWarningDays: 7 }).description,
    'kubernetes.io/tls · 4 weeks ago',
  );

  const mixed = secretRow(tls('mixed', fine, { 'ca.crt': soon.cert }), view);
  assert.match(mixed.description!, /⚠ certificate expires in 7 days/, 'an expiring ca.crt marks the secret');
  assert.match(mixed.tooltip!, /Certificate in ca\.crt:[^]*Certificate in tls\.crt:/);

  const plain = secretRow(toSecretMeta({ metadata: { name: 'p', creationTimestamp: '2026-05-01T00:00:00Z' } }), view);
  assert.equal(plain.description, 'Opaque · 4 weeks ago');
  assert.doesNotMatch(plain.tooltip!, /Certificate/);
});

test('certificate keys say where their certificate stands; other keys are unchanged', () => {
  const secret = tls('mixed', fine, { 'ca.crt': expired.cert });
  const rows = keyRows(secret, treeCertificatePolicy(view));
  const by = new Map(rows.map((r) => [r.label, r]));
  assert.match(by.get('ca.crt')!.description!, / · ⚠ certificate expired 4 days ago$/);
  assert.equal(by.get('ca.crt')!.iconColor, 'list.errorForeground');
  assert.match(by.get('tls.crt')!.description!, / · certificate, valid for 500 days$/);
  assert.equal(by.get('tls.crt')!.iconColor, undefined);
  assert.match(
    by.get('tls.crt')!.tooltip!,
    /The value stays hidden; use Reveal Value or Copy Value\.\n\nCertificate:\n/,
  );
  assert.deepEqual(by.get('tls.key'), keyRows(secret)[2], 'a key without a certificate is as before');
  const all = JSON.stringify(rows.concat(secretRow(secret, view)));
  for (const pem of [fine.cert, fine.key, expired.cert]) assert.ok(!all.includes(pem.split('\n')[1]));
});

test("Inspect Secret lists each certificate key's facts after the keys", () => {
  const text = inspectSecretText(tls('soon', soon), [], NOW, undefined, 30);
  assert.match(
    text,
    /\nCertificates \(1\):\n {2}tls\.crt:\n {4}validity: expires in 7 days\n {4}subject CN: soon\.example\n/,
  );
  assert.match(text, / {4}key: RSA 2048\n {4}tls\.key matches: yes\n/);
  assert.ok(text.indexOf('Keys (2):') < text.indexOf('Certificates (1):'));
  assert.match(inspectSecretText(tls('soon', soon), [], NOW, undefined, 5), /validity: valid for 7 days/);
  assert.doesNotMatch(inspectSecretText(toSecretMeta({ metadata: { name: 'p' } }), [], NOW), /Certificates/);
  for (const pem of [soon.cert, soon.key]) assert.ok(!text.includes(pem.split('\n')[1]));
});

test('the tree is redrawn for its marks at the earliest moment any certificate of any secret reads differently', () => {
  const DAY = 24 * 60 * 60 * 1000;
  const now = NOW.getTime() + 0.25 * DAY;
  // soon's tls.crt lapses in 7.25 days: it reads "7 days" for a quarter of a day more, the others for longer.
  const secrets = [tls('soon', soon), tls('fine', fine, { 'ca.crt': expired.cert })];
  const at = nextCertificateChange(secrets, now)!;
  assert.equal(at, NOW.getTime() + 0.5 * DAY + 1);
  const shown = (t: number) =>
    secrets.map((m) => {
      const row = secretRow(m, { ...view, now: new Date(t) });
      return `${row.description}\n${row.tooltip}`;
    });
  assert.deepEqual(shown(at - 1), shown(now));
  assert.notDeepEqual(shown(at), shown(now));
  const plain = toSecretMeta({ metadata: { name: 'p' }, stringData: { token: 'x' } });
  assert.equal(nextCertificateChange([plain], now), undefined, 'no certificate, no moment');
});
