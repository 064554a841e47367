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
import { registerWizards } from './wizards/register';

let client: LanguageClient | undefined;

/** What activate() returns: the areas' state, for the extension-host tests (not a public API). */
export interface PachydermExtensionExports {
  cluster: ReturnType<typeof registerCluster>;
}

export async function activate(context: vscode.ExtensionContext): Promise<PachydermExtensionExports> {
  const output = vscode.window.createOutputChannel('Pachyderm', { log: true });
  context.subscriptions.push(output);
  client = await startLanguageClient(context, output);
  const host: ExtensionHost = { context, output, client };
  void host;
  // Areas register here, one line each (cluster + tree + commands, wizards, platform secrets).
  registerWizards(host);
  // Platform secrets build on the cluster area (its tree, catalog and API).
  const cluster = registerCluster(host);
  registerPlatform(cluster);
  return { cluster };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
