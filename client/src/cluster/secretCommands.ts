/**
 * Commands on one secret: Inspect, Reveal Value, Copy Value, Copy Name, Show Pipelines Using Secret, Delete.
 *
 * Reveal shows the value in a modal dialog: a dialog is never written to disk, put in a URI, kept in editor
 * history or restored with the window, and it is gone when dismissed, unlike a virtual document, an untitled
 * editor or a notification toast (toasts stay in the notification centre).
 */
import * as vscode from 'vscode';
import { deleteSecret, isPachydermManaged, readSecretKey } from '../../../core/src/catalog';
import { inspectSecretText } from './inspectSecretText';
import type { CatalogChange } from '../../../core/src/catalog';
import { copiedText, revealedText } from './secretValue';
import { SecretUsesRequest, type SecretUsesResult } from '../../../core/src/protocol';
import { askServer, type ServerAnswer } from '../languageClient';
import { confirmPlatformDelete, isPlatformSecret } from '../platform/confirmPlatformDelete';
import type { ClusterArea } from './clusterArea';
import { ClusterCommands } from './commandIds';
import { secretFrom, secretKeyFrom } from './pickTarget';

export const INSPECT_SCHEME = 'pachyderm-secret';

export function registerSecretCommands(area: ClusterArea): void {
  const subs = area.host.context.subscriptions;
  const reg = (id: string, fn: (...args: unknown[]) => unknown) => subs.push(vscode.commands.registerCommand(id, fn));
  const inspectDocs = new InspectDocuments(area);
  subs.push(vscode.workspace.registerTextDocumentContentProvider(INSPECT_SCHEME, inspectDocs), inspectDocs);

  reg(ClusterCommands.inspect, async (arg) => {
    const secret = await secretFrom(area, arg, 'Pachyderm: Inspect Secret');
    if (!secret) return;
    // Only names in the URI: the document is rendered from metadata, and values are masked in it.
    const { context, namespace } = area.catalog.target();
    const uri = vscode.Uri.from({ scheme: INSPECT_SCHEME, path: `/${context}/${namespace}/${secret.name}.txt` });
    inspectDocs.refresh(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: true });
    return uri;
  });

  reg(ClusterCommands.revealValue, async (arg) => {
    const target = await secretKeyFrom(area, arg, 'Pachyderm: Reveal Value');
    if (!target) return;
    const bytes = await withErrors(() => readSecretKey(area.api(), target.secret.name, target.key));
    if (!bytes) return;
    const COPY = 'Copy Value';
    const choice = await vscode.window.showInformationMessage(
      `${target.secret.name} → ${target.key}`,
      { modal: true, detail: revealedText(bytes) },
      COPY,
    );
    if (choice === COPY) await copyBytes(area, target.secret.name, target.key, bytes);
  });

  reg(ClusterCommands.copyValue, async (arg) => {
    const target = await secretKeyFrom(area, arg, 'Pachyderm: Copy Value');
    if (!target) return;
    const bytes = await withErrors(() => readSecretKey(area.api(), target.secret.name, target.key));
    if (bytes) await copyBytes(area, target.secret.name, target.key, bytes);
  });

  reg(ClusterCommands.copyName, async (arg) => {
    const secret = await secretFrom(area, arg, 'Pachyderm: Copy Secret Name');
    if (!secret) return;
    await vscode.env.clipboard.writeText(secret.name);
    vscode.window.setStatusBarMessage(`Copied secret name "${secret.name}"`, 3000);
  });

  reg(ClusterCommands.showPipelines, async (arg) => {
    const secret = await secretFrom(area, arg, 'Pachyderm: Show Pipelines Using Secret');
    if (!secret) return;
    const answer = await workspaceUses(area, secret.name);
    if (!answer.ok) {
      void vscode.window.showErrorMessage(
        `Pachyderm: could not search the workspace for pipelines using secret "${secret.name}": ${answer.reason}.`,
      );
      return undefined;
    }
    const { uses, searchedOnly } = answer.result;
    if (!uses.length) {
      const where =
        searchedOnly === undefined
          ? 'this workspace'
          : `the ${searchedOnly} JSON/YAML files searched in this workspace`;
      void vscode.window.showInformationMessage(`No pipeline spec in ${where} uses secret "${secret.name}".`);
      return [];
    }
    const picked = await vscode.window.showQuickPick(
      uses.map((u) => ({ label: u.pipeline, description: `${u.file}:${u.line}`, detail: u.how, use: u })),
      {
        title: `Pipelines using secret "${secret.name}" (${uses.length})`,
        matchOnDescription: true,
        ...(searchedOnly === undefined ? {} : { placeHolder: cutNote(searchedOnly) }),
      },
    );
    if (picked) {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(picked.use.uri));
      const range = new vscode.Range(doc.positionAt(picked.use.start), doc.positionAt(picked.use.end));
      await vscode.window.showTextDocument(doc, { selection: range });
    }
    return uses.map(({ pipeline, file, line, how }) => ({ pipeline, file, line, how }));
  });

  reg(ClusterCommands.deleteSecret, async (arg) => {
    const secret = await secretFrom(area, arg, 'Pachyderm: Delete Secret');
    if (!secret) return false;
    const { namespace } = area.catalog.target();
    const usedBy = usedByDetail(await workspaceUses(area, secret.name));
    const DELETE = 'Delete';
    let confirmed: boolean;
    if (isPlatformSecret(secret.name)) {
      confirmed = await confirmPlatformDelete(secret.name, namespace, usedBy);
    } else if (isPachydermManaged(secret)) {
      confirmed =
        (await vscode.window.showWarningMessage(
          `Delete secret "${secret.name}" from namespace "${namespace}"?`,
          {
            modal: true,
            detail: `Pipelines that use it will fail to start their workers. This cannot be undone.${usedBy}`,
          },
          DELETE,
        )) === DELETE;
    } else {
      const DELETE_ANYWAY = 'Delete Anyway';
      confirmed =
        (await vscode.window.showWarningMessage(
          `"${secret.name}" is not a Pachyderm-managed secret. Delete it anyway?`,
          {
            modal: true,
            detail: `It was not created with pachctl (no label secret-source=pachyderm-user): it may belong to the Pachyderm platform itself (pachd, postgres, auth, storage) or another application in namespace "${namespace}". Deleting it can break pachd and every pipeline that relies on it. This cannot be undone.${usedBy}`,
          },
          DELETE_ANYWAY,
        )) === DELETE_ANYWAY;
    }
    if (!confirmed) return false;
    const ok = await withErrors(async () => {
      await deleteSecret(area.api(), secret.name);
      return true;
    });
    if (ok) vscode.window.setStatusBarMessage(`Deleted secret "${secret.name}" from ${namespace}`, 5000);
    return !!ok;
  });

  async function copyBytes(a: ClusterArea, name: string, key: string, bytes: Uint8Array): Promise<void> {
    const { text, encoding } = copiedText(bytes);
    await vscode.env.clipboard.writeText(text);
    a.host.output.info(`[cluster] copied value of ${name}/${key} (${bytes.length} bytes, ${encoding})`);
    vscode.window.setStatusBarMessage(
      `Copied value of ${name} → ${key}${encoding === 'base64' ? ' (binary, as base64)' : ''}`,
      5000,
    );
  }
}

