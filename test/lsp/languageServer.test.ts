/**
 * The built language server (dist/server.js) driven through the real protocol over stdio: diagnostics on
 * open and change, catalog notification → revalidation, completion, hover, quick fixes, close → cleared,
 * settings through workspace/configuration, and the workspace index behind hover's "also used by".
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DidChangeTextDocumentNotification,
  FileChangeType,
  CompletionRequest,
  CompletionResolveRequest,
  ConfigurationRequest,
  HoverRequest,
  type CodeAction,
  type CompletionList,
  type Diagnostic,
  type MarkupContent,
} from 'vscode-languageserver-protocol';
import { CatalogIndex, type CatalogSnapshot } from '../../core/src/catalog/snapshot';
import { toSecretMeta, type SecretObject } from '../../core/src/catalog/secretMeta';
import { CatalogNotification, ClientCommands } from '../../core/src/protocol/messages';
import { caret, LspSession } from './serverProcess';

const b64 = (s: string) => Buffer.from(s).toString('base64');

function snapshot(): CatalogSnapshot {
  const objects: SecretObject[] = [
    {
      metadata: { name: 'db-credentials', namespace: 'pachyderm', labels: { 'secret-source': 'pachyderm-user' } },
      type: 'Opaque',
      data: { password: b64('pw'), username: b64('u') },
    },
    {
      metadata: { name: 'regcred', namespace: 'pachyderm' },
      type: 'kubernetes.io/dockerconfigjson',
      data: { '.dockerconfigjson': b64('{}') },
    },
  ];
  const secrets = objects.map((o) => toSecretMeta(o));
  return { context: 'kind-pach', namespace: 'pachyderm', state: { kind: 'ready' }, secrets };
}

const SPEC = `{
  "pipeline": {"name": "loader"},
  "transform": {
    "image": "alpine:3.19",
    "cmd": ["sh"],
    "secrets": [{"name": "db-credential", "key": "password", "envVar": "PW"}]
  },
  "input": {"pfs": {"repo": "raw", "glob": "/*"}}
}
`;

const codes = (ds: Diagnostic[]) => ds.map((d) => String(d.code)).sort();

let workspace: string;
let session: LspSession;

before(async () => {
  workspace = mkdtempSync(path.join(tmpdir(), 'pachyderm-lsp-'));
  mkdirSync(path.join(workspace, 'pipelines'));
  // Another pipeline in the workspace using the same secret: hover's "also used by".
  writeFileSync(
    path.join(workspace, 'pipelines', 'export.pipeline.yaml'),
    'pipeline:\n  name: exporter\ntransform:\n  image: alpine:3.19\n  secrets:\n  - name: db-credentials\n    ' +
      'mountPath: /secrets/db\ninput:\n  pfs:\n    repo: raw\n    glob: /*\n',
  );
  session = await LspSession.start({ workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'ws' }] });
});

after(async () => {
  await session?.stop();
  rmSync(workspace, { recursive: true, force: true });
});

test('announces incremental sync, completion, hover and quick fixes', () => {
  const caps = session.initializeResult.capabilities;
  assert.equal(caps.textDocumentSync, 2);
  assert.ok(caps.completionProvider);
  assert.equal(caps.hoverProvider, true);
  assert.ok(caps.codeActionProvider);
});

test('catalog rules stay silent until a catalog arrives, then the open spec is revalidated', async () => {
  const uri = pathToFileURL(path.join(workspace, 'load.pipeline.json')).href;
  const first = await session.open(uri, 'json', SPEC);
  assert.deepEqual(codes(first.diagnostics), []);
  const revalidated = session.nextDiagnostics(uri, (p) => p.diagnostics.length > 0);
  await session.connection.sendNotification(CatalogNotification.type, snapshot());
  const second = await revalidated;
  assert.deepEqual(codes(second.diagnostics), ['PS002']);
  const d = second.diagnostics[0];
  assert.equal(d.source, 'pachyderm');
  assert.match(d.message, /missing Kubernetes secret db-credential/);
  assert.match(d.message, /db-credentials/);
  const line = SPEC.split('\n')[5];
  assert.deepEqual(d.range.start, { line: 5, character: line.indexOf('"db-credential"') });

  // Quick fixes for it: did-you-mean first, then create the secret through the client command.
  const actions = (await session.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: d.range,
    context: { diagnostics: [d] },
  })) as CodeAction[];
  assert.equal(actions[0].title, 'Change to "db-credentials"');
  assert.deepEqual(actions[0].edit?.changes?.[uri], [{ range: d.range, newText: '"db-credentials"' }]);
  const create = actions.find((a) => a.command?.command === ClientCommands.createSecret);
  assert.ok(create, 'no create-secret action');
  assert.deepEqual(create.command!.arguments, [{ name: 'db-credential', uri, key: 'password' }]);

  // The user takes the fix: an incremental change, and the error goes away for that version.
  const { diagnostics } = await session.edit(uri, 2, SPEC, '"db-credential"', '"db-credentials"');
  assert.deepEqual((await diagnostics).diagnostics, []);

  const cleared = await session.close(uri);
  assert.deepEqual(cleared.diagnostics, []);
});

test('completes secret names from the catalog and keys of the named secret', async () => {
  await session.connection.sendNotification(CatalogNotification.type, snapshot());
  const uri = pathToFileURL(path.join(workspace, 'complete.pipeline.yaml')).href;
  const { text, position } = caret('pipeline:\n  name: c\ntransform:\n  image: a:1\n  imagePullSecrets:\n  - |\n');
  await session.open(uri, 'yaml', text);
  const list = (await session.connection.sendRequest(CompletionRequest.type, {
    textDocument: { uri },
    position,
  })) as CompletionList;
  const sorted = [...list.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
  assert.deepEqual(
    sorted.map((i) => i.label),
    ['regcred', 'db-credentials'],
  );
  assert.equal(sorted[0].detail, 'kubernetes.io/dockerconfigjson · 1 key');
  // Documentation comes on resolve, so a long list stays small on the wire; it lists keys, never a value.
  assert.equal(sorted[1].documentation, undefined);
  const resolved = await session.connection.sendRequest(CompletionResolveRequest.type, sorted[1]);
  assert.match((resolved.documentation as MarkupContent).value, /password/);

  const keyDoc = caret(
    'pipeline:\n  name: c\ntransform:\n  image: a:1\n  secrets:\n  ' +
      '- name: db-credentials\n    envVar: PW\n    key: |\n',
  );
  const { diagnostics } = await session.edit(uri, 2, text, text, keyDoc.text);
  await diagnostics;
  const keys = (await session.connection.sendRequest(CompletionRequest.type, {
    textDocument: { uri },
    position: keyDoc.position,
  })) as CompletionList;
  assert.deepEqual(
    keys.items.map((i) => i.label),
    ['password', 'username'],
  );
  await session.close(uri);
});

test("hover shows the secret's metadata and the other pipelines in the workspace using it", async () => {
  await session.connection.sendNotification(CatalogNotification.type, snapshot());
  const uri = pathToFileURL(path.join(workspace, 'hover.pipeline.json')).href;
  const fixed = SPEC.replace('"db-credential"', '"db-credentials"');
  await session.open(uri, 'json', fixed);
  const at = fixed.indexOf('db-credentials');
  const position = {
    line: fixed.slice(0, at).split('\n').length - 1,
    character: at - fixed.lastIndexOf('\n', at) - 1 + 2,
  };
  // The workspace scan runs in the background after `initialized`: poll until it has reached the other file.
  const deadline = Date.now() + 10_000;
  let value = '';
  while (Date.now() < deadline) {
    const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
    value = (hover?.contents as MarkupContent | undefined)?.value ?? '';
    if (value.includes('Also used by')) break;
    await new Promise((r) => setImmediate(r));
  }
  assert.match(value, /Secret \*\*db-credentials\*\*/);
  assert.match(value, /Opaque/);
  assert.match(value, /namespace `pachyderm` of context `kind-pach`/);
  assert.match(value, /Pachyderm-managed/);
  assert.match(value, /\| `password` \| 2 B \| text \|/);
  assert.match(value, /Also used by `exporter` \(pipelines\/export\.pipeline\.yaml\)/);
  await session.close(uri);
});

