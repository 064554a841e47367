import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../../core/src/analysis/analyzeDocument';
import { toSecretMeta } from '../../../core/src/catalog/secretMeta';
import { CatalogIndex, emptySnapshot } from '../../../core/src/catalog/snapshot';
import type { CertificateExpiryPolicy } from '../../../core/src/certificates';
import { helmHover } from '../../../core/src/helm/helmHover';
import { parseHelmValues } from '../../../core/src/helm/parseHelmValues';
import { hoverSpec } from '../../../core/src/language/hover';
import { buildSpecModel, parseSpecFile } from '../../../core/src/pipelineSpec';
import { certificateAround, daysFrom } from '../../support/certificates';

// The moment every judgement is made at: passed in, never read from the clock.
const NOW = new Date('2026-06-01T12:00:00Z');
const policy: CertificateExpiryPolicy = { now: NOW.getTime(), warningDays: 30 };
const expired = certificateAround(NOW, 'old.example', -90, -2);
const soon = certificateAround(NOW, 'soon.example', -90, 10.5, 'rsa');
const fine = certificateAround(NOW, 'fine.example', -90, 300);

function tlsSecret(name: string, crt: string, key: string, extra: Record<string, string> = {}) {
  return toSecretMeta({
    metadata: { name, namespace: 'pachyderm' },
    type: 'kubernetes.io/tls',
    stringData: { 'tls.crt': crt, 'tls.key': key, ...extra },
  });
}

const catalog = new CatalogIndex({
  context: 'test',
  namespace: 'pachyderm',
  state: { kind: 'ready' },
  secrets: [
    tlsSecret('expired-tls', expired.cert, expired.key),
    tlsSecret('soon-tls', soon.cert, soon.key, { password: 'hunter2' }),
    tlsSecret('fine-tls', fine.cert, fine.key, { 'ca.crt': expired.cert }),
    toSecretMeta({ metadata: { name: 'plain' }, stringData: { password: 'x' } }),
  ],
});

const spec = (secrets: unknown[]) =>
  JSON.stringify(
    {
      pipeline: { name: 'web' },
      input: { pfs: { repo: 'r', glob: '/*' } },
      transform: { image: 'i:1', cmd: ['x'], secrets },
    },
    null,
    2,
  );

function ps118(text: string, uri = 'file:///w/web.pipeline.json', options = policy, cat = catalog) {
  const { findings } = analyzeDocument({ uri, text }, cat, { certificates: options });
  return findings.filter((f) => f.code === 'PS118').map((f) => `${text.slice(f.start, f.end)}: ${f.message}`);
}

test('PS118 warns at a reference to a secret whose certificate has expired or expires soon', () => {
  const text = spec([
    { name: 'expired-tls', mountPath: '/tls' },
    { name: 'soon-tls', key: 'tls.crt', envVar: 'CRT' },
    { name: 'fine-tls', mountPath: '/ok' },
    { name: 'plain', mountPath: '/p' },
  ]);
  const notAfter = (d: number) =>
    daysFrom(NOW, d)
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
  assert.deepEqual(ps118(text), [
    `"expired-tls": secret expired-tls: certificate in "tls.crt" (CN old.example) expired 2 days ago ` +
      `(not after ${notAfter(-2)})`,
    `"soon-tls": secret soon-tls: certificate in "tls.crt" (CN soon.example) expires in 10 days ` +
      `(not after ${notAfter(10.5)})`,
    // The whole secret is mounted: its expired ca.crt counts, though tls.crt is fine.
    `"fine-tls": secret fine-tls: certificate in "ca.crt" (CN old.example) expired 2 days ago ` +
      `(not after ${notAfter(-2)})`,
  ]);
});

test('PS118 judges only the named key of a reference to one key', () => {
  const text = spec([
    { name: 'soon-tls', key: 'password', envVar: 'PW' },
    { name: 'fine-tls', key: 'tls.crt', envVar: 'CRT' },
  ]);
  assert.deepEqual(ps118(text), []);
});

test('PS118 in YAML, for image pull secrets and egress as well', () => {
  const text = [
    'pipeline: {name: web}',
    'input: {pfs: {repo: r, glob: /*}}',
    'transform:',
    '  image: i:1',
    '  cmd: [x]',
    '  image_pull_secrets: [expired-tls]',
    'egress:',
    '  sql_database:',
    '    url: snowflake://u@a/db/s',
    '    file_format: {type: CSV}',
    '    secret: {name: soon-tls, key: tls.crt}',
    '',
  ].join('\n');
  const found = ps118(text, 'file:///w/web.pipeline.yaml');
  assert.equal(found.length, 2, found.join('\n'));
  assert.match(found[0], /^expired-tls: secret expired-tls: certificate in "tls.crt" .* expired 2 days ago/);
  assert.match(found[1], /^soon-tls: secret soon-tls: .* expires in 10 days/);
});

