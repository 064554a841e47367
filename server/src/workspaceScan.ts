/**
 * The one walk of the workspace folders' files: a bounded, asynchronous scan after `initialized` (and again when
 * the folders or the settings that choose files change), then single files as the file watcher reports them and
 * as the editor closes them. Each file is analysed once for both the workspace index (hover's "also used by")
 * and, in `workspace` scope, its Problems (./workspaceProblems.ts); open documents are the validation's.
 */
import { promises as fs } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { failureSummary } from './guarded';
import { folderContaining, fsPathOf, normalizeUri } from './uris';
import { handle, indexEntry } from './documentHandlers';
import type { FeatureContext } from './documentHandler';
import type { ServerState } from './serverState';
import { scanFolders } from './workspaceIndex';
import { limitMessage, workspaceScope } from './workspaceProblems';

/** JSON and YAML files only; which of them are specs is the analysis' call. */
const CANDIDATE = /\.(json|ya?ml)$/i;

function languageOf(fsPath: string): string {
  return /\.json$/i.test(fsPath) ? 'json' : 'yaml';
}

/** Indexes one file read from disk and judges its problems; `closed`: its editor has just closed. */
function indexAndCheck(state: ServerState, doc: TextDocument, ctx: FeatureContext, closed = false): void {
  const h = handle(doc, ctx, true);
  state.workspace.set(doc.uri, indexEntry(h));
  state.problems.check(doc, h, ctx, closed);
}

/**
 * Reads one file from disk into the index and Problems; an unsaved (untitled) or vanished document leaves them.
 * `closed`: the editor has just closed it, so its problems are replaced even when the disk's text has none.
 */
export async function reindexFile(state: ServerState, uri: string, closed = false): Promise<void> {
  const fsPath = fsPathOf(uri);
  const gone = () => {
    state.workspace.delete(uri);
    state.problems.remove(uri, closed);
  };
  if (!fsPath || !CANDIDATE.test(fsPath)) return gone();
  try {
    const text = await fs.readFile(fsPath, 'utf8');
    indexAndCheck(state, TextDocument.create(uri, languageOf(fsPath), 0, text), await state.contextFor(uri), closed);
  } catch {
    gone();
  }
}

/**
 * A file or folder deleted from disk: it and every file under it leave the index and Problems at once (VS Code's
 * watcher reports a deleted folder with one event, none for the files in it).
 */
export function forgetDeleted(state: ServerState, rawUri: string): void {
  const uri = normalizeUri(rawUri);
  const inside = uri.endsWith('/') ? uri : `${uri}/`;
  const gone = (u: string) => u === uri || u.startsWith(inside);
  state.workspace.deleteWhere(gone);
  state.problems.removeWhere(gone);
}

/** Folders left the workspace: their files leave the index and Problems now, not when the next walk ends. */
export function forgetOutsideFolders(state: ServerState): void {
  const gone = (uri: string) => {
    const fsPath = fsPathOf(uri);
    return fsPath === undefined || folderContaining(fsPath, state.folders) === undefined;
  };
  state.workspace.deleteWhere(gone);
  state.problems.removeWhere(gone);
}

/**
 * Walks the workspace folders, at most `pachyderm.diagnosticsMaxFiles` JSON/YAML files, indexing and judging each
 * with its folder's settings and the catalog of the moment it is read (a catalog that arrives meanwhile re-checks
 * what was read before). A newer scan stops this one. Returns how many files were read.
 */
export async function scanWorkspace(state: ServerState): Promise<number> {
  const contexts = await state.closedFileContexts();
  const { base } = contexts;
  const generation = state.problems.startScan(contexts.chosen);
  const { diagnosticsMaxFiles: limit } = base.settings;
  const seen = new Set<string>();
  const scan = await scanFolders(
    state.folders,
    (p) => CANDIDATE.test(p),
    (uri, text) => {
      if (!state.problems.isCurrentScan(generation)) return false;
      seen.add(normalizeUri(uri));
      indexAndCheck(state, TextDocument.create(uri, languageOf(uri), 0, text), contexts.forFile(uri));
      return true;
    },
    limit,
  );
  if (!state.problems.isCurrentScan(generation)) return scan.visited;
  state.problems.keepOnly(seen);
  // Said once per limit, in the editor and in the log.
  if (scan.cut && workspaceScope(base.settings)) state.settings.warnOnce(limitMessage(limit));
  return scan.visited;
}

/** Starts a scan in the background: the open documents' diagnostics never wait for it, and a failure is logged. */
export function rescanWorkspace(state: ServerState): void {
  void scanWorkspace(state).catch((err) =>
    state.connection.console.error(`workspace scan failed: ${failureSummary(err)}`),
  );
}
