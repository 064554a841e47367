/**
 * Feeds the workspace index: a bounded, asynchronous scan of the workspace folders after `initialized`,
 * then single files as the file watcher reports them and as the editor closes them (open documents are
 * indexed by the validation run, from the editor's text).
 */
import { promises as fs } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fsPathOf } from './uris';
import { handle } from './documentHandlers';
import type { FeatureContext } from './documentHandler';
import type { ServerState } from './serverState';
import { scanFolders, type SecretUser } from './workspaceIndex';

/** JSON and YAML files only; which of them are specs is the analysis' call. */
const CANDIDATE = /\.(json|ya?ml)$/i;

function languageOf(fsPath: string): string {
  return /\.json$/i.test(fsPath) ? 'json' : 'yaml';
}

function secretUsers(doc: TextDocument, ctx: FeatureContext): SecretUser[] {
  const h = handle(doc, ctx);
  return h?.handler.secretUsers?.(h.analysed) ?? [];
}

/** Reads one file from disk into the index; an unsaved (untitled) or vanished document leaves it. */
export async function reindexFile(state: ServerState, uri: string): Promise<void> {
  const fsPath = fsPathOf(uri);
  if (!fsPath || !CANDIDATE.test(fsPath)) {
    state.workspace.delete(uri);
    return;
  }
  try {
    const text = await fs.readFile(fsPath, 'utf8');
    const doc = TextDocument.create(uri, languageOf(fsPath), 0, text);
    const ctx = await state.contextFor(uri);
    state.workspace.set(uri, secretUsers(doc, ctx));
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
      state.workspace.set(uri, secretUsers(doc, ctx));
    },
    maxFiles,
  );
}
