/**
 * Commands on one secret: Inspect, Reveal Value, Copy Value, Copy Name, Show Pipelines Using Secret, Delete.
 *
 * Reveal shows the value in a modal dialog: a dialog is never written to disk, put in a URI, kept in editor
 * history or restored with the window, and it is gone when dismissed, unlike a virtual document, an untitled
 * editor or a notification toast (toasts stay in the notification centre).
 */
import * as vscode from 'vscode';
import { deleteSecret as deleteFromCluster, isPachydermManaged, readSecretKey } from '../../../core/src/catalog';
import type { SecretUsesResult } from '../../../core/src/protocol';
import { copiedText, revealedText } from './secretValue';
import type { ServerAnswer } from '../languageClient';
import type { CommandContext } from '../commands/commandContext';
import { confirmPlatformDelete, confirmTypedName, isPlatformSecret } from '../platform/confirmPlatformDelete';
import { deployedBreakDetail } from './deployedRows';
import type { ClusterArea } from './clusterArea';
import { secretFrom, secretKeyFrom } from './pickTarget';
import { cutNote, workspaceUses } from './workspaceUses';

/** Opens the secret's Inspect document (metadata, masked values, the workspace's uses); returns its URI. */
export async function inspectSecret({ cluster: area }: CommandContext, arg?: unknown): Promise<vscode.Uri | undefined> {
  const secret = await secretFrom(area, arg, 'Pachyderm: Inspect Secret');
  if (!secret) return undefined;
  const uri = area.inspectDocs.uriOf(secret.name);
  area.inspectDocs.refresh(uri);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: true });
  return uri;
}

export async function revealSecretValue({ cluster: area }: CommandContext, arg?: unknown): Promise<void> {
  const target = await secretKeyFrom(area, arg, 'Pachyderm: Reveal Value');
  if (!target) return;
  const bytes = await readKey(area, target.secret.name, target.key);
  if (!bytes) return;
  const COPY = 'Copy Value';
  const choice = await vscode.window.showInformationMessage(
    `${target.secret.name} → ${target.key}`,
    { modal: true, detail: revealedText(bytes) },
    COPY,
  );
  if (choice === COPY) await copyBytes(area, target.secret.name, target.key, bytes);
}

export async function copySecretValue({ cluster: area }: CommandContext, arg?: unknown): Promise<void> {
  const target = await secretKeyFrom(area, arg, 'Pachyderm: Copy Value');
  if (!target) return;
  const bytes = await readKey(area, target.secret.name, target.key);
  if (bytes) await copyBytes(area, target.secret.name, target.key, bytes);
}

export async function copySecretName({ cluster: area }: CommandContext, arg?: unknown): Promise<void> {
  const secret = await secretFrom(area, arg, 'Pachyderm: Copy Secret Name');
  if (!secret) return;
  await vscode.env.clipboard.writeText(secret.name);
  vscode.window.setStatusBarMessage(`Copied secret name "${secret.name}"`, 3000);
}

/** Lists the workspace's pipelines that use the secret and opens the chosen one; returns the uses (tests). */
export async function showPipelinesUsingSecret({ cluster: area }: CommandContext, arg?: unknown) {
  const secret = await secretFrom(area, arg, 'Pachyderm: Show Pipelines Using Secret');
  if (!secret) return undefined;
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
      searchedOnly === undefined ? 'this workspace' : `the ${searchedOnly} JSON/YAML files searched in this workspace`;
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
}

