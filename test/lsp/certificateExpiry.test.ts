/**
 * Certificate expiry through the real language server: PS118 in a spec, PH009 in a values file, the window from
 * `pachyderm.certificateExpiryWarningDays`, and the facts in hover. The certificates are made for the test with
 * dates days away from the moment it runs, so the server's own clock judges them the same whenever it runs.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DidChangeConfigurationNotification,
  HoverRequest,
  type Diagnostic,
  type MarkupContent,
} from 'vscode-languageserver-protocol';
import { toSecretMeta } from '../../core/src/catalog/secretMeta';
import type { CatalogSnapshot } from '../../core/src/catalog/snapshot';
import { CatalogNotification } from '../../core/src/protocol/messages';
import { certificateAround } from '../support/certificates';
import { caret, LspSession } from './serverProcess';

const now = new Date();
const expired = certificateAround(now, 'expired.example', -60, -3);
const soon = certificateAround(now, 'soon.example', -60, 5.5, 'rsa');
const fine = certificateAround(now, 'fine.example', -60, 400);
const pems = [expired.cert, expired.key, soon.cert, soon.key, fine.cert, fine.key];

const tls = (name: string, c: { cert: string; key: string }) =>
  toSecretMeta({
    metadata: { name, namespace: 'pachyderm' },
    type: 'kubernetes.io/tls',
    data: { 'tls.crt': Buffer.from(c.cert).toString('base64'), 'tls.key': Buffer.from(c.key).toString('base64') },
  });
const snapshot: CatalogSnapshot = {
  context: 'c',
  namespace: 'pachyderm',
  state: { kind: 'ready' },
  secrets: [tls('expired-tls', expired), tls('fine-tls', fine), tls('soon-tls', soon)],
};

let s: LspSession;
before(async () => {
  s = await LspSession.start();
  await s.connection.sendNotification(CatalogNotification.type, snapshot);
});
after(() => s.stop());

const specText = [
  'pipeline: {name: web}',
  'transform:',
  '  image: i:1',
  '  secrets:',
  '  - {name: expired-tls, mountPath: /a}',
  '  - {name: soon-tls, mountPath: /b}',
  '  - {name: fine-tls, mountPath: /c}',
  '',
].join('\n');

const ps118 = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'PS118').map((d) => d.message);

test('PS118 warns at the secrets whose certificates expired or expire within 30 days', async () => {
  const uri = 'file:///tmp/cert-lsp/web.pipeline.yaml';
  const published = await s.open(uri, 'yaml', specText);
  const found = published.diagnostics.filter((d) => d.code === 'PS118');
  assert.deepEqual(
    found.map((d) => [d.range.start.line, d.severity]),
    [
      [4, 2],
      [5, 2],
    ],
  );
  assert.match(
    found[0].message,
    /^secret expired-tls: certificate in "tls.crt" \(CN expired.example\) expired 3 days ago/,
  );
  assert.match(found[1].message, /^secret soon-tls: certificate in "tls.crt" \(CN soon.example\) expires in 5 days/);
  await s.close(uri);
});

test('the window follows pachyderm.certificateExpiryWarningDays', async () => {
  const uri = 'file:///tmp/cert-lsp/window.pipeline.yaml';
  await s.open(uri, 'yaml', specText);
  const narrowed = s.nextDiagnostics(uri, (p) => ps118(p.diagnostics).length === 1);
  await s.connection.sendNotification(DidChangeConfigurationNotification.type, {
    settings: { pachyderm: { certificateExpiryWarningDays: 5 } },
  });
  assert.match(ps118((await narrowed).diagnostics)[0], /expired-tls/);
  const widened = s.nextDiagnostics(uri, (p) => ps118(p.diagnostics).length === 3);
  await s.connection.sendNotification(DidChangeConfigurationNotification.type, {
    settings: { pachyderm: { certificateExpiryWarningDays: 1000 } },
  });
  assert.match(ps118((await widened).diagnostics)[2], /fine-tls: .* expires in (399|400) days/);
  const back = s.nextDiagnostics(uri, (p) => ps118(p.diagnostics).length === 2);
  await s.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { pachyderm: {} } });
  await back;
  await s.close(uri);
});

test("PH009 warns at a values file's TLS secretName whose certificate expired", async () => {
  const uri = 'file:///tmp/cert-lsp/values.yaml';
  const text = 'pachd:\n  tls:\n    enabled: true\n    secretName: expired-tls\n';
  const published = await s.open(uri, 'yaml', text);
  const ph009 = published.diagnostics.filter((d) => d.code === 'PH009');
  assert.equal(ph009.length, 1);
  assert.equal(ph009[0].range.start.line, 3);
  assert.match(
    ph009[0].message,
    /used as pachd TLS: certificate in "tls.crt" \(CN expired.example\) expired 3 days ago/,
  );
  const { text: t, position } = caret(text.replace('expired-tls', 'expired|-tls'));
  assert.equal(t, text);
  const h = await s.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  assert.match((h!.contents as MarkupContent).value, /⚠ Certificate in `tls.crt`: expired 3 days ago/);
  await s.close(uri);
});

test('hover on a secret reference shows its certificate facts', async () => {
  const uri = 'file:///tmp/cert-lsp/hover.pipeline.yaml';
  await s.open(uri, 'yaml', specText);
  const { position } = caret(specText.replace('soon-tls', 'soon|-tls'));
  const h = await s.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  const markdown = (h!.contents as MarkupContent).value;
  assert.match(markdown, /⚠ Certificate in `tls.crt`: expires in 5 days/);
  assert.match(markdown, /- subject CN: soon.example/);
  assert.match(markdown, /- key: RSA 2048/);
  assert.match(markdown, /- tls.key matches: yes/);
  await s.close(uri);
});

test('no certificate or key PEM text crosses the connection, nor comes back', async () => {
  const sent = s.sentText();
  assert.ok(sent.includes('"subjectCN":"soon.example"'), 'the facts did cross');
  const received = JSON.stringify(s.published);
  for (const pem of pems) {
    for (const line of pem.split('\n').filter((l) => l.length >= 16 && !l.startsWith('-----'))) {
      assert.ok(!sent.includes(line) && !received.includes(line), 'a PEM line reached the server or came back');
    }
    assert.ok(!sent.includes(Buffer.from(pem).toString('base64').slice(0, 60)), 'base64 PEM reached the server');
  }
  assert.ok(!sent.includes('BEGIN') && !sent.includes('PRIVATE KEY'));
});
