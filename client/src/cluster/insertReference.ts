/**
 * Insert Secret Reference: from a key in the tree (or picked) into the active pipeline spec, as an env var or a
 * mount. The language server computes the edit (core's secretReferenceEdit: format and spelling style of the file).
 */
import * as vscode from 'vscode';
import { defaultEnvVarName, defaultMountPath, type NewSecretEntry } from '../../../core/src/pipelineSpec';
import { SecretReferenceEditRequest } from '../../../core/src/protocol';
import type { CommandContext } from '../commands/commandContext';
import { askServer } from '../languageClient';
import { secretKeyFrom } from './pickTarget';

/** Returns whether the reference was inserted. */
export async function insertSecretReference({ cluster: area }: CommandContext, arg?: unknown): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showErrorMessage(
      'Insert Secret Reference: open the pipeline spec (JSON or YAML) to insert into first.',
    );
    return false;
  }
  const target = await secretKeyFrom(area, arg, 'Pachyderm: Insert Secret Reference');
  if (!target) return false;
  const ref = await askReference(target.secret.name, target.key);
  if (!ref) return false;
  const doc = editor.document;
  const version = doc.version;
  const answer = await askServer(area.host.client, SecretReferenceEditRequest.type, {
    uri: doc.uri.toString(),
    reference: ref,
    offset: doc.offsetAt(editor.selection.active),
  });
  const result = answer.ok ? answer.result : { ok: false as const, message: answer.reason };
  if (!result.ok) {
    void vscode.window.showErrorMessage(`Insert Secret Reference: ${result.message}`);
    return false;
  }
  // The edit's offsets hold for the text the server read; a keystroke since then would shift them.
  if (result.version !== version || doc.version !== version) {
    void vscode.window.showErrorMessage(
      'Insert Secret Reference: the file changed while the reference was prepared; run the command again.',
    );
    return false;
  }
  const { start, end, newText } = result.edit;
  return editor.edit((b) => b.replace(new vscode.Range(doc.positionAt(start), doc.positionAt(end)), newText));
}

/** Asks how to reference the key (env var or mount) and the name or path; undefined when cancelled. */
async function askReference(name: string, key: string): Promise<NewSecretEntry | undefined> {
  const ENV = 'Environment variable';
  const MOUNT = 'Mounted files';
  const as = await vscode.window.showQuickPick(
    [
      { label: ENV, description: `key "${key}" as an env var of the user container` },
      { label: MOUNT, description: `every key of "${name}" as files in a directory` },
    ],
    { title: `Insert reference to ${name} → ${key}` },
  );
  if (!as) return undefined;
  if (as.label === ENV) {
    const envVar = await vscode.window.showInputBox({
      title: 'Environment variable name',
      value: defaultEnvVarName(key),
      validateInput: (v) =>
        /^[A-Za-z_][A-Za-z0-9_]*$/.test(v) ? undefined : 'Letters, digits and "_", not starting with a digit.',
    });
    return envVar ? { as: 'env', name, key, envVar } : undefined;
  }
  const mountPath = await vscode.window.showInputBox({
    title: 'Mount path',
    value: defaultMountPath(name),
    validateInput: (v) => (v.startsWith('/') ? undefined : 'An absolute path in the container.'),
  });
  return mountPath ? { as: 'mount', name, mountPath } : undefined;
}
