/**
 * Feeds the workspace index: a bounded, asynchronous scan of the workspace folders after `initialized`,
 * then single files as the editor and the file watcher report them.
 */
import { promises as fs } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fsPathOf } from './uris';
import { kindOf } from './documentKinds';
import type { ServerState } from './serverState';
import { scanFolders } from './workspaceIndex';

/** JSON and YAML files only; which of them are specs is each kind's call. */
const CANDIDATE = /\.(json|ya?ml)$/i;

function languageOf(fsPath: string): string {
  return /\.json$/i.test(fsPath) ? 'json' : 'yaml';
}

async function indexText(state: ServerState, uri: string, doc: TextDocument, fromEditor: boolean): Promise<void> {
  const ctx = await state.contextFor(uri);
  const kind = kindOf(doc, ctx);
  state.workspace.set(uri, kind?.secretUses?.(doc, ctx) ?? [], fromEditor);
}

export async function indexDocument(state: ServerState, doc: TextDocument): Promise<void> {
  try {
    await indexText(state, doc.uri, doc, true);
  } catch (err) {
    state.connection.console.error(`indexing ${doc.uri} failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export async function reindexFile(state: ServerState, uri: string): Promise<void> {
  const fsPath = fsPathOf(uri);
  if (!fsPath || !CANDIDATE.test(fsPath)) return;
  try {
    const text = await fs.readFile(fsPath, 'utf8');
    await indexText(state, uri, TextDocument.create(uri, languageOf(fsPath), 0, text), false);
  } catch {
    state.workspace.delete(uri);
  }
}

export async function scanWorkspace(state: ServerState, maxFiles: number): Promise<number> {
  const ctx = await state.contextFor('');
  return scanFolders(
    state.folders,
    (p) => CANDIDATE.test(p),
    (uri, text) => {
      const doc = TextDocument.create(uri, languageOf(uri), 0, text);
      const kind = kindOf(doc, ctx);
      state.workspace.set(uri, kind?.secretUses?.(doc, ctx) ?? []);
    },
    maxFiles,
  );
}
