/**
 * Closed files leave Problems the moment they leave the workspace: a workspace folder removed
 * (`workspace/didChangeWorkspaceFolders`) or a folder of specs deleted (VS Code's file watcher sends one Deleted
 * event for the folder, none for the files in it). Neither waits for a scan of the workspace to end.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  FileChangeType,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { LspSession } from './serverProcess';

// PS113 (no transform): judged without a catalog.
const BROKEN = '{"pipeline": {"name": "broken"}}\n';
const FILES = ['a/broken.pipeline.json', 'a/specs/one.pipeline.json', 'a/specs/deeper/two.pipeline.json'];
const OTHER = ['b/broken.pipeline.json', 'b/more/three.pipeline.json'];

let root: string;
let session: LspSession;
const fsPath = (rel: string) => path.join(root, rel);
const uriOf = (rel: string) => pathToFileURL(fsPath(rel)).href;
const folder = (name: string) => ({ uri: uriOf(name), name });

const problems = (p: PublishDiagnosticsParams) => p.diagnostics.length > 0;
const none = (p: PublishDiagnosticsParams) => p.diagnostics.length === 0;
/** The latest diagnostics published for `uri` if they pass `accept`, else the next ones that do. */
function diagnosticsOf(uri: string, accept: (p: PublishDiagnosticsParams) => boolean) {
  const last = session.published.filter((p) => p.uri === uri).at(-1);
  return last && accept(last) ? Promise.resolve(last) : session.nextDiagnostics(uri, accept);
}

before(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'pachyderm-folder-removal-'));
  for (const rel of [...FILES, ...OTHER]) {
    mkdirSync(path.dirname(fsPath(rel)), { recursive: true });
    writeFileSync(fsPath(rel), BROKEN);
  }
  session = await LspSession.start({
    workspaceFolders: [folder('a'), folder('b')],
    capabilities: { workspace: { workspaceFolders: true } },
  });
  for (const rel of [...FILES, ...OTHER]) await diagnosticsOf(uriOf(rel), problems);
});

after(async () => {
  await session?.stop();
  rmSync(root, { recursive: true, force: true });
});

test("a deleted folder's closed files leave Problems on the one event for the folder", async () => {
  rmSync(fsPath('a/specs'), { recursive: true });
  const cleared = ['a/specs/one.pipeline.json', 'a/specs/deeper/two.pipeline.json'].map((rel) =>
    session.nextDiagnostics(uriOf(rel), none),
  );
  await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
    changes: [{ uri: uriOf('a/specs'), type: FileChangeType.Deleted }],
  });
  await Promise.all(cleared);
  const kept = session.published.filter((p) => p.uri === uriOf('a/broken.pipeline.json')).at(-1);
  assert.ok(kept && problems(kept), 'a file beside the deleted folder keeps its problems');
});

test("a removed workspace folder's closed files leave Problems before the workspace is walked again", async () => {
  // Changed on disk without a watcher event: only the walk that follows the removal reads it again.
  writeFileSync(fsPath('a/broken.pipeline.json'), '{"pipeline": {"name": "broken"}, "transform": {}}\n');
  const before = session.published.length;
  const rewalked = session.nextDiagnostics(uriOf('a/broken.pipeline.json'), (p) => !p.diagnostics.some(isPs113));
  await session.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
    event: { added: [], removed: [folder('b')] },
  });
  await rewalked;
  const since = session.published.slice(before).map((p) => path.relative(root, fileURLToPath(p.uri)));
  const walkedAt = since.indexOf('a/broken.pipeline.json');
  for (const rel of OTHER) {
    const at = since.indexOf(rel);
    assert.ok(at >= 0 && at < walkedAt, `${rel} cleared before the walk reached a: ${since.join(', ')}`);
    assert.ok(none(session.published.filter((p) => p.uri === uriOf(rel)).at(-1)!));
  }
});

const isPs113 = (d: { code?: number | string }) => d.code === 'PS113';
