/**
 * Go to Definition and Find All References through the built server. The definition of a secret is its read-only
 * Inspect document (the key asked on travels in the fragment); references come from the workspace index, so specs
 * and Helm values files that are not open count, each with the range of the name or, asked on a key, of that key
 * (in a values file, the name of a secret the chart reads that key from, or the key value that chooses it).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DefinitionRequest, ReferencesRequest, type Location, type Position } from 'vscode-languageserver-protocol';
import { toSecretMeta } from '../../core/src/catalog/secretMeta';
import type { CatalogSnapshot } from '../../core/src/catalog/snapshot';
import { CatalogNotification } from '../../core/src/protocol/messages';
import { caret, LspSession } from './serverProcess';

const CANARY = 'CANARY-navigation-Zp41';

function snapshot(): CatalogSnapshot {
  const data = { password: Buffer.from(CANARY).toString('base64'), user: Buffer.from('u').toString('base64') };
  const secrets = [toSecretMeta({ metadata: { name: 'db', namespace: 'pach ns' }, type: 'Opaque', data })];
  return { context: 'arn:aws:eks:eu-west-1:1:cluster/prod', namespace: 'pach ns', state: { kind: 'ready' }, secrets };
}

const CLOSED: Record<string, string> = {
  'pipelines/reader.pipeline.yaml':
    'pipeline:\n  name: reader\ntransform:\n  image: alpine:3.19\n  secrets:\n' +
    '    - name: db\n      key: password\n      env_var: PW\n' +
    '    - name: db\n      key: user\n      env_var: U\n',
  // Not named *.pipeline.*: a spec by its content.
  'exports/export.json': JSON.stringify(
    {
      pipeline: { name: 'export' },
      transform: { image: 'x:1' },
      egress: { sqlDatabase: { url: 'u', fileFormat: { type: 'CSV' }, secret: { name: 'db', key: 'password' } } },
    },
    null,
    2,
  ),
  'pipelines/other.pipeline.json': JSON.stringify({
    pipeline: { name: 'other' },
    transform: { image: 'x:1', secrets: [{ name: 'other-db', key: 'password', env_var: 'P' }] },
  }),
  // The chart reads key root-token of the first and key `password` of the second (chosen by the next value).
  'helm/values-prod.yaml':
    'pachd:\n  rootTokenSecretName: db\nglobal:\n  postgresql:\n' +
    '    postgresqlExistingSecretName: db\n    postgresqlExistingSecretKey: password\n',
};

const OPEN = `{
  "pipeline": {"name": "load"},
  "transform": {
    "image": "alpine:3.19",
    "secrets": [{"name": "d|b", "key": "password", "envVar": "PW"}],
    "imagePullSecrets": ["missing-one"]
  }
}
`;

let workspace: string;
let session: LspSession;
let openUri: string;
const { text: openText, position: onName } = caret(OPEN);
const positionOf = (needle: string, delta = 1): Position =>
  caret(OPEN.replace('d|b', 'db').replace(needle, needle.slice(0, delta) + '|' + needle.slice(delta))).position;
const onKey = positionOf('"password"', 3);

before(async () => {
  workspace = mkdtempSync(path.join(tmpdir(), 'pachyderm-navigation-'));
  for (const [rel, text] of Object.entries(CLOSED)) {
    mkdirSync(path.dirname(path.join(workspace, rel)), { recursive: true });
    writeFileSync(path.join(workspace, rel), text);
  }
  session = await LspSession.start({ workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'ws' }] });
  openUri = pathToFileURL(path.join(workspace, 'load.pipeline.json')).href;
  await session.open(openUri, 'json', openText);
});

after(async () => {
  await session?.stop();
  rmSync(workspace, { recursive: true, force: true });
});

const definition = (position: Position) =>
  session.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: openUri }, position });
const references = (position: Position) =>
  session.connection.sendRequest(ReferencesRequest.type, {
    textDocument: { uri: openUri },
    position,
    context: { includeDeclaration: true },
  }) as Promise<Location[] | null>;

/** Each location as `file: text at its range`, the file relative to the workspace. */
function described(locations: Location[] | null): string[] {
  return (locations ?? []).map((l) => {
    const fsPath = fileURLToPath(l.uri);
    const text = fsPath.endsWith('load.pipeline.json') ? openText : readFileSync(fsPath, 'utf8');
    const lines = text.split('\n');
    assert.equal(l.range.start.line, l.range.end.line);
    const at = lines[l.range.start.line].slice(l.range.start.character, l.range.end.character);
    return `${path.relative(workspace, fsPath)}:${l.range.start.line + 1}: ${at}`;
  });
}

