/**
 * Registers the decoded secret editor: the read-only file system of its scheme and the custom editor that holds
 * the values in memory. Its command is in the command table (client/src/commands/commandTable.ts).
 */
import * as vscode from 'vscode';
import type { ClusterArea } from '../cluster/clusterArea';
import { SecretEditFileSystem } from './secretEditFileSystem';
import { SecretEditorProvider } from './secretEditorProvider';
import { SECRET_EDIT_SCHEME, SECRET_EDIT_VIEW_TYPE } from './secretEditorUri';

export function registerSecretEditor(area: ClusterArea): SecretEditorProvider {
  const provider = new SecretEditorProvider(area);
  area.host.context.subscriptions.push(
    vscode.workspace.registerFileSystemProvider(SECRET_EDIT_SCHEME, new SecretEditFileSystem(), {
      isReadonly: true,
      isCaseSensitive: true,
    }),
    // The page is rebuilt from memory when its tab comes back, rather than kept alive hidden.
    vscode.window.registerCustomEditorProvider(SECRET_EDIT_VIEW_TYPE, provider, {
      supportsMultipleEditorsPerDocument: false,
      webviewOptions: { retainContextWhenHidden: false },
    }),
  );
  return provider;
}
