/**
 * Runs inside a real VS Code whose extensions folder holds only the extension installed from the VSIX (loaded by
 * vsix.test.ts through the launcher shim). Proves the packaged extension, not the development tree, activates on a
 * pipeline spec and starts its bundled language server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, waitFor, waitForLanguageServer } from '../vscode/harness';

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed`);
  const installedFrom = process.env.PACHYDERM_VSIX_EXTENSIONS_DIR ?? '';
  if (!ext.extensionPath.startsWith(installedFrom + path.sep)) {
    throw new Error(
      `${EXTENSION_ID} was loaded from ${ext.extensionPath}, not from the VSIX install in ${installedFrom}`,
    );
  }
  const spec = (await vscode.workspace.findFiles('**/*.pipeline.json'))[0];
  if (!spec) throw new Error('the probe workspace has no pipeline spec');
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(spec));
  await waitFor(() => ext.isActive, { what: 'the installed extension to activate' });
  const pid = await waitForLanguageServer({ what: "the installed extension's language server to answer" });
  console.log(
    `vsix probe: ${EXTENSION_ID} ${ext.packageJSON.version} ` +
      `active from ${ext.extensionPath}; language server pid ${pid}`,
  );
}
