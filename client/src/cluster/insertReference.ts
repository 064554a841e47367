/**
 * Insert Secret Reference: from a key in the tree (or picked) into the active pipeline spec, as an env var or a
 * mount. The language server computes the edit (core's secretReferenceEdit: format and spelling style of the file).
 */
import * as vscode from 'vscode';
import { defaultEnvVarName, defaultMountPath } from '../../../core/src/pipelineSpec';
import type { SecretReference } from '../../../core/src/pipelineSpec';
import { SecretReferenceEditRequest } from '../../../core/src/protocol';
import { askServer } from '../languageClient';
import type { ClusterArea } from './clusterArea';
import { ClusterCommands } from './commandIds';
import { secretKeyFrom } from './pickTarget';

export function registerInsertReference(area: ClusterArea): void {
  area.host.context.subscriptions.push(
    vscode.commands.registerCommand(ClusterCommands.insertReference, async (arg?: unknown) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showErrorMessage(
          'Insert Secret Reference: open the pipeline spec (JSON or YAML) to insert into first.',
        );
        return false;
      }
      const target = await secretKeyFrom(area, arg, 'Pachyderm: Insert Secret Reference');
      if (!target) return false;
      const ENV = 'Environment variable';
      const MOUNT = 'Mounted files';
      const as = await vscode.window.showQuickPick(
        [
          { label: ENV, description: `key "${target.key}" as an env var of the user container` },
          { label: MOUNT, description: `every key of "${target.secret.name}" as files in a directory` },
        ],
        { title: `Insert reference to ${target.secret.name} → ${target.key}` },
      );
      if (!as) return false;
      let ref: SecretReference;
      if (as.label === ENV) {
        const envVar = await vscode.window.showInputBox({
          title: 'Environment variable name',
          value: defaultEnvVarName(target.key),
          validateInput: (v) =>
            /^[A-Za-z_][A-Za-z0-9_]*$/.test(v) ? undefined : 'Letters, digits and "_", not starting with a digit.',
        });
        if (!envVar) return false;
        ref = { as: 'env', name: target.secret.name, key: target.key, envVar };
      } else {
        const mountPath = await vscode.window.showInputBox({
          title: 'Mount path',
          value: defaultMountPath(target.secret.name),
          validateInput: (v) => (v.startsWith('/') ? undefined : 'An absolute path in the container.'),
        });
        if (!mountPath) return false;
        ref = { as: 'mount', name: target.secret.name, mountPath };
      }
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
      const { offset, length, text } = result.edit;
      return editor.edit((b) =>
        b.replace(new vscode.Range(doc.positionAt(offset), doc.positionAt(offset + length)), text),
      );
    }),
  );
}
