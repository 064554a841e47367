/**
 * Helm values files through the real language server protocol: diagnostics for every PH rule, completion,
 * hover and quick fixes, exactly as an editor gets them.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CodeActionRequest,
  CompletionRequest,
  HoverRequest,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type MarkupContent,
} from 'vscode-languageserver-protocol';
import { CatalogNotification } from '../../core/src/protocol/messages';
import { ClientCommands } from '../../core/src/protocol/messages';
import { fixtureText, readySnapshot } from '../unit/helm/helmTestCatalog';
import { caret, LspSession } from './serverProcess';

let s: LspSession;
before(async () => {
  s = await LspSession.start();
});
after(() => s.stop());

let n = 0;
/** A fresh values file URI per test, so diagnostics of one never answer another. */
const valuesUri = (name = 'values.yaml') => `file:///tmp/helm-lsp-${++n}/${name}`;

const codesAt = (text: string, ds: Diagnostic[]) =>
  ds.map((d) => {
    const lines = text.split('\n');
    return `${d.code} ${lines[d.range.start.line].slice(d.range.start.character, d.range.end.character)}`;
  });

async function withCatalog(ready: boolean): Promise<void> {
  const snap = ready
    ? readySnapshot()
    : { context: '', namespace: 'default', state: { kind: 'unknown' as const, reason: 'test' }, secrets: [] };
  await s.connection.sendNotification(CatalogNotification.type, snap);
}

test('a values file written from the docs table gets PH002 with the near-miss hint over LSP', async () => {
  await withCatalog(true);
  const uri = valuesUri();
  const text = fixtureText('values-docs-table.yaml');
  const published = await s.open(uri, 'yaml', text);
  assert.deepEqual(codesAt(text, published.diagnostics), [
    'PH002 pachyderm-root-token',
    'PH002 pachyderm-oauth',
    'PH005 postgres-creds',
  ]);
  const [root] = published.diagnostics;
  assert.equal(root.severity, 1);
  assert.equal(root.source, 'pachyderm');
  assert.match(
    root.message,
    /It has `rootToken`: that is the key the docs' Platform Secrets Map names, but the chart reads `root-token`/,
  );

  const actions = (await s.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: root.range,
    context: { diagnostics: [root] },
  })) as CodeAction[];
  assert.equal(actions.length, 1);
  assert.equal(actions[0].command?.command, ClientCommands.copySecretKey);
  assert.deepEqual(actions[0].command?.arguments, [
    { uri, secret: 'pachyderm-root-token', from: 'rootToken', to: 'root-token' },
  ]);
  await s.close(uri);
});

test('chart 2.11 and 2.12 layouts get every PH rule over LSP', async () => {
  await withCatalog(true);
  for (const [name, expected] of [
    ['values-2.11-enterprise.yaml', ['PH007', 'PH007', 'PH003', 'PH004', 'PH005', 'PH006', 'PH003', 'PH001', 'PH005']],
    ['values-2.12.yaml', ['PH003', 'PH003', 'PH006', 'PH005']],
  ] as const) {
    const uri = valuesUri(name);
    const published = await s.open(uri, 'yaml', fixtureText(name));
    assert.deepEqual(
      published.diagnostics.map((d) => d.code),
      expected,
      name,
    );
    await s.close(uri);
  }
});

test('cluster rules stay silent until the catalog is ready, then the file is re-checked', async () => {
  await withCatalog(false);
  const uri = valuesUri();
  const text = fixtureText('values-docs-table.yaml');
  const first = await s.open(uri, 'yaml', text);
  assert.deepEqual(
    first.diagnostics.map((d) => d.code),
    ['PH005'],
  );
  const rechecked = s.nextDiagnostics(uri, (p) => p.diagnostics.length > 1);
  await withCatalog(true);
  assert.deepEqual(
    (await rechecked).diagnostics.map((d) => d.code),
    ['PH002', 'PH002', 'PH005'],
  );
  await s.close(uri);
});

test('PH003 offers moving the value into a Secret, and the action carries no value', async () => {
  await withCatalog(true);
  const uri = valuesUri();
  const text = fixtureText('values-2.12.yaml');
  const published = await s.open(uri, 'yaml', text);
  const ph003 = published.diagnostics.find((d) => d.code === 'PH003' && d.message.includes('pachd.rootToken'))!;
  const actions = (await s.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: ph003.range,
    context: { diagnostics: [ph003] },
  })) as CodeAction[];
  assert.equal(actions[0].command?.command, ClientCommands.moveValueToSecret);
  assert.deepEqual(actions[0].command?.arguments, [
    {
      uri,
      plainPath: 'pachd.rootToken',
      secretNamePath: 'pachd.rootTokenSecretName',
      key: 'root-token',
      suggestedName: 'pachd-root-token',
    },
  ]);
  assert.ok(!JSON.stringify(actions).includes('plain-root-value'));
  assert.ok(!JSON.stringify(published).includes('plain-root-value'));
  await s.close(uri);
});