async function hoverText(s: LspSession, uri: string, text: string, word: string): Promise<string> {
  const at = text.indexOf(word) + 1;
  const position = {
    line: text.slice(0, at).split('\n').length - 1,
    character: at - text.lastIndexOf('\n', at - 1) - 1,
  };
  const hover = await s.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  return (hover?.contents as MarkupContent | undefined)?.value ?? '';
}

test('the workspace index follows files created and deleted on disk', async () => {
  await session.connection.sendNotification(CatalogNotification.type, snapshot());
  const uri = pathToFileURL(path.join(workspace, 'watch.pipeline.yaml')).href;
  const text = 'pipeline:\n  name: watcher\ntransform:\n  image: a:1\n  imagePullSecrets:\n  - regcred\n';
  await session.open(uri, 'yaml', text);
  const created = path.join(workspace, 'pipelines', 'late.pipeline.json');
  writeFileSync(
    created,
    JSON.stringify({ pipeline: { name: 'latecomer' }, transform: { image: 'a:1', imagePullSecrets: ['regcred'] } }),
  );
  await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
    changes: [{ uri: pathToFileURL(created).href, type: FileChangeType.Created }],
  });
  const deadline = Date.now() + 10_000;
  let value = '';
  while (Date.now() < deadline && !value.includes('latecomer')) {
    value = await hoverText(session, uri, text, 'regcred');
    await new Promise((r) => setImmediate(r));
  }
  assert.match(value, /Also used by `latecomer` \(pipelines\/late\.pipeline\.json\)/);

  rmSync(created);
  await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
    changes: [{ uri: pathToFileURL(created).href, type: FileChangeType.Deleted }],
  });
  while (Date.now() < deadline && value.includes('latecomer')) {
    value = await hoverText(session, uri, text, 'regcred');
  }
  assert.doesNotMatch(value, /latecomer/);
  await session.close(uri);
});

