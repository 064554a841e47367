/**
 * The New Secret commands: one wizard per secret type, and `pachyderm.createMissingSecret`, which the language
 * server's quick fix runs with `CreateSecretArgs` to open the generic wizard pre-filled with (name, key).
 * Each command resolves to 'done' or 'cancel' once its wizard closes.
 */
import { nodeSourceReader } from '../../../core/src/manifest';
import { ClientCommands, type CreateSecretArgs } from '../../../core/src/protocol';
import { certificateWarningDays } from '../cluster/certificateSetting';
import type { CommandContext } from '../commands/commandContext';
import { initialDockerRegistryState, runDockerRegistryWizard } from './dockerRegistryWizard';
import { initialGenericState, runGenericWizard } from './genericWizard';
import type { Wizard } from './stepRunner';
import { initialTlsState, runTlsWizard, type TlsWizardState } from './tlsWizard';

export const WizardCommands = {
  newGeneric: 'pachyderm.newGenericSecret',
  newTls: 'pachyderm.newTlsSecret',
  newDockerRegistry: 'pachyderm.newDockerRegistrySecret',
  createMissing: ClientCommands.createSecret,
} as const;

type Outcome = 'done' | 'cancel';

/**
 * Runs `wizard` from `state` with the command context's UI and sinks. Only the kind of wizard and how it ended are
 * logged: never a name's values, keys' values or paths' contents.
 */
async function runWizard<S>(ctx: CommandContext, kind: string, wizard: Wizard<S>, state: S): Promise<Outcome> {
  const outcome = await wizard(ctx.wizardUi, ctx.sinks, nodeSourceReader, state);
  ctx.host.output.info(`[wizard] ${kind} ${outcome === 'done' ? 'finished' : 'cancelled'}`);
  return outcome;
}

export async function newGenericSecret(ctx: CommandContext): Promise<Outcome> {
  return runWizard(ctx, 'generic', runGenericWizard, initialGenericState());
}

export async function newTlsSecret(ctx: CommandContext): Promise<Outcome> {
  // The last step judges the certificate as the tree and Inspect do: now, with the user's warning window.
  const policy = () => ({ now: Date.now(), warningDays: certificateWarningDays() });
  const wizard: Wizard<TlsWizardState> = (ui, sinks, reader, state) => runTlsWizard(ui, sinks, reader, state, policy);
  return runWizard(ctx, 'tls', wizard, initialTlsState());
}

export async function newDockerRegistrySecret(ctx: CommandContext): Promise<Outcome> {
  return runWizard(ctx, 'docker-registry', runDockerRegistryWizard, initialDockerRegistryState());
}

/** The quick fix for a missing secret: the generic wizard pre-filled with the (name, key) the spec refers to. */
export async function createMissingSecret(ctx: CommandContext, arg?: unknown): Promise<Outcome> {
  const args = (arg && typeof arg === 'object' ? arg : {}) as CreateSecretArgs;
  const prefill = {
    name: typeof args.name === 'string' ? args.name : undefined,
    key: typeof args.key === 'string' ? args.key : undefined,
  };
  return runWizard(ctx, 'generic (create missing secret)', runGenericWizard, initialGenericState(prefill));
}