/** The index is filled in the background after start: ask until it has the closed files (a hang is the failure). */
async function referencesOnceIndexed(position: Position, count: number): Promise<Location[]> {
  for (let i = 0; ; i++) {
    const found = (await references(position)) ?? [];
    if (found.length >= count || i === 200) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('announces definition and references', () => {
  assert.equal(session.initializeResult.capabilities.definitionProvider, true);
  assert.equal(session.initializeResult.capabilities.referencesProvider, true);
});

test('no definition before the catalog is ready, nor for a secret the cluster does not hold', async () => {
  assert.equal(await definition(onName), null);
  await session.connection.sendNotification(CatalogNotification.type, snapshot());
  // The catalog notification and the next request are handled in order.
  assert.equal(await definition(positionOf('"missing-one"', 3)), null);
  assert.equal(await definition(positionOf('"alpine:3.19"', 3)), null);
});

test('the definition of a secret is its Inspect document, of a key the same with the key', async () => {
  await session.connection.sendNotification(CatalogNotification.type, snapshot());
  const onSecret = (await definition(onName)) as Location;
  const uri = 'pachyderm-secret:/arn%3Aaws%3Aeks%3Aeu-west-1%3A1%3Acluster%2Fprod/pach%20ns/db.txt';
  assert.deepEqual(onSecret, { uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
  assert.equal(((await definition(onKey)) as Location).uri, `${uri}#key=password`);
  assert.ok(!session.sentText().includes(CANARY), 'the catalog carries no value');
});

test('references of a secret: every spec and values file that names it, open or closed, and no other', async () => {
  const found = described(await referencesOnceIndexed(onName, 6));
  assert.deepEqual(found.sort(), [
    'exports/export.json:15: "db"',
    'helm/values-prod.yaml:2: db',
    'helm/values-prod.yaml:5: db',
    'load.pipeline.json:5: "db"',
    'pipelines/reader.pipeline.yaml:6: db',
    'pipelines/reader.pipeline.yaml:9: db',
  ]);
});

test('references of a key: the uses of that key, at the key', async () => {
  await referencesOnceIndexed(onName, 6);
  const found = described(await references(onKey));
  assert.deepEqual(found.sort(), [
    'exports/export.json:16: "password"',
    'helm/values-prod.yaml:6: password',
    'load.pipeline.json:5: "password"',
    'pipelines/reader.pipeline.yaml:7: password',
  ]);
});

test('a closed file changed on disk is read again: its new reference counts', async () => {
  await referencesOnceIndexed(onName, 6);
  const file = path.join(workspace, 'pipelines/other.pipeline.json');
  writeFileSync(file, readFileSync(file, 'utf8').replace('"other-db"', '"db"'));
  await session.connection.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [{ uri: pathToFileURL(file).href, type: 2 }],
  });
  const found = described(await referencesOnceIndexed(onKey, 5));
  assert.ok(found.includes('pipelines/other.pipeline.json:1: "password"'), found.join('\n'));
});

test('nothing to find off a reference', async () => {
  assert.deepEqual(await references(positionOf('"alpine:3.19"', 3)), []);
});

test('in an open values file: the definition of a named secret, and its references from there', async () => {
  await session.connection.sendNotification(CatalogNotification.type, snapshot());
  await referencesOnceIndexed(onName, 6);
  const values = caret('pachd:\n  rootTokenSecretName: d|b\n  tls:\n    secretName: missing-tls\n');
  const uri = pathToFileURL(path.join(workspace, 'values.yaml')).href;
  writeFileSync(fileURLToPath(uri), values.text);
  await session.open(uri, 'yaml', values.text);
  const at = (position: Position) => ({ textDocument: { uri }, position });
  const onDb = (await session.connection.sendRequest(DefinitionRequest.type, at(values.position))) as Location;
  assert.equal(onDb.uri, 'pachyderm-secret:/arn%3Aaws%3Aeks%3Aeu-west-1%3A1%3Acluster%2Fprod/pach%20ns/db.txt');
  const onTls = { line: 3, character: 17 };
  assert.equal(await session.connection.sendRequest(DefinitionRequest.type, at(onTls)), null);
  const found = (await session.connection.sendRequest(ReferencesRequest.type, {
    ...at(values.position),
    context: { includeDeclaration: true },
  })) as Location[];
  const files = found.map((l) => path.relative(workspace, fileURLToPath(l.uri)));
  assert.ok(files.includes('values.yaml') && files.includes('helm/values-prod.yaml'), files.join('\n'));
  assert.ok(files.includes('load.pipeline.json') && files.includes('exports/export.json'), files.join('\n'));
});
