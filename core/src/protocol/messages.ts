/**
 * The custom LSP messages between the client and the language server, typed in one place
 * (as vscode-eslint's customMessages.ts). Both sides import this module; neither defines a method string
 * of its own.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { CatalogSnapshot } from '../catalog/snapshot';
import type { DeployedSummary } from '../deployed/deployedSummary';
import type { TargetSnapshot } from '../catalog/targetCatalog';
import type { SecretUse } from '../analysis/secretUses';
import type { NewSecretEntry } from '../pipelineSpec/secretReferenceEdit';
import type { ValueSlice } from '../helm/valueSlice';
import type { OffsetEdit, OffsetRange } from '../text';

/** Client → server: the secret catalog changed (metadata only, never values). */
export namespace CatalogNotification {
  export const method = 'pachyderm/catalog';
  export const type = new NotificationType<CatalogSnapshot>(method);
}

/**
 * Client → server: the deployed pipelines changed. A summary (core/src/deployed/deployedSummary.ts): per pipeline
 * its project, name, version, secret uses and the failures blamed on a secret and key; never a pod's message.
 */
export namespace DeployedNotification {
  export const method = 'pachyderm/deployed';
  export const type = new NotificationType<DeployedSummary>(method);
}

export interface TargetCatalogsParams {
  /** Every extra target (`pachyderm.extraTargets`) with its latest snapshot; an empty list when none is set. */
  targets: TargetSnapshot[];
}

/**
 * Client → server: the extra targets' catalogs changed (metadata only, never values), for PS070. Apart from
 * `CatalogNotification` so the main catalog's message stays as it is for every other rule.
 */
export namespace TargetCatalogsNotification {
  export const method = 'pachyderm/targetCatalogs';
  export const type = new NotificationType<TargetCatalogsParams>(method);
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
  /** PS050: move a plain credential from `transform.env` into a Secret (args: `MoveEnvToSecretArgs`). */
  moveEnvToSecret: 'pachyderm.moveEnvToSecret',
} as const;

/**
 * Which `transform.env` entry a request is about: the variable, and the pipeline whose spec holds it (by name when
 * it has one, else the spec around `offset`), so the entry is found again after the user edited the file.
 */
export interface EnvEntryTarget {
  /** The spec file. */
  uri: string;
  env: string;
  pipeline?: string;
  offset: number;
}

/** Arguments of PS050's "Move into a Secret": where the entry is and the defaults to offer. Never the value. */
export interface MoveEnvToSecretArgs extends EnvEntryTarget {
  suggestedName: string;
  suggestedKey: string;
}

/*
 * Client → server requests for the commands that need a parsed spec or values file. The server already parses
 * them, so the extension host does not bundle a parser. Requests carry names, paths and keys, never a value.
 */

/**
 * One place in a workspace file where a pipeline uses the secret (`file` is relative to its workspace folder);
 * its range is the reference's (the name's) in the file text the server read.
 */
export interface WorkspaceSecretUse extends SecretUse, OffsetRange {
  uri: string;
}

export interface SecretUsesParams {
  name: string;
}

export interface SecretUsesResult {
  /** Sorted by file, then position. */
  uses: WorkspaceSecretUse[];
  /** Set when the workspace has more JSON/YAML files than the search reads: only this many were read. */
  searchedOnly?: number;
}

/**
 * Every use of a secret in the workspace's JSON and YAML files (open editors' text wins over the disk), for
 * Inspect, Show Pipelines Using Secret and the delete confirmation.
 */
export namespace SecretUsesRequest {
  export const method = 'pachyderm/secretUses';
  export const type = new RequestType<SecretUsesParams, SecretUsesResult, void>(method);
}

/** Which text the server answered from: an open document's version, or null for the file on disk. */
export interface AnsweredFrom {
  version: number | null;
}

export interface HelmPlainValueParams {
  /** The values file. */
  uri: string;
  plainPath: string;
}

/**
 * Where the plain value at `plainPath` is: slices of the document's own text that read as the value
 * (core/src/helm/valueSlice.ts `readSlices`). So the value itself never crosses the connection; the client
 * reads it from the editor. Without `slices`, `problem` says why: the path holds no scalar, or one the slices
 * cannot express.
 */
export interface HelmPlainValueResult extends AnsweredFrom {
  slices?: ValueSlice[];
  problem?: 'no-scalar' | 'unreadable';
}

/** PH003's "move value to a Secret": where the value to move is, read when the user runs the fix. */
export namespace HelmPlainValueRequest {
  export const method = 'pachyderm/helmPlainValue';
  export const type = new RequestType<HelmPlainValueParams, HelmPlainValueResult, void>(method);
}

export interface HelmSecretNameEditsParams {
  uri: string;
  plainPath: string;
  secretNamePath: string;
  /** The secret name the user chose. */
  name: string;
}

export interface HelmSecretNameEditsResult extends AnsweredFrom {
  /** Empty when the plain value is gone. */
  edits: OffsetEdit[];
}

/** PH003, once the secret exists: the edits that replace the plain value by `secretNamePath: name`. */
export namespace HelmSecretNameEditsRequest {
  export const method = 'pachyderm/helmSecretNameEdits';
  export const type = new RequestType<HelmSecretNameEditsParams, HelmSecretNameEditsResult, void>(method);
}

export interface SecretReferenceEditParams {
  /** An open document (the active editor's). */
  uri: string;
  reference: NewSecretEntry;
  /** The cursor: the spec around it gets the entry. */
  offset: number;
}

export type SecretReferenceEditResult =
  (AnsweredFrom & { ok: true; edit: OffsetEdit }) | { ok: false; message: string };

/** Insert Secret Reference: the edit adding the `transform.secrets` entry, in the file's format and spelling. */
export namespace SecretReferenceEditRequest {
  export const method = 'pachyderm/secretReferenceEdit';
  export const type = new RequestType<SecretReferenceEditParams, SecretReferenceEditResult, void>(method);
}

/**
 * Where the value of a `transform.env` entry is: slices of the document's own text that read as the value, as for
 * PH003 (HelmPlainValueResult), so the value never crosses the connection. Without `slices`, `problem` says why.
 */
export interface SpecEnvValueResult extends AnsweredFrom {
  slices?: ValueSlice[];
  problem?: string;
}

/** PS050's "Move into a Secret": where the value to move is, read when the user runs the fix. */
export namespace SpecEnvValueRequest {
  export const method = 'pachyderm/specEnvValue';
  export const type = new RequestType<EnvEntryTarget, SpecEnvValueResult, void>(method);
}

export interface EnvToSecretEditParams extends EnvEntryTarget {
  /** The secret and key the user chose. */
  name: string;
  key: string;
}

export type EnvToSecretEditResult = AnsweredFrom & ({ ok: true; edit: OffsetEdit } | { ok: false; message: string });

/**
 * PS050, once the secret holds the value: the edit that removes the `transform.env` entry and adds the
 * `transform.secrets` entry with `envVar` (or `env_var`, as the file spells it) and `key`.
 */
export namespace EnvToSecretEditRequest {
  export const method = 'pachyderm/envToSecretEdit';
  export const type = new RequestType<EnvToSecretEditParams, EnvToSecretEditResult, void>(method);
}
