/**
 * Open documents: incremental sync through `TextDocuments`, validation on open and change, cleared on
 * close; the workspace index follows the editor's text while a file is open and, for the workspace folders'
 * files, the disk otherwise.
 */
import { FileChangeType } from 'vscode-languageserver/node';
import { editorAnalysis, folderContaining } from './pipelineSpecKind';
import { fsPathOf } from './uris';
import type { ServerState } from './serverState';
import type { ValidationScheduler } from './validation';
import { reindexFile } from './workspaceScan';

export function registerDocuments(state: ServerState, validation: ValidationScheduler): void {
  const { documents, connection } = state;

  // Fires on open too. The editor's text reaches the workspace index through the (debounced) validation.
  documents.onDidOpen((e) => editorAnalysis.opened(e.document));
  documents.onDidChangeContent((e) => validation.schedule(e.document.uri));
  documents.onDidClose((e) => {
    editorAnalysis.closed(e.document.uri);
    validation.clear(e.document.uri);
    state.settings.forget(e.document.uri);
    state.workspace.closed(e.document.uri);
    // The index holds the workspace folders' files (what the scan and the watcher see): the disk's version
    // of one outside them is never read, so it leaves the index with its editor.
    const fsPath = fsPathOf(e.document.uri);
    if (fsPath && folderContaining(fsPath, state.folders)) void reindexFile(state, e.document.uri);
    else state.workspace.delete(e.document.uri);
  });

  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) {
      if (change.type === FileChangeType.Deleted) state.workspace.delete(change.uri);
      else void reindexFile(state, change.uri);
    }
  });

  connection.onDidChangeConfiguration((params) => {
    state.settings.changed(params.settings);
    validation.scheduleAll();
  });
}
