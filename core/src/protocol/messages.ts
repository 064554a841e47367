/**
 * The custom LSP messages between the client and the language server, typed in one place
 * (as vscode-eslint's customMessages.ts). Both sides import this module; neither defines a method string
 * of its own.
 */
import { NotificationType } from 'vscode-languageserver-protocol';
import type { CatalogSnapshot } from '../catalog/snapshot';

/** Client → server: the secret catalog changed (metadata only, never values). */
export namespace CatalogNotification {
  export const method = 'pachyderm/catalog';
  export const type = new NotificationType<CatalogSnapshot>(method);
}

/** Arguments of the client command that a "create missing secret" quick fix runs. */
export interface CreateSecretArgs {
  name?: string;
  key?: string;
  /** The spec that asked, so the client can re-check it once the secret exists. */
  uri?: string;
}

/** Client command ids the server puts into code actions. */
export const ClientCommands = {
  createSecret: 'pachyderm.createMissingSecret',
  /** PH003: move a plain credential from a Helm values file into a new Secret (args: core/src/helm/helmFixArgs.ts). */
  moveValueToSecret: 'pachyderm.moveValueToSecret',
  /** PH002 near miss: copy a secret's value under the key the chart reads (args: core/src/helm/helmFixArgs.ts). */
  copySecretKey: 'pachyderm.copySecretKeyForChart',
} as const;
