/**
 * Asking the language server about a document the user is editing, for the quick-fix commands that edit it (PH003,
 * PS050): the answer comes with the text it was about, so slices and edits are applied to that text and no other.
 */
import * as vscode from 'vscode';
import type { RequestType } from 'vscode-languageclient/node';
import type { AnsweredFrom } from '../../core/src/protocol';
import type { OffsetEdit } from '../../core/src/text';
import type { ClusterArea } from './cluster/clusterArea';
import { askServer, type ServerAnswer } from './languageClient';

/** Tries before giving up when the user keeps typing while the server answers. */
const FRESH_ATTEMPTS = 3;

/**
 * Asks the server about a document, and returns its answer with the text it was about: the editor's text of the
 * same version, or (when the server read the file on disk) the editor's unchanged text.
 */
export async function askAboutDocument<P, R extends AnsweredFrom>(
  area: ClusterArea,
  document: vscode.TextDocument,
  type: RequestType<P, R, void>,
  params: P,
): Promise<(ServerAnswer<R> & { ok: false }) | { ok: true; result: R; text: string }> {
  for (let attempt = 0; attempt < FRESH_ATTEMPTS; attempt++) {
    const answer = await askServer(area.host.client, type, params);
    if (!answer.ok) return answer;
    const fresh = answer.result.version === null ? !document.isDirty : answer.result.version === document.version;
    if (fresh) return { ok: true, result: answer.result, text: document.getText() };
  }
  return { ok: false, reason: 'the file kept changing while it was read' };
}

export async function applyEdits(document: vscode.TextDocument, edits: readonly OffsetEdit[]): Promise<boolean> {
  if (!edits.length) return false;
  const we = new vscode.WorkspaceEdit();
  for (const e of edits) {
    we.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
  }
  return vscode.workspace.applyEdit(we);
}