/** Runs an operation; a failure becomes an error message (which names the secret, never a value). */
async function withErrors<T>(run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (err) {
    void vscode.window.showErrorMessage(err instanceof Error ? err.message : String(err));
    return undefined;
  }
}

/** Every use of the secret in the workspace's JSON and YAML files, as the language server finds them. */
function workspaceUses(area: ClusterArea, secretName: string): Promise<ServerAnswer<SecretUsesResult>> {
  return askServer(area.host.client, SecretUsesRequest.type, { name: secretName });
}

const cutNote = (searched: number) => `only the first ${searched} JSON/YAML files of the workspace were searched`;

/** The delete confirmation's word on the pipelines that would break; it says so when it cannot tell. */
function usedByDetail(answer: ServerAnswer<SecretUsesResult>): string {
  if (!answer.ok) return `\n\nCould not check which pipelines in this workspace use it: ${answer.reason}.`;
  const { uses, searchedOnly } = answer.result;
  const cut = searchedOnly === undefined ? '' : ` (${cutNote(searchedOnly)})`;
  if (!uses.length) return cut && `\n\nNo pipeline in this workspace uses it${cut}.`;
  const pipelines = [...new Set(uses.map((u) => u.pipeline))];
  return `\n\nUsed by ${pipelines.length} pipeline(s) in this workspace: ${pipelines.join(', ')}${cut}.`;
}

/** The Inspect document's list of uses, with a note when it may be incomplete. */
async function inspectUses(
  area: ClusterArea,
  name: string,
): Promise<{ uses: SecretUsesResult['uses']; note?: string }> {
  const answer = await workspaceUses(area, name);
  if (!answer.ok) return { uses: [], note: `not searched: ${answer.reason}` };
  const { uses, searchedOnly } = answer.result;
  return searchedOnly === undefined ? { uses } : { uses, note: cutNote(searchedOnly) };
}

/** The read-only Inspect documents, re-rendered when the catalog changes. */
class InspectDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly listener = (_s: unknown, change: CatalogChange) => this.onCatalogChange(change);

  constructor(private readonly area: ClusterArea) {
    area.catalog.on('change', this.listener);
  }

  refresh(uri: vscode.Uri): void {
    this.emitter.fire(uri);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const name = nameOf(uri);
    const meta = this.area.catalog.get(name);
    if (!meta)
      return `Secret "${name}" is not in the catalog of ${this.area.catalog.target().context}/${this.area.catalog.target().namespace}.\n`;
    const { uses, note } = await inspectUses(this.area, name);
    return inspectSecretText(meta, uses, undefined, note);
  }

  /** An open Inspect document follows its secret: new keys, labels, or its deletion. */
  private onCatalogChange(change: CatalogChange): void {
    const touched = new Set([...change.changed, ...change.removed]);
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.uri.scheme === INSPECT_SCHEME && (change.stateChanged || touched.has(nameOf(doc.uri))))
        this.emitter.fire(doc.uri);
    }
  }

  dispose(): void {
    this.area.catalog.off('change', this.listener);
    this.emitter.dispose();
  }
}

function nameOf(uri: vscode.Uri): string {
  return decodeURIComponent(uri.path.split('/').pop() ?? '').replace(/\.txt$/, '');
}