/** Deletes the secret after a modal confirmation fitting what it is; returns whether it was deleted. */
export async function deleteSecret({ cluster: area }: CommandContext, arg?: unknown): Promise<boolean> {
  const secret = await secretFrom(area, arg, 'Pachyderm: Delete Secret');
  if (!secret) return false;
  const { namespace } = area.catalog.target();
  const deployed = area.tree.deployedUsersOf(secret.name);
  const usedBy = usedByDetail(await workspaceUses(area, secret.name)) + deployedBreakDetail(deployed, 'it');
  let confirmed: boolean;
  if (isPlatformSecret(secret.name)) {
    confirmed = await confirmPlatformDelete(secret.name, namespace, usedBy);
  } else if (deployed.length) {
    confirmed = await confirmDeployedDelete(secret.name, namespace, usedBy);
  } else if (isPachydermManaged(secret)) {
    const DELETE = 'Delete';
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
    confirmed = await confirmForeignDelete(secret.name, namespace, usedBy);
  }
  if (!confirmed) return false;
  const api = area.api();
  const deleted = api.ok ? await deleteFromCluster(api.value, secret.name) : api;
  if (!deleted.ok) {
    void vscode.window.showErrorMessage(deleted.message);
    return false;
  }
  vscode.window.setStatusBarMessage(`Deleted secret "${secret.name}" from ${namespace}`, 5000);
  return true;
}

/** A secret deployed pipelines use: their workers cannot start without it, so the name is typed as well. */
async function confirmDeployedDelete(name: string, namespace: string, usedBy: string): Promise<boolean> {
  const CONTINUE = 'Delete Secret Deployed Pipelines Use…';
  const first = await vscode.window.showWarningMessage(
    `Deployed pipelines use secret "${name}". Delete it from namespace "${namespace}"?`,
    { modal: true, detail: `This cannot be undone.${usedBy}` },
    CONTINUE,
  );
  return first === CONTINUE && confirmTypedName(name, `Delete secret "${name}" deployed pipelines use`);
}

/** The stronger confirmation for a secret that pachctl did not create. */
async function confirmForeignDelete(name: string, namespace: string, usedBy: string): Promise<boolean> {
  const DELETE_ANYWAY = 'Delete Anyway';
  return (
    (await vscode.window.showWarningMessage(
      `"${name}" is not a Pachyderm-managed secret. Delete it anyway?`,
      {
        modal: true,
        detail:
          `It was not created with pachctl (no label secret-source=pachyderm-user): it may belong to the ` +
          `Pachyderm platform itself (pachd, postgres, auth, storage) or another application in namespace ` +
          `"${namespace}". Deleting it can break pachd and every pipeline that relies on it. This cannot be undone.` +
          `${usedBy}`,
      },
      DELETE_ANYWAY,
    )) === DELETE_ANYWAY
  );
}

async function copyBytes(area: ClusterArea, name: string, key: string, bytes: Uint8Array): Promise<void> {
  const { text, encoding } = copiedText(bytes);
  const clearAfter = await area.clipboard.copy(text);
  area.host.output.info(`[cluster] copied value of ${name}/${key} (${bytes.length} bytes, ${encoding})`);
  const when = clearAfter ? `; the clipboard will be cleared in ${clearAfter} s` : '';
  vscode.window.setStatusBarMessage(
    `Copied value of ${name} → ${key}${encoding === 'base64' ? ' (binary, as base64)' : ''}${when}`,
    5000,
  );
}

/** One key's bytes, or undefined after an error message (which names the secret, never a value). */
async function readKey(area: ClusterArea, name: string, key: string): Promise<Uint8Array | undefined> {
  const api = area.api();
  const read = api.ok ? await readSecretKey(api.value, name, key) : api;
  if (read.ok) return read.value;
  void vscode.window.showErrorMessage(read.message);
  return undefined;
}

/** The delete confirmation's word on the pipelines that would break; it says so when it cannot tell. */
export function usedByDetail(answer: ServerAnswer<SecretUsesResult>): string {
  if (!answer.ok) return `\n\nCould not check which pipelines in this workspace use it: ${answer.reason}.`;
  const { uses, searchedOnly } = answer.result;
  const cut = searchedOnly === undefined ? '' : ` (${cutNote(searchedOnly)})`;
  if (!uses.length) return cut && `\n\nNo pipeline in this workspace uses it${cut}.`;
  const pipelines = [...new Set(uses.map((u) => u.pipeline))];
  return `\n\nUsed by ${pipelines.length} pipeline(s) in this workspace: ${pipelines.join(', ')}${cut}.`;
}
