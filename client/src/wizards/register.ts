/**
 * The New Secret commands: one wizard per secret type, and `pachyderm.createMissingSecret`, which the language
 * server's quick fix runs with `CreateSecretArgs` to open the generic wizard pre-filled with (name, key).
 * Each command resolves to 'done' or 'cancel' once its wizard closes.
 */
import * as vscode from 'vscode';
import { nodeSourceReader } from '../../../core/src/manifest';
import { ClientCommands, type CreateSecretArgs } from '../../../core/src/protocol';
import type { ExtensionHost } from '../host';
import { initialDockerRegistryState, runDockerRegistryWizard } from './dockerRegistryWizard';
import { initialGenericState, runGenericWizard } from './genericWizard';
import { initialTlsState, runTlsWizard } from './tlsWizard';
import { vscodeSinks } from './vscodeSinks';
import { VscodeWizardUi } from './vscodeWizardUi';
import type { ManifestSinks, WizardUi } from './wizardUi';

export const WizardCommands = {
  newGeneric: 'pachyderm.newGenericSecret',
  newTls: 'pachyderm.newTlsSecret',
  newDockerRegistry: 'pachyderm.newDockerRegistrySecret',
  createMissing: ClientCommands.createSecret,
} as const;

export function registerWizards(
  host: ExtensionHost,
  ui: WizardUi = new VscodeWizardUi(),
  out: ManifestSinks = vscodeSinks,
): void {
  const reader = nodeSourceReader;
  // Only the kind of wizard and how it ended are logged: never a name's values, keys' values or paths' contents.
  const logged = (kind: string) => (outcome: 'done' | 'cancel') => {
    host.output.info(`[wizard] ${kind} ${outcome === 'done' ? 'finished' : 'cancelled'}`);
    return outcome;
  };
  const reg = (id: string, run: (...args: unknown[]) => Promise<'done' | 'cancel'>) =>
    host.context.subscriptions.push(vscode.commands.registerCommand(id, run));
  reg(WizardCommands.newGeneric, () =>
    runGenericWizard(ui, out, reader, initialGenericState()).then(logged('generic')),
  );
  reg(WizardCommands.newTls, () => runTlsWizard(ui, out, reader, initialTlsState()).then(logged('tls')));
  reg(WizardCommands.newDockerRegistry, () =>
    runDockerRegistryWizard(ui, out, reader, initialDockerRegistryState()).then(logged('docker-registry')),
  );
  reg(WizardCommands.createMissing, (arg?: unknown) => {
    const args = (arg && typeof arg === 'object' ? arg : {}) as CreateSecretArgs;
    const prefill = {
      name: typeof args.name === 'string' ? args.name : undefined,
      key: typeof args.key === 'string' ? args.key : undefined,
    };
    return runGenericWizard(ui, out, reader, initialGenericState(prefill)).then(
      logged('generic (create missing secret)'),
    );
  });
}
