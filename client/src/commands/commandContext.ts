import type { ExtensionHost } from '../host';
import type { ClusterArea } from '../cluster/clusterArea';
import type { ManifestSinks, WizardUi } from '../wizards/wizardUi';

/** What every command body gets as its first argument: the areas' state it works on. */
export interface CommandContext {
  readonly host: ExtensionHost;
  /** The live catalog, the Secrets tree and the cluster API. */
  readonly cluster: ClusterArea;
  /** How the New Secret wizards ask their steps, and where their manifests go. */
  readonly wizardUi: WizardUi;
  readonly sinks: ManifestSinks;
}

/**
 * A command body: a named function that takes the context, then the arguments VS Code passes (a tree row, a URI,
 * a quick fix's arguments). `never[]` lets each body type its own arguments.
 */
export type CommandBody = (ctx: CommandContext, ...args: never[]) => unknown;
