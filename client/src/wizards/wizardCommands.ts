/**
 * The New Secret commands: one wizard per secret type, and `pachyderm.createMissingSecret`, which the language
 * server's quick fix runs with `CreateSecretArgs` to open the generic wizard pre-filled with (name, key).
 * Each command resolves to 'done' or 'cancel' once its wizard closes.
 */
import { nodeSourceReader } from '../../../core/src/manifest';
import { ClientCommands, type CreateSecretArgs } from '../../../core/src/protocol';
import type { CommandContext } from '../commands/commandContext';
import { initialDockerRegistryState, runDockerRegistryWizard } from './dockerRegistryWizard';
import { initialGenericState, runGenericWizard } from './genericWizard';
import { initialTlsState, runTlsWizard } from './tlsWizard';

export const WizardCommands = {
  newGeneric: 'pachyderm.newGenericSecret',
  newTls: 'pachyderm.newTlsSecret',
  newDockerRegistry: 'pachyderm.newDockerRegistrySecret',
  createMissing: ClientCommands.createSecret,
} as const;

type Outcome = 'done' | 'cancel';

/** Only the kind of wizard and how it ended are logged: never a name's values, keys' values or paths' contents. */
function logged(ctx: CommandContext, kind: string, outcome: Outcome): Outcome {
  ctx.host.output.info(`[wizard] ${kind} ${outcome === 'done' ? 'finished' : 'cancelled'}`);
  return outcome;
}

export async function newGenericSecret(ctx: CommandContext): Promise<Outcome> {
  const outcome = await runGenericWizard(ctx.wizardUi, ctx.sinks, nodeSourceReader, initialGenericState());
  return logged(ctx, 'generic', outcome);
}

export async function newTlsSecret(ctx: CommandContext): Promise<Outcome> {
  const outcome = await runTlsWizard(ctx.wizardUi, ctx.sinks, nodeSourceReader, initialTlsState());
  return logged(ctx, 'tls', outcome);
}

export async function newDockerRegistrySecret(ctx: CommandContext): Promise<Outcome> {
  const state = initialDockerRegistryState();
  const outcome = await runDockerRegistryWizard(ctx.wizardUi, ctx.sinks, nodeSourceReader, state);
  return logged(ctx, 'docker-registry', outcome);
}

/** The quick fix for a missing secret: the generic wizard pre-filled with the (name, key) the spec refers to. */
export async function createMissingSecret(ctx: CommandContext, arg?: unknown): Promise<Outcome> {
  const args = (arg && typeof arg === 'object' ? arg : {}) as CreateSecretArgs;
  const prefill = {
    name: typeof args.name === 'string' ? args.name : undefined,
    key: typeof args.key === 'string' ? args.key : undefined,
  };
  const outcome = await runGenericWizard(ctx.wizardUi, ctx.sinks, nodeSourceReader, initialGenericState(prefill));
  return logged(ctx, 'generic (create missing secret)', outcome);
}
