import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  certificateFactLines,
  certificateFacts,
  certificateValidity,
  keyMatchesCertificate,
  mostUrgent,
  validityText,
  type CertificateExpiryPolicy,
} from '../../../core/src/certificates';
import { toSecretMeta } from '../../../core/src/catalog/secretMeta';
import { daysFrom, makeCertificate } from '../../support/certificates';

// Every date is relative to this moment, which the code is told: nothing here reads the clock.
const NOW = new Date('2026-06-01T12:00:00Z');
const policy: CertificateExpiryPolicy = { now: NOW.getTime(), warningDays: 30 };
const ca = makeCertificate({
  cn: 'Pachyderm Test CA',
  key: 'rsa',
  ca: true,
  notBefore: daysFrom(NOW, -400),
  notAfter: daysFrom(NOW, 4000),
});
const leaf = makeCertificate({
  cn: 'pachd.example.com',
  sans: [
    'DNS:pachd.example.com',
    'DNS:*.pachd.example.com',
    'IP:10.0.0.7',
    'email:ops@example.com',
    'URI:spiffe://p/d',
  ],
  issuer: ca,
  notBefore: daysFrom(NOW, -10),
  notAfter: daysFrom(NOW, 200),
});
const expired = makeCertificate({
  cn: 'old',
  key: 'rsa3072',
  notBefore: daysFrom(NOW, -400),
  notAfter: daysFrom(NOW, -3),
});
const early = makeCertificate({
  cn: 'early',
  key: 'ec384',
  notBefore: daysFrom(NOW, 2.5),
  notAfter: daysFrom(NOW, 90),
});
const soon = makeCertificate({ cn: 'soon', notBefore: daysFrom(NOW, -80), notAfter: daysFrom(NOW, 5.5) });
const ipOnly = makeCertificate({
  sans: ['IP:192.0.2.1', 'IP:2001:db8::1'],
  notBefore: NOW,
  notAfter: daysFrom(NOW, 9),
});

const facts = (pem: string) => {
  const f = certificateFacts(Buffer.from(pem));
  assert.ok(f, 'the value holds a certificate');
  return f;
};

test('a leaf signed by a CA: names, issuer, dates, key and chain length', () => {
  const f = facts(leaf.cert + ca.cert);
  assert.equal(f.subjectCN, 'pachd.example.com');
  assert.equal(f.issuer, 'Pachyderm Test CA');
  assert.deepEqual(f.sans, [
    'DNS:pachd.example.com',
    'DNS:*.pachd.example.com',
    'IP Address:10.0.0.7',
    'email:ops@example.com',
    'URI:spiffe://p/d',
  ]);
  assert.equal(f.sanCount, 5);
  assert.equal(
    f.notBefore,
    daysFrom(NOW, -10)
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z'),
  );
  assert.equal(
    f.notAfter,
    daysFrom(NOW, 200)
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z'),
  );
  assert.deepEqual([f.keyAlgorithm, f.keySize, f.curve], ['EC', 256, 'prime256v1']);
  assert.equal(f.chainLength, 2);
  assert.equal(f.keyMatches, undefined, "a key match is the secret's fact, not the value's");
});

test("the leaf is the first certificate: a chain written CA first gives the CA's facts", () => {
  const f = facts(ca.cert + leaf.cert);
  assert.equal(f.subjectCN, 'Pachyderm Test CA');
  assert.deepEqual([f.keyAlgorithm, f.keySize], ['RSA', 2048]);
});

test('RSA and EC keys report their sizes; a certificate without CN or SANs has none', () => {
  const f = facts(expired.cert);
  assert.deepEqual([f.keyAlgorithm, f.keySize, f.curve], ['RSA', 3072, undefined]);
  const e = facts(early.cert);
  assert.deepEqual([e.keyAlgorithm, e.keySize, e.curve], ['EC', 384, 'secp384r1']);
  const ip = facts(ipOnly.cert);
  assert.equal(ip.subjectCN, undefined);
  assert.equal(ip.issuer, 'O=Pachyderm Tests', 'an issuer without CN is named by its DN');
  assert.deepEqual(ip.sans, ['IP Address:192.0.2.1', 'IP Address:2001:DB8:0:0:0:0:0:1']);
});

test("text before, between and after the blocks is skipped, as Go's pem.Decode does", () => {
  const padded = `# pachd's certificate\n${'x'.repeat(10_000)}\n${leaf.cert}between\n${ca.cert}trailing text`;
  assert.deepEqual(facts(padded), facts(leaf.cert + ca.cert));
});

test('a value without a certificate that parses gives no facts and does not throw', () => {
  for (const value of [
    'hunter2',
    '',
    leaf.key,
    '-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n',
    '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n',
    '-----BEGIN CERTIFICATE-----\n' + leaf.cert.split('\n')[1] + '\n',
  ]) {
    assert.equal(certificateFacts(Buffer.from(value)), undefined, JSON.stringify(value.slice(0, 40)));
  }
  assert.equal(certificateFacts(Buffer.from([0x30, 0x82, 0xff, 0x00, 0xfe])), undefined);
});

