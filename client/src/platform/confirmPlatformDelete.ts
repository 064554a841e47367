/**
 * The strongest confirmation the extension asks for: deleting a secret the Pachyderm Helm chart owns stops
 * pachd (or auth, the database, storage) from starting, so a modal warning naming its role is followed by
 * typing the secret's name. A secret deployed pipelines use gets the same second step (secretCommands.ts).
 */
import * as vscode from 'vscode';
import { platformSecret } from '../../../core/src/helm';

/** True when `name` is a platform secret; then the caller must use `confirmPlatformDelete`. */
export function isPlatformSecret(name: string): boolean {
  return platformSecret(name) !== undefined;
}

export async function confirmPlatformDelete(name: string, namespace: string, extraDetail = ''): Promise<boolean> {
  const fact = platformSecret(name);
  if (!fact) return false;
  const CONTINUE = 'Delete Platform Secret…';
  const first = await vscode.window.showWarningMessage(
    `"${name}" is a platform secret of the Pachyderm Helm chart ` +
      `(${fact.role}). Delete it from namespace "${namespace}"?`,
    {
      modal: true,
      detail:
        `The chart's pods read ${fact.keys.length ? fact.keys.join(', ') : 'it'} from this secret; without it pachd ` +
        `and the pipelines may fail to start until the chart recreates it (helm upgrade) or you restore it. This ` +
        `cannot be undone.${extraDetail}`,
    },
    CONTINUE,
  );
  return first === CONTINUE && confirmTypedName(name, `Delete platform secret "${name}"`);
}

/** The second step of the strongest confirmation: the user types the secret's name. */
export async function confirmTypedName(name: string, title: string): Promise<boolean> {
  const typed = await vscode.window.showInputBox({
    title,
    prompt: `Type the secret's name, ${name}, to delete it`,
    placeHolder: name,
    ignoreFocusOut: true,
    validateInput: (v) => (v === '' || v === name ? undefined : `Type exactly ${name}`),
  });
  return typed === name;
}
