/**
 * The Secrets tree follows the Inspect document in the active editor: its secret, or the key whose row the cursor
 * is on, is revealed and selected. That is how Go to Definition on a secret reference reaches the tree: the
 * definition is the Inspect document (./inspectDefinition.ts), and opening it on a key's row selects that key.
 * Only while the view is visible: revealing a row would otherwise open the view and take over the side bar; with
 * the view closed, the Inspect document alone is the answer, as Inspect Secret gives it.
 */
import * as vscode from 'vscode';
import { INSPECT_SCHEME, inspectedSecretName } from '../../../core/src/protocol';
import type { ClusterArea } from './clusterArea';
import { keyOfLine } from './inspectSecretText';

async function follow(area: ClusterArea, editor: vscode.TextEditor | undefined): Promise<void> {
  if (!editor || editor.document.uri.scheme !== INSPECT_SCHEME || !area.view.visible) return;
  const name = inspectedSecretName(editor.document.uri.path);
  const key = keyOfLine(editor.document.getText(), editor.selection.active.line);
  const row = area.tree.rowFor(name, key);
  if (!row) return;
  try {
    await area.view.reveal(row, { select: true, focus: false });
  } catch (err) {
    // A row the filter hides (Show Only Pachyderm-Managed Secrets) cannot be revealed; the document still shows.
    area.host.output.info(`[tree] could not reveal ${name}: ${err instanceof Error ? err.name : 'error'}`);
  }
}

export function followInspectDocuments(area: ClusterArea): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor((editor) => void follow(area, editor)),
    vscode.window.onDidChangeTextEditorSelection((e) => {
      if (e.textEditor === vscode.window.activeTextEditor) void follow(area, e.textEditor);
    }),
  );
}