test('validity: expired, not yet valid, expiring within the window, valid', () => {
  const v = (pem: string, p = policy) => certificateValidity(facts(pem), p);
  assert.deepEqual(v(expired.cert), { kind: 'expired', days: 3 });
  assert.deepEqual(v(early.cert), { kind: 'not-yet-valid', days: 3 });
  assert.deepEqual(v(soon.cert), { kind: 'expiring', days: 5 });
  assert.deepEqual(v(leaf.cert), { kind: 'valid', days: 200 });
  assert.deepEqual(v(soon.cert, { ...policy, warningDays: 5 }), { kind: 'valid', days: 5 });
  assert.deepEqual(v(leaf.cert, { ...policy, warningDays: 201 }), { kind: 'expiring', days: 200 });
  assert.equal(validityText(v(expired.cert)), 'expired 3 days ago');
  assert.equal(validityText(v(early.cert)), 'not valid for 3 days more');
  assert.equal(validityText(v(soon.cert)), 'expires in 5 days');
  assert.equal(validityText({ kind: 'expiring', days: 0 }), 'expires in less than a day');
  assert.equal(validityText({ kind: 'expired', days: 0 }), 'expired today');
  assert.equal(validityText({ kind: 'valid', days: 1 }), 'valid for 1 day');
});

test('mostUrgent picks expired over not yet valid over the soonest to lapse', () => {
  const all = [leaf.cert, soon.cert, early.cert, expired.cert].map(facts);
  const pick = (list: typeof all) => mostUrgent(list, (f) => certificateValidity(f, policy))?.subjectCN;
  assert.equal(pick(all), 'old');
  assert.equal(pick(all.filter((f) => f.subjectCN !== 'old')), 'early');
  assert.equal(pick([all[0], all[1]]), 'soon');
  assert.equal(pick([]), undefined);
});

test('keyMatchesCertificate: the own key matches, another key or garbage does not', () => {
  assert.equal(keyMatchesCertificate(Buffer.from(leaf.cert), Buffer.from(leaf.key)), true);
  assert.equal(keyMatchesCertificate(Buffer.from(expired.cert), Buffer.from(expired.key)), true);
  assert.equal(keyMatchesCertificate(Buffer.from(leaf.cert), Buffer.from(soon.key)), false);
  assert.equal(keyMatchesCertificate(Buffer.from(expired.cert), Buffer.from(leaf.key)), false);
  assert.equal(keyMatchesCertificate(Buffer.from(leaf.cert), Buffer.from('not a key')), false);
});

test('toSecretMeta keeps the facts of a TLS secret and of every PEM key, never the PEM text', () => {
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  const meta = toSecretMeta({
    metadata: { name: 'pachd-tls' },
    type: 'kubernetes.io/tls',
    data: { 'tls.crt': b64(leaf.cert + ca.cert), 'tls.key': b64(leaf.key), 'ca.crt': b64(ca.cert), note: b64('hi') },
  });
  const byName = new Map(meta.keys.map((k) => [k.name, k]));
  assert.equal(byName.get('tls.crt')!.certificate!.subjectCN, 'pachd.example.com');
  assert.equal(byName.get('tls.crt')!.certificate!.keyMatches, true);
  assert.equal(byName.get('ca.crt')!.certificate!.subjectCN, 'Pachyderm Test CA');
  assert.equal(byName.get('ca.crt')!.certificate!.keyMatches, undefined);
  assert.equal(byName.get('tls.key')!.certificate, undefined);
  assert.equal(byName.get('note')!.certificate, undefined);
  const mismatched = toSecretMeta({
    metadata: { name: 'swapped' },
    type: 'kubernetes.io/tls',
    stringData: { 'tls.crt': leaf.cert, 'tls.key': expired.key },
  });
  assert.equal(mismatched.keys.find((k) => k.name === 'tls.crt')!.certificate!.keyMatches, false);
  const serialized = JSON.stringify([meta, mismatched]);
  for (const pem of [leaf.cert, leaf.key, ca.cert, expired.key]) {
    const body = pem.split('\n')[1];
    assert.ok(!serialized.includes(body) && !serialized.includes(b64(pem).slice(0, 40)), 'no PEM text is kept');
  }
  assert.ok(!serialized.includes('BEGIN'));
});

test('the fact lines a tooltip or Inspect shows', () => {
  const meta = toSecretMeta({
    metadata: { name: 't' },
    stringData: { 'tls.crt': leaf.cert + ca.cert, 'tls.key': soon.key },
  });
  const lines = certificateFactLines(meta.keys[0].certificate!, policy);
  assert.deepEqual(lines, [
    'validity: valid for 200 days',
    'subject CN: pachd.example.com',
    'SANs: DNS:pachd.example.com, DNS:*.pachd.example.com, IP Address:10.0.0.7, email:ops@example.com, URI:spiffe://p/d',
    'issuer: Pachyderm Test CA',
    `not before: ${meta.keys[0].certificate!.notBefore}`,
    `not after: ${meta.keys[0].certificate!.notAfter}`,
    'key: EC 256 (prime256v1)',
    "chain: 2 certificates (facts are the first one's)",
    'tls.key matches: NO',
  ]);
});
