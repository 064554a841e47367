/**
 * Edit Secret (decoded): a read-only custom editor (a webview) over the `pachyderm-secret-edit` URIs, whose page
 * edits the text and saves it itself.
 *
 * Why not a text editor over the file system provider: VS Code backs up every modified text document of any
 * scheme, with its full text, about a second after each change, whatever `files.hotExit` says
 * (microsoft/vscode src/vs/workbench/services/workingCopy/common/workingCopyBackupTracker.ts, `scheduleBackup`;
 * the text comes from `TextFileEditorModel.backup` in src/vs/workbench/services/textfile/common/
 * textFileEditorModel.ts), and no capability or setting lets an extension opt a scheme out.
 *
 * Why not an editable custom editor either: its edits make a working copy that VS Code auto saves (the browser's
 * default is `afterDelay`, src/vs/workbench/services/filesConfiguration/common/filesConfigurationService.ts), which
 * would write half-typed values to the cluster, keyed on a `vscode-custom-editor:` resource that no per-language
 * setting can reach (src/vs/workbench/browser/parts/editor/editorAutoSave.ts, `scheduleAutoSave`). A read-only
 * custom editor registers no working copy (src/vs/workbench/api/browser/mainThreadCustomEditors.ts): nothing is
 * backed up, auto saved or kept over a reload, and the text is no TextDocument, so neither the language server nor
 * any other extension sees it. The price: VS Code does not know the editor has unsaved changes, so the page marks
 * them itself, and closing it drops them without asking.
 */
import * as vscode from 'vscode';
import { dataChanges, immutableRefusal, secretDataFromText, updateSecretData } from '../../../core/src/catalog';
import type { ClusterArea } from '../cluster/clusterArea';
import { conflictRows } from './conflictRows';
import { readSecretVersion, SecretEditDocument } from './secretEditDocument';
import { secretEditorHtml } from './secretEditorHtml';
import { secretLocationOf } from './secretEditorUri';

export type FromWebview =
  { type: 'ready' } | { type: 'edit'; text: string } | { type: 'save' } | { type: 'overwrite' } | { type: 'discard' };

/** How a save ended: written, nothing to write, refused by the cluster or the text, or a conflict shown. */
export type SaveResult = 'saved' | 'unchanged' | 'conflict' | 'failed';

export class SecretEditorProvider implements vscode.CustomReadonlyEditorProvider<SecretEditDocument> {
  private readonly panels = new Map<SecretEditDocument, Set<vscode.WebviewPanel>>();

  constructor(private readonly area: ClusterArea) {}

  /** The open document of `uri`, if any (tests). */
  documentOf(uri: vscode.Uri): SecretEditDocument | undefined {
    return [...this.panels.keys()].find((d) => d.uri.toString() === uri.toString());
  }

  async openCustomDocument(uri: vscode.Uri): Promise<SecretEditDocument> {
    const where = secretLocationOf(uri);
    if (!where) throw new Error('This is not a secret the decoded editor can open.');
    const { context, namespace } = this.area.catalog.target();
    if (where.context !== context || where.namespace !== namespace)
      throw new Error(
        `Secret "${where.name}" is in ${where.context}/${where.namespace}, but the extension is connected to ` +
          `${context}/${namespace}. Switch to it, then open the secret again.`,
      );
    const read = await readSecretVersion(this.area, where.name);
    if (!read.ok) throw new Error(read.message);
    return new SecretEditDocument(uri, where, read.value);
  }

  resolveCustomEditor(document: SecretEditDocument, panel: vscode.WebviewPanel): void {
    const panels = this.panels.get(document) ?? new Set();
    panels.add(panel);
    this.panels.set(document, panels);
    panel.webview.options = { enableScripts: true, localResourceRoots: [] };
    panel.webview.html = secretEditorHtml(panel.webview.cspSource);
    panel.webview.onDidReceiveMessage((m: FromWebview) => void this.fromWebview(document, m));
    panel.onDidDispose(() => {
      panels.delete(panel);
      if (!panels.size) this.panels.delete(document);
    });
  }

  /** What the page sends: it is up, the text changed, Save, or the user chose a side of a conflict. */
  async fromWebview(document: SecretEditDocument, m: FromWebview): Promise<SaveResult | undefined> {
    switch (m.type) {
      case 'ready':
        this.load(document);
        return undefined;
      case 'edit':
        document.text = m.text;
        return undefined;
      case 'save':
        return this.save(document);
      case 'overwrite':
        if (!document.pendingCluster) return undefined;
        // The user keeps their text; the save now names the version they have seen in the conflict table.
        document.base = document.pendingCluster;
        document.pendingCluster = undefined;
        return this.save(document);
      case 'discard':
        await this.reload(document);
        return undefined;
    }
  }

  private load(document: SecretEditDocument): void {
    this.post(document, { type: 'load', text: document.text, dirty: document.isDirty() });
  }

  private post(document: SecretEditDocument, message: object): void {
    for (const panel of this.panels.get(document) ?? []) void panel.webview.postMessage(message);
  }

  /** Saves one document at a time: a second Save waits for the first, then finds nothing left to write. */
  save(document: SecretEditDocument): Promise<SaveResult> {
    const run = document.saving.then(() => this.write(document));
    document.saving = run.catch(() => undefined);
    return run;
  }

  private async write(document: SecretEditDocument): Promise<SaveResult> {
    const name = document.location.name;
    const refuse = (message: string): SaveResult => {
      this.post(document, { type: 'problem', message });
      void vscode.window.showErrorMessage(message);
      return 'failed';
    };
    if (document.base.immutable) return refuse(immutableRefusal(name).message);
    const next = secretDataFromText(document.text, document.base.data);
    if (!next.ok) return refuse(`Secret "${name}" was not saved: ${next.message}`);
    const changes = dataChanges(document.base.data, next.value);
    if (!Object.keys(changes).length) {
      document.markSaved(document.base);
      this.post(document, { type: 'saved' });
      return 'unchanged';
    }
    const api = this.area.api();
    const written = api.ok ? await updateSecretData(api.value, name, document.base.resourceVersion, changes) : api;
    if (written.ok) {
      const { resourceVersion, immutable } = written.value;
      document.markSaved({ data: next.value, resourceVersion, immutable });
      this.post(document, { type: 'saved' });
      this.area.host.output.info(`[secret editor] saved ${name}: ${Object.keys(changes).length} key(s) changed`);
      return 'saved';
    }
    if ('kind' in written && written.kind === 'conflict' && (await this.showConflict(document, next.value)))
      return 'conflict';
    return refuse(written.message);
  }

  /** Shows, in the editor, each key where the user's text and the cluster's new version differ. */
  private async showConflict(document: SecretEditDocument, mine: Record<string, string>): Promise<boolean> {
    const now = await readSecretVersion(this.area, document.location.name);
    if (!now.ok) return false;
    document.pendingCluster = now.value;
    const message =
      `Secret "${document.location.name}" changed in the cluster since you opened it, so nothing was written. ` +
      `The editor lists the keys that differ.`;
    this.post(document, { type: 'conflict', message, rows: conflictRows(mine, now.value.data) });
    void vscode.window.showWarningMessage(message);
    return true;
  }

  /** Drops the user's text for the cluster's current version. */
  async reload(document: SecretEditDocument): Promise<void> {
    const read = await readSecretVersion(this.area, document.location.name);
    if (!read.ok) {
      void vscode.window.showErrorMessage(read.message);
      return;
    }
    document.reset(read.value);
    this.load(document);
  }
}
