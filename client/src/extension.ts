/**
 * Extension entry point: starts the language client, then lets each UI area register itself.
 * No logic lives here; each area's register function is in its own folder.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ExtensionHost } from './host';
import { startLanguageClient } from './languageClient';
import { registerCluster } from './cluster/register';
import { registerPlatform } from './platform/register';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Pachyderm', { log: true });
  context.subscriptions.push(output);
  client = await startLanguageClient(context, output);
  const host: ExtensionHost = { context, output, client };
  void host;
  // Areas register here, one line each (cluster + tree + commands, wizards, platform secrets).
  // Platform secrets build on the cluster area (its tree, catalog and API).
  registerPlatform(registerCluster(host));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
