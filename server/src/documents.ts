/**
 * Open documents: incremental sync through `TextDocuments`, validation on open and change, cleared on
 * close; the workspace index follows the editor's text while a file is open and, for the workspace folders'
 * files, the disk otherwise.
 */
import { FileChangeType } from 'vscode-languageserver/node';
import { editorAnalysis } from './documentAnalysis';
import { guarded, nothing } from './guarded';
import { folderContaining, fsPathOf } from './uris';
import { isRuleSettingsUri } from './ruleSettingsFiles';
import type { ServerState } from './serverState';
import type { ValidationScheduler } from './validation';
import { reindexFile } from './workspaceScan';

export function registerDocuments(state: ServerState, validation: ValidationScheduler): void {
  const { documents, connection } = state;
  const log = connection.console;

  // Fires on open too. The editor's text reaches the workspace index through the (debounced) validation.
  documents.onDidOpen(guarded(log, 'didOpen', nothing, (e) => editorAnalysis.opened(e.document)));
  documents.onDidChangeContent(guarded(log, 'didChange', nothing, (e) => validation.schedule(e.document.uri)));
  documents.onDidClose(
    guarded(log, 'didClose', nothing, (e) => {
      editorAnalysis.closed(e.document.uri);
      validation.clear(e.document.uri);
      state.settings.forget(e.document.uri);
      state.workspace.closed(e.document.uri);
      // The index holds the workspace folders' files (what the scan and the watcher see): the disk's version
      // of one outside them is never read, so it leaves the index with its editor.
      const fsPath = fsPathOf(e.document.uri);
      if (fsPath && folderContaining(fsPath, state.folders)) void reindexFile(state, e.document.uri);
      else state.workspace.delete(e.document.uri);
    }),
  );

  connection.onDidChangeWatchedFiles(
    guarded(log, 'didChangeWatchedFiles', nothing, (params) => {
      let ruleSettings = false;
      for (const change of params.changes) {
        ruleSettings ||= isRuleSettingsUri(change.uri);
        if (change.type === FileChangeType.Deleted) state.workspace.delete(change.uri);
        else void reindexFile(state, change.uri);
      }
      // A .pachyderm-secrets.json created, saved or deleted: every open document may be judged differently.
      if (ruleSettings) {
        state.ruleFiles.changed();
        validation.scheduleAll();
      }
    }),
  );

  connection.onDidChangeConfiguration(
    guarded(log, 'didChangeConfiguration', nothing, (params) => {
      state.settings.changed(params.settings);
      validation.scheduleAll();
    }),
  );
}
