/**
 * Read-only in-memory documents for "Open as unsaved JSON editor". An untitled document would be synced to the
 * language server (its selector takes untitled JSON) and backed up by hot exit; a document of this scheme is
 * neither: the values live in this map until the editor closes. Save As and Create Secret from File work on it.
 */
import * as vscode from 'vscode';

export const MANIFEST_SCHEME = 'pachyderm-manifest';

export class ManifestDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private counter = 0;

  constructor() {
    this.subscriptions.push(
      vscode.workspace.registerTextDocumentContentProvider(MANIFEST_SCHEME, this),
      vscode.workspace.onDidCloseTextDocument((doc) => this.texts.delete(doc.uri.toString())),
    );
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** Opens `json` in an editor as `<name>.secret.json` (numbered, so two manifests of one name do not collide). */
  async open(name: string, json: string): Promise<vscode.TextDocument> {
    const uri = vscode.Uri.from({
      scheme: MANIFEST_SCHEME,
      path: `/${++this.counter}/${name || 'secret'}.secret.json`,
    });
    this.texts.set(uri.toString(), json);
    const doc = await vscode.workspace.openTextDocument(uri);
    const shown = doc.languageId === 'json' ? doc : await vscode.languages.setTextDocumentLanguage(doc, 'json');
    await vscode.window.showTextDocument(shown, { preview: false });
    return shown;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.texts.clear();
  }
}
