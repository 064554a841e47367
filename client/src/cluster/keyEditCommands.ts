/**
 * Set Value…, Add Key…, Remove Key and Rename Key…: the commands on one key of a secret (Add Key on the secret).
 * Each asks for what it needs and hands the edit to `runKeyEdit` (keyEditFlow.ts), which checks access, writes
 * with the version the user saw and says what the change means for the workspace's pipelines.
 *
 * Set Value never reads or shows the current value: the new one is typed into a masked input box or read from a
 * file, byte for byte.
 */
import * as vscode from 'vscode';
import { keyBreakWarning, type SecretUse } from '../../../core/src/analysis';
import type { SecretMeta } from '../../../core/src/catalog';
import { MAX_SECRET_DATA_BYTES, secretKeyError } from '../../../core/src/manifest';
import type { CommandContext } from '../commands/commandContext';
import { deployedBreakDetail } from './deployedRows';
import { runKeyEdit } from './keyEditFlow';
import { secretFrom, secretKeyFrom } from './pickTarget';

export const TYPE_VALUE = 'Type the Value';
export const VALUE_FROM_FILE = 'From File…';
export const REMOVE_KEY = 'Remove Key';
export const RENAME_KEY = 'Rename Key';

export async function setSecretValue({ cluster: area }: CommandContext, arg?: unknown) {
  const target = await secretKeyFrom(area, arg, 'Pachyderm: Set Value');
  if (!target) return undefined;
  const { secret, key } = target;
  return runKeyEdit(area, {
    secret,
    ask: async () => {
      const value = await askValue(secret.name, key, 'Pachyderm: Set Value');
      return value && { kind: 'set', key, value };
    },
    done: () => `Set the value of "${secret.name}" → ${key}`,
  });
}

export async function addSecretKey({ cluster: area }: CommandContext, arg?: unknown) {
  const secret = await secretFrom(area, arg, 'Pachyderm: Add Key');
  if (!secret) return undefined;
  return runKeyEdit(area, {
    secret,
    ask: async () => {
      const key = await askKeyName(secret, 'Pachyderm: Add Key', `Name of the new key of "${secret.name}"`);
      const value = key === undefined ? undefined : await askValue(secret.name, key, 'Pachyderm: Add Key');
      return key !== undefined && value ? { kind: 'add', key, value } : undefined;
    },
    done: (edit) => `Added key ${edit.kind === 'add' ? edit.key : ''} to "${secret.name}"`,
  });
}

export async function removeSecretKey({ cluster: area }: CommandContext, arg?: unknown) {
  const target = await secretKeyFrom(area, arg, 'Pachyderm: Remove Key');
  if (!target) return undefined;
  const { secret, key } = target;
  const { namespace } = area.catalog.target();
  return runKeyEdit(area, {
    secret,
    ask: async () => ({ kind: 'remove', key }),
    confirm: (_edit, uses) =>
      confirmed(
        `Remove key "${key}" from secret "${secret.name}"?`,
        (keyBreakWarning(uses, { name: secret.name, namespace }, key) ||
          `No pipeline spec in this workspace uses key "${key}". This cannot be undone.`) +
          deployedBreakDetail(area.tree.deployedUsersOf(secret.name, key), `key "${key}"`, key),
        REMOVE_KEY,
      ),
    done: () => `Removed key ${key} from "${secret.name}"`,
  });
}

export async function renameSecretKey({ cluster: area }: CommandContext, arg?: unknown) {
  const target = await secretKeyFrom(area, arg, 'Pachyderm: Rename Key');
  if (!target) return undefined;
  const { secret, key } = target;
  const { namespace } = area.catalog.target();
  return runKeyEdit(area, {
    secret,
    ask: async () => {
      const to = await askKeyName(secret, 'Pachyderm: Rename Key', `New name of key "${key}" of "${secret.name}"`, key);
      return to === undefined ? undefined : { kind: 'rename', from: key, to };
    },
    confirm: (edit, uses) =>
      confirmRename(secret, namespace, edit.kind === 'rename' ? edit.to : key, key, uses, {
        deployed: deployedBreakDetail(area.tree.deployedUsersOf(secret.name, key), `key "${key}"`, key),
      }),
    done: (edit) => `Renamed key ${key} of "${secret.name}" to ${edit.kind === 'rename' ? edit.to : key}`,
  });
}

/** A rename asks for confirmation only when a pipeline in the workspace, or a deployed one, uses the old name. */
function confirmRename(
  secret: SecretMeta,
  namespace: string,
  to: string,
  from: string,
  uses: readonly SecretUse[],
  { deployed }: { deployed: string },
): Promise<boolean> {
  const warning = (keyBreakWarning(uses, { name: secret.name, namespace }, from, to) + deployed).trim();
  if (!warning) return Promise.resolve(true);
  return confirmed(`Rename key "${from}" of secret "${secret.name}" to "${to}"?`, warning, RENAME_KEY);
}

async function confirmed(message: string, detail: string, button: string): Promise<boolean> {
  return (await vscode.window.showWarningMessage(message, { modal: true, detail }, button)) === button;
}

/** A key name, checked as kubectl checks it and against the secret's keys as the user types. */
function askKeyName(secret: SecretMeta, title: string, prompt: string, current?: string): Thenable<string | undefined> {
  const taken = new Set(secret.keys.map((k) => k.name));
  return vscode.window.showInputBox({
    title,
    prompt,
    value: current,
    ignoreFocusOut: true,
    validateInput: (name) =>
      secretKeyError(name) ?? (taken.has(name) ? `Secret "${secret.name}" already has a key "${name}".` : undefined),
  });
}

/** The new value's bytes: typed into a masked input box, or read from a file exactly. Undefined when cancelled. */
async function askValue(secret: string, key: string, title: string): Promise<Uint8Array | undefined> {
  const how = await vscode.window.showQuickPick(
    [
      { label: TYPE_VALUE, description: 'in a masked input box' },
      { label: VALUE_FROM_FILE, description: "the file's bytes exactly (binary-safe)" },
    ],
    { title, placeHolder: `New value for ${secret} → ${key}` },
  );
  if (!how) return undefined;
  if (how.label === TYPE_VALUE) {
    const typed = await vscode.window.showInputBox({
      title,
      prompt: `New value for ${secret} → ${key} (masked; the current value is not shown)`,
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) =>
        v ? undefined : `The value is empty: to store an empty value, choose "${VALUE_FROM_FILE}" with an empty file.`,
    });
    return typed ? Buffer.from(typed, 'utf8') : undefined;
  }
  const [file] = (await vscode.window.showOpenDialog({ title, canSelectMany: false, openLabel: 'Use as Value' })) ?? [];
  if (!file) return undefined;
  const { size } = await vscode.workspace.fs.stat(file);
  if (size > MAX_SECRET_DATA_BYTES) {
    void vscode.window.showErrorMessage(
      `${vscode.workspace.asRelativePath(file)} is ${size} bytes: ` +
        `a Secret holds at most ${MAX_SECRET_DATA_BYTES} bytes.`,
    );
    return undefined;
  }
  return vscode.workspace.fs.readFile(file);
}
