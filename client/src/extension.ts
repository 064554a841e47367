/**
 * Extension entry point: starts the language client, then lets each UI area register itself.
 * No logic lives here; each area's register function is in its own folder.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ExtensionHost } from './host';
import { createLanguageClient } from './languageClient';
import { registerCluster } from './cluster/register';
import { registerCommands } from './commands/registerCommands';
import { registerPlatform } from './platform/register';
import { registerSecretEditor } from './secretEditor/register';
import { vscodeSinks } from './wizards/vscodeSinks';
import { VscodeWizardUi } from './wizards/vscodeWizardUi';

let client: LanguageClient | undefined;

/** What activate() returns: the areas' state, for the extension-host tests and the bench (not a public API). */
export interface PachydermExtensionExports {
  cluster: ReturnType<typeof registerCluster>;
  /** The decoded secret editor (Edit Secret (decoded)). */
  secretEditor: ReturnType<typeof registerSecretEditor>;
  /** Settles when the language server has started (rejects when it could not). */
  serverReady: Promise<void>;
  /** How long activate() itself took, in ms (VS Code's "activate call time"). */
  activationMs: number;
}

export async function activate(context: vscode.ExtensionContext): Promise<PachydermExtensionExports> {
  const started = performance.now();
  const output = vscode.window.createOutputChannel('Pachyderm', { log: true });
  context.subscriptions.push(output);
  client = createLanguageClient(context, output);
  // Not awaited: the UI registers at once and the server comes up beside it.
  const serverReady = client.start().catch((err: unknown) => {
    const reason = err instanceof Error ? err.message : String(err);
    output.error(`the Pachyderm language server did not start: ${reason}`);
    void vscode.window.showErrorMessage(
      `Pachyderm: the language server did not start (${reason}). See the "Pachyderm" output.`,
    );
    throw err;
  });
  serverReady.catch(() => undefined);
  const host: ExtensionHost = { context, output, client };
  // Areas register here, one line each (cluster + tree, platform secrets), then every command from one table.
  const cluster = registerCluster(host);
  // Platform secrets build on the cluster area (its tree, catalog and API).
  registerPlatform(cluster);
  const secretEditor = registerSecretEditor(cluster);
  registerCommands({ host, cluster, wizardUi: new VscodeWizardUi(), sinks: vscodeSinks });
  const activationMs = performance.now() - started;
  output.info(`activated in ${activationMs.toFixed(1)} ms`);
  return { cluster, secretEditor, serverReady, activationMs };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