test("an open document's unsaved text counts as a user of a secret until it closes", async () => {
  await session.connection.sendNotification(CatalogNotification.type, snapshot());
  const draft = pathToFileURL(path.join(workspace, 'draft.pipeline.yaml')).href;
  await session.open(
    draft,
    'yaml',
    'pipeline:\n  name: draft\ntransform:\n  image: a:1\n  secrets:\n  - name: regcred\n    mountPath: /r\n',
  );
  const uri = pathToFileURL(path.join(workspace, 'reader.pipeline.yaml')).href;
  const text = 'pipeline:\n  name: reader\ntransform:\n  image: a:1\n  imagePullSecrets:\n  - regcred\n';
  await session.open(uri, 'yaml', text);
  assert.match(await hoverText(session, uri, text, 'regcred'), /Also used by `draft` \(draft\.pipeline\.yaml\)/);
  await session.close(draft);
  const deadline = Date.now() + 10_000;
  let value = await hoverText(session, uri, text, 'regcred');
  while (Date.now() < deadline && value.includes('draft')) value = await hoverText(session, uri, text, 'regcred');
  assert.doesNotMatch(value, /draft/);
  await session.close(uri);
});

test('edits in quick succession are validated once, for the latest version only', async () => {
  // A long debounce, so the three changes below (sent back to back) always fall inside one window.
  const s = await LspSession.start({ initializationOptions: { validationDelayMs: 1000 } });
  try {
    const uri = 'file:///nowhere/burst.pipeline.json';
    await s.open(uri, 'json', SPEC);
    const latest = s.nextDiagnostics(uri, (p) => p.version === 4);
    const before = s.published.length;
    for (const version of [2, 3, 4]) {
      void s.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ text: SPEC.replace('"PW"', `"PW${version}"`) }],
      });
    }
    await latest;
    assert.deepEqual(
      s.published.slice(before).map((p) => p.version),
      [4],
    );
  } finally {
    await s.stop();
  }
});

