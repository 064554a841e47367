/**
 * Open documents: incremental sync through `TextDocuments`, validation on open and change. On close, a workspace
 * folder's file goes back to the disk's text (for the workspace index and, in `workspace` scope, Problems);
 * any other file's problems are cleared. The file watcher keeps closed files current, and a settings change
 * checks or scans them again.
 */
import { FileChangeType } from 'vscode-languageserver/node';
import { editorAnalysis } from './documentAnalysis';
import { guarded, nothing } from './guarded';
import { folderContaining, fsPathOf } from './uris';
import { isRuleSettingsUri } from './ruleSettingsFiles';
import type { ServerState } from './serverState';
import type { ValidationScheduler } from './validation';
import { forgetDeleted, reindexFile, rescanWorkspace } from './workspaceScan';

export function registerDocuments(state: ServerState, validation: ValidationScheduler): void {
  const { documents, connection } = state;
  const log = connection.console;

  // Fires on open too. The editor's text reaches the workspace index through the (debounced) validation.
  documents.onDidOpen(
    guarded(log, 'didOpen', nothing, (e) => {
      editorAnalysis.opened(e.document);
      state.problems.opened(e.document.uri);
    }),
  );
  documents.onDidChangeContent(guarded(log, 'didChange', nothing, (e) => validation.schedule(e.document.uri)));
  documents.onDidClose(
    guarded(log, 'didClose', nothing, (e) => {
      const { uri } = e.document;
      editorAnalysis.closed(uri);
      state.settings.forget(uri);
      state.workspace.closed(uri);
      // The index and Problems hold the workspace folders' files (what the scan and the watcher see): the disk's
      // version of one outside them is never read, so it leaves both with its editor. A folder's file keeps its
      // problems until the disk's replace them, so Problems never flickers empty.
      const fsPath = fsPathOf(uri);
      const inFolder = fsPath !== undefined && folderContaining(fsPath, state.folders) !== undefined;
      validation.clear(uri, !inFolder);
      if (inFolder) void reindexFile(state, uri, true);
      else state.workspace.delete(uri);
    }),
  );

  connection.onDidChangeWatchedFiles(
    guarded(log, 'didChangeWatchedFiles', nothing, (params) => {
      let ruleSettings = false;
      for (const change of params.changes) {
        ruleSettings ||= isRuleSettingsUri(change.uri);
        if (change.type === FileChangeType.Deleted) forgetDeleted(state, change.uri);
        else void reindexFile(state, change.uri);
      }
      // A .pachyderm-secrets.json created, saved or deleted: every document, open or closed, may be judged differently.
      if (ruleSettings) {
        state.ruleFiles.changed();
        validation.scheduleAll();
        state.recheckWorkspace();
      }
    }),
  );

  connection.onDidChangeConfiguration(
    guarded(log, 'didChangeConfiguration', nothing, async (params) => {
      state.settings.changed(params.settings);
      validation.scheduleAll();
      // Settings that choose the files need a walk; any other may change how the kept files are judged.
      if (state.problems.scannedFor((await state.closedFileContexts()).chosen)) state.recheckWorkspace();
      else rescanWorkspace(state);
    }),
  );
}