test('PH004 offers removing the ignored plain value as an edit', async () => {
  await withCatalog(true);
  const uri = valuesUri();
  const text = 'pachd:\n  rootToken: abc\n  rootTokenSecretName: pach-root\ncloudsqlAuthProxy:\n  iamLogin: true\n';
  const published = await s.open(uri, 'yaml', text);
  const [d] = published.diagnostics;
  assert.equal(d.code, 'PH004');
  const [action] = (await s.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: d.range,
    context: { diagnostics: [d] },
  })) as CodeAction[];
  assert.deepEqual(action.edit?.changes?.[uri], [
    { range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, newText: '' },
  ]);
  await s.close(uri);
});

test('completion on rootTokenSecretName offers secrets holding root-token first', async () => {
  await withCatalog(true);
  const uri = valuesUri();
  const { text, position } = caret('pachd:\n  rootTokenSecretName: |\ncloudsqlAuthProxy:\n  iamLogin: true\n');
  await s.open(uri, 'yaml', text);
  const result = (await s.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position })) as
    CompletionList | CompletionItem[];
  const items = (Array.isArray(result) ? result : result.items)
    .slice()
    .sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
  assert.deepEqual(
    items.slice(0, 2).map((i) => i.label),
    ['pach-root', 'pachyderm-root-token-good'],
  );
  assert.equal(items.find((i) => i.label === 'pachyderm-root-token')?.detail, 'no key root-token');
  await s.close(uri);
});

test('hover on a SecretName says what the chart does with it', async () => {
  await withCatalog(true);
  const uri = valuesUri();
  const { text, position } = caret('pachd:\n  oauthClientSecretSecret|Name: pachyderm-oauth\n');
  await s.open(uri, 'yaml', text);
  const hover = await s.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  const md = (hover!.contents as MarkupContent).value;
  assert.match(
    md,
    /reads key `pachd-oauth-client-secret`\.\n\nNot `auth-config`: that is the key the docs' Platform Secrets Map names/,
  );
  assert.match(md, /`pachyderm-auth`/);
  assert.match(md, /Used by: pachd, enterprise-server/);
  await s.close(uri);
});

test('a YAML file without a pachd mapping named values.yaml gets no helm diagnostics', async () => {
  await withCatalog(true);
  const uri = valuesUri();
  const published = await s.open(uri, 'yaml', 'redis:\n  password: hunter2\n');
  assert.deepEqual(published.diagnostics, []);
  await s.close(uri);
});

/** The hover's text at the first occurrence of `marker` (plus one character, so the caret is on it). */
async function hoverAt(uri: string, text: string, marker: string): Promise<string | undefined> {
  const offset = text.indexOf(marker) + 1;
  const before = text.slice(0, offset).split('\n');
  const position = { line: before.length - 1, character: before[before.length - 1].length };
  const hover = await s.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  return hover ? (hover.contents as MarkupContent).value : undefined;
}

test('a values file of the pre-2.0 community chart gets one information note over LSP, and hover says why', async () => {
  await withCatalog(true);
  const uri = valuesUri();
  const text = fixtureText('values-stable-1x.yaml');
  const published = await s.open(uri, 'yaml', text);
  assert.deepEqual(codesAt(text, published.diagnostics), ['PH008 tag']);
  assert.equal(published.diagnostics[0].severity, 3);
  assert.match(
    (await hoverAt(uri, text, 'etcd:'))!,
    /^Recognised as the community chart stable\/pachyderm .* Not judged:/,
  );
  await s.close(uri);
});

test('hover on a 2.x values file says which chart version it was judged against', async () => {
  await withCatalog(true);
  const uri = valuesUri();
  const text = fixtureText('values-2.12.yaml');
  await s.open(uri, 'yaml', text);
  assert.match(
    (await hoverAt(uri, text, 'global:'))!,
    /^Judged against Pachyderm's Helm chart 2\.x \(pachyderm\/pachyderm etc\/helm\/pachyderm; chart 2\.0 and later; secret facts checked against 2\.11 and 2\.12\), recognised by `global`/,
  );
  await s.close(uri);
});

test('TLS over LSP: a secret the file makes the chart create, and a switched-off proxy TLS block, are not reported', async () => {
  await withCatalog(true);
  const uri = valuesUri();
  const published = await s.open(uri, 'yaml', fixtureText('values-tls-shared.yaml'));
  assert.deepEqual(published.diagnostics, []);
  await s.close(uri);
});

test('a helmfile values template gets one information note over LSP, not a flood of PS100', async () => {
  await withCatalog(true);
  const uri = valuesUri();
  const text = fixtureText('values-helmfile.yaml');
  const published = await s.open(uri, 'yaml', text);
  assert.deepEqual(codesAt(text, published.diagnostics), ['PH008 {{- if .Values.tls }}']);
  assert.equal(published.diagnostics[0].severity, 3);
  await s.close(uri);
});

test('a file named by pachyderm.helmValuesFiles is checked without a top-level pachd', async () => {
  const own = await LspSession.start({
    initializationOptions: { settings: { helmValuesFiles: ['deploy/override-*.yaml'] } },
  });
  try {
    await own.connection.sendNotification(CatalogNotification.type, readySnapshot());
    const text = fixtureText('override-postgres-console.yaml');
    const published = await own.open('file:///w/deploy/override-postgres-console.yaml', 'yaml', text);
    assert.deepEqual(codesAt(text, published.diagnostics), ['PH001 missing-pg-secret', 'PH003 "console-plain-text"']);
  } finally {
    await own.stop();
  }
});
