/**
 * The steps every key edit goes through, in the order a user meets them: an immutable secret is refused with the
 * offer to delete and recreate it; the API server is asked whether the user may patch the secret before anything
 * is asked; then the edit, a modal confirmation naming the pipelines that break (remove, rename), the write with
 * the version the user saw, "Retry on the New Version" on a conflict, and a notification naming the pipelines that
 * use the key and when they see the change.
 *
 * Values exist here only as the bytes of a `KeyEdit`, in memory, on their way to the write: no message, log line or
 * notification below is built from one.
 */
import * as vscode from 'vscode';
import { keyChangeNote, type SecretUse } from '../../../core/src/analysis';
import {
  checkSecretAccess,
  editedKeys,
  editSecretKey,
  immutableRefusal,
  recreateSecretWithEdit,
  refreshSecretVersion,
  type KeyEdit,
  type SecretEditOutcome,
  type SecretMeta,
  type SecretsApi,
} from '../../../core/src/catalog';
import type { ClusterArea } from './clusterArea';
import { deployedNotice } from './deployedRows';
import { usedByDetail } from './secretCommands';
import { workspaceUses } from './workspaceUses';

export interface KeyEditRequest {
  secret: SecretMeta;
  /** Asks the user for the edit (a value, a key name); undefined when cancelled. */
  ask(): Promise<KeyEdit | undefined>;
  /** A modal confirmation given the workspace's uses of the secret; false stops before the write. */
  confirm?(edit: KeyEdit, uses: readonly SecretUse[]): Promise<boolean>;
  /** What the notification says was done, e.g. `Set the value of "db" → password`. */
  done(edit: KeyEdit): string;
}

export const RETRY_ON_NEW_VERSION = 'Retry on the New Version';
export const OFFER_RECREATE = 'Delete and Recreate…';
export const CONFIRM_RECREATE = 'Delete and Recreate';

/** Runs one key edit from start to notification; returns the secret's new metadata when it was written. */
export async function runKeyEdit(area: ClusterArea, req: KeyEditRequest): Promise<SecretMeta | undefined> {
  const api = area.api();
  if (!api.ok) return showError(api.message);
  if (req.secret.immutable) return offerRecreate(area, api.value, req, { seen: req.secret });
  const access = await checkSecretAccess(api.value, req.secret.name);
  if (!access.ok) return showError(access.message);
  const edit = await req.ask();
  if (!edit) return undefined;
  const uses = await usesOf(area, req.secret.name);
  if (req.confirm && !(await req.confirm(edit, uses))) return undefined;
  const { written, seen } = await writeWithRetry(api.value, req.secret, edit);
  if (!written.ok) {
    if (written.kind === 'immutable') return offerRecreate(area, api.value, req, { seen, edit, said: written.message });
    return written.kind === 'cancelled' ? undefined : showError(written.message);
  }
  notifyDone(area, req.done(edit), { secret: req.secret.name, key: editedKeys(edit)[0] }, uses);
  return written.value;
}

type WriteOutcome = SecretEditOutcome<SecretMeta> | { ok: false; kind: 'cancelled' };

/**
 * The write; on a conflict, the user may retry on the new version, which applies only their change again. Returns
 * the outcome and the version last written to (a retry's).
 */
async function writeWithRetry(
  api: SecretsApi,
  secret: SecretMeta,
  edit: KeyEdit,
): Promise<{ written: WriteOutcome; seen: SecretMeta }> {
  let seen: SecretMeta = secret;
  for (;;) {
    const written = await editSecretKey(api, seen, edit);
    if (written.ok || written.kind !== 'conflict') return { written, seen };
    const choice = await vscode.window.showWarningMessage(
      written.message,
      {
        modal: true,
        detail:
          'Retrying reads the secret as it is now and applies only your change to it: the other changes made ' +
          'in the cluster are kept.',
      },
      RETRY_ON_NEW_VERSION,
    );
    if (choice !== RETRY_ON_NEW_VERSION) return { written: { ok: false, kind: 'cancelled' }, seen };
    const fresh = await refreshSecretVersion(api, seen.name);
    if (!fresh.ok) return { written: fresh, seen };
    seen = fresh.value;
    if (seen.immutable) return { written: immutableRefusal(seen.name), seen };
  }
}

/**
 * The refusal of an immutable secret, with what kubectl users do: delete it and create it again with the change,
 * after a confirmation naming the workspace's pipelines that use it. `seen` is the version to recreate from; `edit`
 * the user's change when it was already asked for; `said` the refusal's words when the API server gave them.
 */
async function offerRecreate(
  area: ClusterArea,
  api: SecretsApi,
  req: KeyEditRequest,
  from: { seen: SecretMeta; edit?: KeyEdit; said?: string },
): Promise<SecretMeta | undefined> {
  const name = req.secret.name;
  const refusal = from.said ?? immutableRefusal(name).message;
  const offer = await vscode.window.showWarningMessage(refusal, { modal: true }, OFFER_RECREATE);
  if (offer !== OFFER_RECREATE) return undefined;
  const access = await checkSecretAccess(api, name, ['get', 'delete', 'create']);
  if (!access.ok) return showError(access.message);
  const edit = from.edit ?? (await req.ask());
  if (!edit) return undefined;
  const answer = await workspaceUses(area, name);
  const confirmed = await vscode.window.showWarningMessage(
    `Delete secret "${name}" and create it again with your change?`,
    {
      modal: true,
      detail:
        `It is created again immutable, with the same type, labels and annotations and a new uid. Pods that use ` +
        `it keep what they read until they restart.${usedByDetail(answer)}`,
    },
    CONFIRM_RECREATE,
  );
  if (confirmed !== CONFIRM_RECREATE) return undefined;
  const recreated = await recreateSecretWithEdit(api, from.seen, edit);
  if (!recreated.ok) return showError(recreated.message);
  const uses = answer.ok ? answer.result.uses : [];
  notifyDone(area, `${req.done(edit)} (deleted and created again)`, { secret: name, key: editedKeys(edit)[0] }, uses);
  return recreated.value;
}

/** The workspace's uses of the secret; none when the language server cannot say (the write does not wait on it). */
async function usesOf(area: ClusterArea, name: string): Promise<readonly SecretUse[]> {
  const answer = await workspaceUses(area, name);
  return answer.ok ? answer.result.uses : [];
}

function notifyDone(area: ClusterArea, what: string, at: { secret: string; key: string }, uses: readonly SecretUse[]) {
  area.host.output.info(`[cluster] ${what}`);
  const deployed = deployedNotice(area.tree.deployedUsersOf(at.secret, at.key), at.key);
  void vscode.window.showInformationMessage(`${what}. ${keyChangeNote(uses, at.key)}${deployed}`);
}

function showError(message: string): undefined {
  void vscode.window.showErrorMessage(message);
  return undefined;
}
