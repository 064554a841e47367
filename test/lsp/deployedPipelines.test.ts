/**
 * Deployed pipelines through the built server: the client's `pachyderm/deployed` summary reaches hover (how the
 * spec's deployed pipeline uses the secret, and its failure) and PS060, in an open spec and a closed one of the
 * workspace, and a summary without the failure clears them.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HoverRequest, type MarkupContent, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { DeployedFailureSummary, DeployedSummary } from '../../core/src/deployed/deployedSummary';
import { CatalogNotification, DeployedNotification } from '../../core/src/protocol/messages';
import { caret, LspSession } from './serverProcess';

const spec = (name: string) =>
  `pipeline:\n  name: ${name}\n  project:\n    name: vision\ntransform:\n  image: a:1\n  secrets:\n` +
  `  - name: d|b\n    key: password\n    envVar: PW\n`;
const missing: DeployedFailureSummary = {
  reason: 'CreateContainerConfigError',
  secret: 'db',
  key: 'password',
  cause: 'missing-key',
};

function summary(failures: DeployedFailureSummary[]): DeployedSummary {
  const uses = [{ how: 'env' as const, secret: 'db', key: 'password', envVar: 'PW', container: 'user' }];
  return {
    context: 'local',
    namespace: 'default',
    state: 'ready',
    pipelines: ['faces', 'stored'].map((name) => ({ project: 'vision', name, version: 3, uses, failures })),
  };
}

const ps060 = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.code === 'PS060').map((d) => d.message);
const MESSAGE =
  'Deployed pipeline vision/faces v3 fails: CreateContainerConfigError, key "password" not found in secret "db"';

let root: string;
let s: LspSession;
let closedUri: string;
before(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'pachyderm-deployed-lsp-'));
  writeFileSync(path.join(root, 'stored.pipeline.yaml'), caret(spec('stored')).text);
  closedUri = pathToFileURL(path.join(root, 'stored.pipeline.yaml')).href;
  s = await LspSession.start({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'ws' }] });
  await s.connection.sendNotification(CatalogNotification.type, {
    context: 'local',
    namespace: 'default',
    state: { kind: 'ready' },
    secrets: [
      {
        name: 'db',
        namespace: 'default',
        type: 'Opaque',
        keys: [{ name: 'user', size: 2, binary: false }],
        labels: {},
      },
    ],
  });
});
after(async () => {
  await s.stop();
  rmSync(root, { recursive: true, force: true });
});

async function hoverText(uri: string, position: { line: number; character: number }): Promise<string> {
  const hover = await s.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  return (hover?.contents as MarkupContent | undefined)?.value ?? '';
}

test('a deployed failure reaches hover and PS060 on the open spec; a summary without it clears both', async () => {
  const uri = 'file:///tmp/deployed-lsp/faces.pipeline.yaml';
  const { text, position } = caret(spec('faces'));
  assert.deepEqual(ps060(await s.open(uri, 'yaml', text)), []);
  assert.doesNotMatch(await hoverText(uri, position), /Deployed/);

  const failing = s.nextDiagnostics(uri, (p) => ps060(p).length > 0);
  await s.connection.sendNotification(DeployedNotification.type, summary([missing]));
  const published = await failing;
  assert.deepEqual(ps060(published), [MESSAGE]);
  const d = published.diagnostics.find((x) => x.code === 'PS060')!;
  assert.deepEqual([d.range.start, d.severity], [{ line: 7, character: 10 }, 1]);
  const hover = await hoverText(uri, position);
  assert.match(hover, /Deployed pipeline `vision\/faces v3` uses it: env PW from password\./);
  assert.match(hover, /Its workers fail because of it: CreateContainerConfigError, key `password` not found/);

  const cleared = s.nextDiagnostics(uri, (p) => ps060(p).length === 0);
  await s.connection.sendNotification(DeployedNotification.type, summary([]));
  await cleared;
  const running = await hoverText(uri, position);
  assert.match(running, /Deployed pipeline `vision\/faces v3` uses it/);
  assert.doesNotMatch(running, /fail/);
  await s.close(uri);
});

test('a closed workspace spec gets PS060 from a new summary and loses it with the next', async () => {
  const latest = () => s.published.filter((p) => p.uri === closedUri).at(-1);
  const failing = s.nextDiagnostics(closedUri, (p) => ps060(p).length > 0);
  await s.connection.sendNotification(DeployedNotification.type, summary([missing]));
  assert.deepEqual(ps060(await failing), [MESSAGE.replace('faces', 'stored')]);
  const cleared = s.nextDiagnostics(closedUri, (p) => ps060(p).length === 0);
  await s.connection.sendNotification(DeployedNotification.type, summary([]));
  await cleared;
  assert.deepEqual(ps060(latest()!), []);
});

test('a malformed summary is taken as unknown: nothing deployed is said, and the server keeps answering', async () => {
  const uri = 'file:///tmp/deployed-lsp/again.pipeline.yaml';
  const { text, position } = caret(spec('faces'));
  await s.connection.sendNotification(DeployedNotification.type, summary([missing]));
  await s.open(uri, 'yaml', text);
  const after = s.nextDiagnostics(uri, (p) => ps060(p).length === 0);
  await s.connection.sendNotification(DeployedNotification.type, { state: 'bogus' } as unknown as DeployedSummary);
  await after;
  assert.doesNotMatch(await hoverText(uri, position), /Deployed/);
  // Malformed entries inside a pipeline are dropped; the rest of it still counts.
  const partly = summary([null, missing] as unknown as DeployedFailureSummary[]);
  partly.pipelines[0].uses.push(null as never);
  const failing = s.nextDiagnostics(uri, (p) => ps060(p).length > 0);
  await s.connection.sendNotification(DeployedNotification.type, partly);
  assert.deepEqual(ps060(await failing), [MESSAGE]);
  assert.match(await hoverText(uri, position), /uses it: env PW from password\./);
  await s.close(uri);
});