test('the warning window and the moment come from the caller; without them PS118 is silent', () => {
  const text = spec([{ name: 'soon-tls', mountPath: '/s' }]);
  assert.equal(ps118(text, undefined, { ...policy, warningDays: 10 }).length, 0, '10 days and a half left');
  assert.equal(ps118(text, undefined, { ...policy, warningDays: 11 }).length, 1);
  assert.equal(ps118(text, undefined, { now: daysFrom(NOW, 400).getTime(), warningDays: 0 }).length, 1);
  assert.equal(ps118(text, undefined, { now: daysFrom(NOW, -100).getTime(), warningDays: 0 }).length, 1, 'early');
  const { findings } = analyzeDocument({ uri: 'file:///w/web.pipeline.json', text }, catalog, {});
  assert.deepEqual(
    findings.map((f) => f.code),
    [],
  );
  const unknown = new CatalogIndex(emptySnapshot());
  assert.deepEqual(ps118(text, undefined, policy, unknown), [], 'silent until the catalog is ready');
});

const values = (name: string, enabled = true) =>
  ['pachd:', '  tls:', `    enabled: ${enabled}`, `    secretName: ${name}`, ''].join('\n');

test("PH009 warns where a values file mounts an expiring TLS secret, under the chart's own conditions", () => {
  const ph009 = (text: string, options: CertificateExpiryPolicy | undefined) =>
    analyzeDocument({ uri: 'file:///w/values.yaml', text }, catalog, { certificates: options })
      .findings.filter((f) => f.code === 'PH009')
      .map((f) => `${text.slice(f.start, f.end)}: ${f.message}`);
  const [expiredFinding] = ph009(values('expired-tls'), policy);
  assert.match(expiredFinding, /^expired-tls: Secret `expired-tls`, used as pachd TLS: certificate in "tls.crt"/);
  assert.match(expiredFinding, /expired 2 days ago .*pachd, pachw, pipeline workers will fail their TLS handshakes/);
  assert.equal(ph009(values('soon-tls'), policy).length, 1);
  assert.deepEqual(ph009(values('fine-tls'), policy), [], 'a TLS secretName judges the secret, and tls.crt is fine');
  assert.deepEqual(ph009(values('expired-tls', false), policy), [], 'the chart does not mount it without tls.enabled');
  assert.deepEqual(ph009(values('expired-tls'), undefined), []);
});

test("hover on a reference shows the certificate facts; on a key, only that key's", () => {
  const text = spec([
    { name: 'fine-tls', mountPath: '/ok' },
    { name: 'soon-tls', key: 'tls.crt', envVar: 'C' },
  ]);
  const file = parseSpecFile('file:///w/web.pipeline.json', text);
  const at = (needle: string) =>
    hoverSpec({
      file,
      model: buildSpecModel(file),
      offset: text.indexOf(needle) + 2,
      catalog,
      now: NOW,
      certificates: policy,
      otherUsers: () => [],
    })!.markdown;
  const whole = at('"fine-tls"');
  assert.match(whole, /Certificate in `ca\.crt`: expired 2 days ago/);
  assert.match(whole, /Certificate in `tls\.crt`: valid for 300 days\n- subject CN: fine\.example/);
  assert.match(whole, /- tls\.key matches: yes/);
  const oneKey = at('"tls.crt"');
  assert.match(oneKey, /⚠ Certificate in `tls\.crt`: expires in 10 days/);
  assert.match(oneKey, /- key: RSA 2048/);
  assert.doesNotMatch(oneKey, /ca\.crt/);
  for (const pem of [fine.cert, fine.key, soon.cert, expired.cert])
    assert.ok(!(whole + oneKey).includes(pem.split('\n')[1]), 'no PEM text in a hover');
});

test('helm hover on a TLS secretName shows the certificate facts', () => {
  const text = values('soon-tls');
  const h = helmHover(parseHelmValues(text), text.indexOf('soon-tls') + 1, catalog, text, policy)!;
  assert.match(h.markdown, /⚠ Certificate in `tls\.crt`: expires in 10 days/);
  assert.match(h.markdown, /- SANs: \(none\)/);
  assert.ok(!h.markdown.includes('hunter2'));
});
