/**
 * Whole-workspace Problems through the built server: closed specs and values files in the workspace folders get
 * their diagnostics without being opened, follow the catalog, keep them when an editor closes, lose them when
 * deleted; `pachyderm.diagnosticsScope` = `openFiles` keeps the old behaviour, and
 * `pachyderm.diagnosticsMaxFiles` bounds the scan with one message.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  HoverRequest,
  type MarkupContent,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import type { CatalogSnapshot } from '../../core/src/catalog/snapshot';
import { toSecretMeta } from '../../core/src/catalog/secretMeta';
import { CatalogNotification } from '../../core/src/protocol/messages';
import { LspSession } from './serverProcess';

const b64 = (s: string) => Buffer.from(s).toString('base64');

function catalog(names: string[]): CatalogSnapshot {
  const secrets = names.map((name) =>
    toSecretMeta({ metadata: { name, namespace: 'default' }, type: 'Opaque', data: { password: b64('pw') } }),
  );
  return { context: 'local', namespace: 'default', state: { kind: 'ready' }, secrets };
}

const user = (pipeline: string, secret: string) =>
  `pipeline:\n  name: ${pipeline}\ntransform:\n  image: a:1\n  secrets:\n  - name: ${secret}\n    key: password\n` +
  `    envVar: PW\n`;
const FILES: Record<string, string> = {
  'a/one.pipeline.yaml': user('one', 'db'),
  'a/two.pipeline.yaml': user('two', 'db'),
  'b/other.pipeline.yaml': user('other', 'api'),
  // PS113: no transform. Judged without a catalog.
  'b/broken.pipeline.json': '{"pipeline": {"name": "broken"}}\n',
  'b/not-a-spec.json': '{"name": "package", "version": "1.0.0"}\n',
};

let root: string;
const roots: string[] = [];
const uriIn = (ws: string, rel: string) => pathToFileURL(path.join(ws, rel)).href;

function workspaceWith(files: Record<string, string>): string {
  const ws = mkdtempSync(path.join(root, 'ws-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
    writeFileSync(path.join(ws, rel), text);
  }
  roots.push(ws);
  return ws;
}

async function start(ws: string, settings: Record<string, unknown> = {}): Promise<LspSession> {
  return LspSession.start({
    workspaceFolders: [{ uri: pathToFileURL(ws).href, name: 'ws' }],
    initializationOptions: { settings },
  });
}

const codesIn = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => String(d.code)).sort();
const has = (code: string) => (p: PublishDiagnosticsParams) => codesIn(p).includes(code);
const latest = (s: LspSession, uri: string) => s.published.filter((p) => p.uri === uri).at(-1);

/** The latest diagnostics published for `uri` if they pass `accept`, else the next ones that do. */
function diagnosticsOf(s: LspSession, uri: string, accept: (p: PublishDiagnosticsParams) => boolean) {
  const last = latest(s, uri);
  return last && accept(last) ? Promise.resolve(last) : s.nextDiagnostics(uri, accept);
}