test('a JSON file that is not a pipeline spec, or a Secret the API server takes, gets no diagnostics', async () => {
  for (const [name, kind, value] of [
    ['config.json', 'ConfigMap', 'b'],
    ['secret.json', 'Secret', 'Yg=='],
  ]) {
    const uri = pathToFileURL(path.join(workspace, name)).href;
    const text = `{"apiVersion": "v1", "kind": "${kind}", "metadata": {"name": "x"}, "data": {"a": "${value}"}}`;
    const published = await session.open(uri, 'json', text);
    assert.deepEqual(published.diagnostics, [], name);
    await session.close(uri);
  }
});

test('reads pachyderm.specFiles through workspace/configuration', async () => {
  const s = await LspSession.start({ capabilities: { workspace: { configuration: true } } });
  try {
    s.connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map(() => ({ specFiles: ['**/specs/*.json'] })),
    );
    const uri = 'file:///nowhere/specs/plain.json';
    // Named like nothing special: only the setting makes it a spec, and a spec without `transform` is an error.
    const published = await s.open(uri, 'json', '{"pipeline": {"name": "x"}}');
    assert.ok(codes(published.diagnostics).includes('PS113'), JSON.stringify(published.diagnostics));
  } finally {
    await s.stop();
  }
});

test('a client without workspace/configuration sets specFiles in initializationOptions and pushes changes', async () => {
  const s = await LspSession.start({ initializationOptions: { settings: { specFiles: ['specs/*.json'] } } });
  try {
    const uri = 'file:///nowhere/specs/plain.json';
    const published = await s.open(uri, 'json', '{"pipeline": {"name": "x"}}');
    assert.ok(codes(published.diagnostics).includes('PS113'));
    // The setting no longer covers the file: it is not a spec any more, and its diagnostics go.
    const cleared = s.nextDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await s.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { pachyderm: { specFiles: [] } },
    });
    await cleared;
  } finally {
    await s.stop();
  }
});

test('no secret value crosses the connection when the catalog is built from secrets with values', async () => {
  const values = ['hunter2-plain-value', 'AKIA-SECRET-ACCESS-1234', 'keystore\u0000binary\u00ff'];
  const objects: SecretObject[] = [
    {
      metadata: { name: 'app', namespace: 'pachyderm' },
      type: 'Opaque',
      data: { password: b64(values[0]), token: b64(values[1]) },
    },
    { metadata: { name: 'store', namespace: 'pachyderm' }, type: 'Opaque', stringData: { 'keystore.p12': values[2] } },
  ];
  const s = await LspSession.start();
  try {
    const meta = objects.map((o) => toSecretMeta(o));
    const snap: CatalogSnapshot = { context: 'c', namespace: 'pachyderm', state: { kind: 'ready' }, secrets: meta };
    assert.equal(new CatalogIndex(snap).size, 2);
    const uri = 'file:///nowhere/values.pipeline.yaml';
    await s.open(
      uri,
      'yaml',
      'pipeline:\n  name: v\ntransform:\n  image: a:1\n  secrets:\n  - name: app\n    key: nope\n    envVar: X\n',
    );
    const revalidated = s.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'PS003'));
    await s.connection.sendNotification(CatalogNotification.type, snap);
    await revalidated;
    const sent = s.sentText();
    assert.ok(sent.includes('"name":"app"'), 'the catalog did cross the connection');
    for (const v of values) {
      for (const form of [v, b64(v), JSON.stringify(v).slice(1, -1)]) {
        assert.ok(!sent.includes(form), `value ${JSON.stringify(form)} reached the server`);
      }
    }
  } finally {
    await s.stop();
  }
});
