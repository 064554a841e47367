/**
 * What the workspace index keeps of a document once its editor closes: a workspace folder's file is read
 * again from disk, a file outside every folder (which the scan and the file watcher never see) leaves.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol';
import type { CatalogSnapshot } from '../../core/src/catalog/snapshot';
import { toSecretMeta } from '../../core/src/catalog/secretMeta';
import { CatalogNotification } from '../../core/src/protocol/messages';
import { LspSession } from './serverProcess';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const catalog: CatalogSnapshot = {
  context: 'kind',
  namespace: 'default',
  state: { kind: 'ready' },
  secrets: [
    toSecretMeta({
      metadata: { name: 'regcred', namespace: 'default' },
      type: 'kubernetes.io/dockerconfigjson',
      data: { '.dockerconfigjson': b64('{}') },
    }),
  ],
};
const user = (name: string) =>
  `pipeline:\n  name: ${name}\ntransform:\n  image: a:1\n  imagePullSecrets:\n  - regcred\n`;

let root: string;
let workspace: string;
let session: LspSession;

before(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'pachyderm-close-'));
  workspace = path.join(root, 'ws');
  mkdirSync(workspace);
  session = await LspSession.start({ workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'ws' }] });
  await session.connection.sendNotification(CatalogNotification.type, catalog);
});

after(async () => {
  await session?.stop();
  rmSync(root, { recursive: true, force: true });
});

async function hoverOnRegcred(uri: string, text: string): Promise<string> {
  const at = text.indexOf('regcred') + 1;
  const position = {
    line: text.slice(0, at).split('\n').length - 1,
    character: at - text.lastIndexOf('\n', at - 1) - 1,
  };
  const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  return (hover?.contents as MarkupContent | undefined)?.value ?? '';
}

/** Hovers until `done` holds for the text or 10 s pass; the index follows a close asynchronously. */
async function hoverUntil(uri: string, text: string, done: (value: string) => boolean): Promise<string> {
  const deadline = Date.now() + 10_000;
  let value = await hoverOnRegcred(uri, text);
  while (!done(value) && Date.now() < deadline) {
    await new Promise((r) => setImmediate(r));
    value = await hoverOnRegcred(uri, text);
  }
  return value;
}

test('a closed file outside the workspace folders leaves the index, even when it exists on disk', async () => {
  const outsidePath = path.join(root, 'outside.pipeline.yaml');
  writeFileSync(outsidePath, user('outsider'));
  const outside = pathToFileURL(outsidePath).href;
  const reader = pathToFileURL(path.join(workspace, 'reader.pipeline.yaml')).href;
  await session.open(outside, 'yaml', user('outsider'));
  await session.open(reader, 'yaml', user('reader'));
  assert.match(await hoverOnRegcred(reader, user('reader')), /`outsider`/);
  await session.close(outside);
  assert.doesNotMatch(await hoverUntil(reader, user('reader'), (v) => !v.includes('outsider')), /outsider/);
  await session.close(reader);
});

test('a closed file in a workspace folder is read again from disk', async () => {
  const insidePath = path.join(workspace, 'inside.pipeline.yaml');
  writeFileSync(insidePath, user('on-disk'));
  const inside = pathToFileURL(insidePath).href;
  const reader = pathToFileURL(path.join(workspace, 'reader2.pipeline.yaml')).href;
  await session.open(inside, 'yaml', user('unsaved'));
  await session.open(reader, 'yaml', user('reader'));
  assert.match(await hoverOnRegcred(reader, user('reader')), /`unsaved`/);
  await session.close(inside);
  assert.match(await hoverUntil(reader, user('reader'), (v) => v.includes('on-disk')), /`on-disk`/);
  await session.close(reader);
});
