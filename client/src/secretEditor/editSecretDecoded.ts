/** The command that opens a secret in the decoded editor, from a tree row or the palette. */
import * as vscode from 'vscode';
import { checkSecretAccess, immutableRefusal, SECRET_EDIT_VERB } from '../../../core/src/catalog';
import type { CommandContext } from '../commands/commandContext';
import { secretFrom } from '../cluster/pickTarget';
import { SECRET_EDIT_VIEW_TYPE, secretEditUri } from './secretEditorUri';

export const SecretEditorCommands = {
  editDecoded: 'pachyderm.editSecretDecoded',
} as const;

/** Opens the secret in the decoded editor; returns its URI (names only), or undefined when nothing opened. */
export async function editSecretDecoded({ cluster: area }: CommandContext, arg?: unknown) {
  const secret = await secretFrom(area, arg, 'Pachyderm: Edit Secret (decoded)');
  if (!secret) return undefined;
  if (secret.immutable) {
    void vscode.window.showErrorMessage(immutableRefusal(secret.name).message);
    return undefined;
  }
  // The editor reads every value and saves with a patch: a user who may do either not is told which before any
  // value is read, as Set Value does, instead of meeting a 403 on Save after editing.
  const api = area.api();
  const access = api.ok ? await checkSecretAccess(api.value, secret.name, ['get', SECRET_EDIT_VERB]) : api;
  if (!access.ok) {
    void vscode.window.showErrorMessage(access.message);
    return undefined;
  }
  const { context, namespace } = area.catalog.target();
  const uri = secretEditUri({ context, namespace, name: secret.name });
  await vscode.commands.executeCommand('vscode.openWith', uri, SECRET_EDIT_VIEW_TYPE);
  return uri;
}