/** Resolves once hover's "also used by" on `uri` names every pipeline in `names`: the scan has read their files. */
async function scanHasRead(s: LspSession, uri: string, text: string, names: string[]): Promise<void> {
  const at = text.indexOf('name: db') + 'name: d'.length;
  const position = { line: text.slice(0, at).split('\n').length - 1, character: at - text.lastIndexOf('\n', at) - 1 };
  const deadline = Date.now() + 10_000;
  for (;;) {
    const hover = await s.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
    const value = (hover?.contents as MarkupContent | undefined)?.value ?? '';
    if (names.every((n) => value.includes(`\`${n}\``))) return;
    if (Date.now() > deadline) assert.fail(`the scan did not read ${names.join(', ')}; hover says:\n${value}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

before(() => {
  root = mkdtempSync(path.join(tmpdir(), 'pachyderm-ws-problems-'));
});
after(() => rmSync(root, { recursive: true, force: true }));

test('closed specs get their problems without being opened, and a catalog change updates those it concerns', async () => {
  const ws = workspaceWith(FILES);
  const s = await start(ws);
  try {
    const broken = await diagnosticsOf(s, uriIn(ws, 'b/broken.pipeline.json'), has('PS113'));
    assert.deepEqual(codesIn(broken), ['PS113']);
    await s.connection.sendNotification(CatalogNotification.type, catalog(['api']));
    for (const rel of ['a/one.pipeline.yaml', 'a/two.pipeline.yaml']) {
      const p = await diagnosticsOf(s, uriIn(ws, rel), has('PS002'));
      assert.match(p.diagnostics.find((d) => d.code === 'PS002')!.message, /missing Kubernetes secret db/);
      assert.equal(p.version, undefined, 'a closed file has no version');
    }
    // The secret appears: the PS002s go; a file the change does not concern is not sent again.
    const otherBefore = s.published.filter((p) => p.uri === uriIn(ws, 'b/other.pipeline.yaml')).length;
    await s.connection.sendNotification(CatalogNotification.type, catalog(['api', 'db']));
    for (const rel of ['a/one.pipeline.yaml', 'a/two.pipeline.yaml'])
      assert.deepEqual((await diagnosticsOf(s, uriIn(ws, rel), (p) => !has('PS002')(p))).diagnostics, []);
    // And removed again: back for every file that uses it.
    await s.connection.sendNotification(CatalogNotification.type, catalog(['api']));
    for (const rel of ['a/one.pipeline.yaml', 'a/two.pipeline.yaml'])
      await diagnosticsOf(s, uriIn(ws, rel), has('PS002'));
    assert.equal(s.published.filter((p) => p.uri === uriIn(ws, 'b/other.pipeline.yaml')).length, otherBefore);
    assert.equal(latest(s, uriIn(ws, 'b/not-a-spec.json')), undefined, 'a file that is no spec gets nothing');
  } finally {
    await s.stop();
  }
});

test("closing a file shows the disk's problems at once, with no empty moment; deleting it clears them", async () => {
  const ws = workspaceWith(FILES);
  const s = await start(ws);
  try {
    await s.connection.sendNotification(CatalogNotification.type, catalog(['api']));
    const uri = uriIn(ws, 'a/one.pipeline.yaml');
    await diagnosticsOf(s, uri, has('PS002'));
    // The editor's unsaved text names a secret that exists: no problem while open.
    const open = await s.open(uri, 'yaml', user('one', 'api'));
    assert.deepEqual(open.diagnostics, []);
    const from = s.published.length;
    const closed = s.nextDiagnostics(uri);
    await s.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual(codesIn(await closed), ['PS002'], "the disk's text is judged again");
    assert.deepEqual(
      s.published.slice(from).filter((p) => p.uri === uri && p.diagnostics.length === 0),
      [],
      'no empty Problems between the close and the disk',
    );
    rmSync(path.join(ws, 'a/one.pipeline.yaml'));
    const cleared = s.nextDiagnostics(uri);
    await s.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri, type: FileChangeType.Deleted }],
    });
    assert.deepEqual((await cleared).diagnostics, []);
  } finally {
    await s.stop();
  }
});

test('a file under a folder with ~ is one file: its open editor is not overwritten by the disk', async () => {
  // VS Code spells the folder `team~1`, node `team%7E1`: both must name one file, or a re-check publishes the
  // saved text's problems over those of the open editor.
  const ws = workspaceWith({ 'team~1/one.pipeline.yaml': user('one', 'db'), 'b/other.pipeline.yaml': user('o', 'z') });
  const s = await start(ws);
  try {
    await s.connection.sendNotification(CatalogNotification.type, catalog(['api']));
    const nodeUri = pathToFileURL(path.join(ws, 'team~1/one.pipeline.yaml')).href;
    const editorUri = nodeUri.replace('%7E', '~');
    assert.notEqual(editorUri, nodeUri);
    await diagnosticsOf(s, nodeUri, has('PS002'));
    assert.deepEqual((await s.open(editorUri, 'yaml', user('one', 'api'))).diagnostics, []);
    const from = s.published.length;
    // A catalog change re-checks the closed files: the other spec's PS002 goes, the open one is left alone.
    await s.connection.sendNotification(CatalogNotification.type, catalog(['api', 'z']));
    await diagnosticsOf(s, uriIn(ws, 'b/other.pipeline.yaml'), (p) => !has('PS002')(p));
    await s.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: editorUri },
      position: { line: 0, character: 0 },
    });
    // The open editor's text is judged again (a version); the disk's (no version) must not be sent.
    const fromDisk = s.published.slice(from).filter((p) => p.uri !== uriIn(ws, 'b/other.pipeline.yaml'));
    assert.deepEqual(
      fromDisk.filter((p) => p.version === undefined || p.diagnostics.length),
      [],
    );
  } finally {
    await s.stop();
  }
});

test('openFiles scope judges only open files, and switching to workspace scope checks the closed ones', async () => {
  const ws = workspaceWith(FILES);
  const s = await start(ws, { diagnosticsScope: 'openFiles' });
  try {
    await s.connection.sendNotification(CatalogNotification.type, catalog(['api']));
    const uri = uriIn(ws, 'a/one.pipeline.yaml');
    const text = user('one', 'db');
    assert.deepEqual(codesIn(await s.open(uri, 'yaml', text)), ['PS002']);
    await scanHasRead(s, uri, text, ['two']);
    const closedUris = Object.keys(FILES)
      .map((rel) => uriIn(ws, rel))
      .filter((u) => u !== uri);
    assert.deepEqual(
      s.published.filter((p) => closedUris.includes(p.uri)),
      [],
      'no closed file is published in openFiles scope',
    );
    assert.deepEqual((await s.close(uri)).diagnostics, [], 'closing an open file clears its problems');
    await s.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { pachyderm: { diagnosticsScope: 'workspace' } },
    });
    await diagnosticsOf(s, uriIn(ws, 'a/two.pipeline.yaml'), has('PS002'));
    await diagnosticsOf(s, uriIn(ws, 'b/broken.pipeline.json'), has('PS113'));
    // And back: every closed file's problems leave.
    await s.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { pachyderm: { diagnosticsScope: 'openFiles' } },
    });
    assert.deepEqual(
      (await diagnosticsOf(s, uriIn(ws, 'a/two.pipeline.yaml'), (p) => !has('PS002')(p))).diagnostics,
      [],
    );
  } finally {
    await s.stop();
  }
});

test('past pachyderm.diagnosticsMaxFiles the scan stops and says so once', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 6; i++) files[`p${i}.pipeline.json`] = `{"pipeline": {"name": "p${i}"}}\n`;
  const ws = workspaceWith(files);
  const s = await start(ws, { diagnosticsMaxFiles: 4 });
  try {
    const deadline = Date.now() + 10_000;
    while (!s.shown.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(s.shown, [
      {
        type: 2,
        message:
          'Pachyderm: the workspace folders hold more than 4 JSON and YAML files, so Problems shows the problems of ' +
          'the first 4 read and of the files you open. Raise pachyderm.diagnosticsMaxFiles to check more.',
      },
    ]);
    const judged = new Set(s.published.filter(has('PS113')).map((p) => p.uri));
    assert.equal(judged.size, 4, `four files judged: ${[...judged].join(', ')}`);
    // A catalog re-check does not repeat the message, nor judge the files past the limit.
    await s.connection.sendNotification(CatalogNotification.type, catalog([]));
    await s.open(uriIn(ws, 'opened.pipeline.json'), 'json', '{"pipeline": {"name": "o"}}\n');
    assert.equal(s.shown.length, 1);
    assert.equal(new Set(s.published.filter(has('PS113')).map((p) => p.uri)).size, 5);
  } finally {
    await s.stop();
  }
});

test('closed files follow the .pachyderm-secrets.json above them, read at the scan and again when it changes', async () => {
  const ws = workspaceWith({
    'b/broken.pipeline.json': FILES['b/broken.pipeline.json'],
    '.pachyderm-secrets.json': '{"rules": {"PS113": "warning"}}\n',
  });
  const s = await start(ws);
  try {
    const uri = uriIn(ws, 'b/broken.pipeline.json');
    const warned = await diagnosticsOf(s, uri, has('PS113'));
    assert.deepEqual(
      warned.diagnostics.map((d) => d.severity),
      [2],
      'the file in the folder above lowers PS113 to a warning',
    );
    writeFileSync(path.join(ws, '.pachyderm-secrets.json'), '{"rules": {"PS113": "off"}}\n');
    const cleared = s.nextDiagnostics(uri);
    await s.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: uriIn(ws, '.pachyderm-secrets.json'), type: FileChangeType.Changed }],
    });
    assert.deepEqual((await cleared).diagnostics, [], 'turned off: the closed file has no problem left');
  } finally {
    await s.stop();
  }
});
