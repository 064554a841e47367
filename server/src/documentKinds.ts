/**
 * Per-document-kind dispatch: every LSP feature asks the first kind that claims a document. A pipeline spec
 * and a Helm values file get different diagnostics, completions and hovers; a new kind is one entry in
 * `DOCUMENT_KINDS`, and the handlers need no change.
 */
import type {
  CodeAction,
  CodeActionParams,
  CompletionItem,
  CompletionList,
  Diagnostic,
  Hover,
  Position,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CatalogIndex } from '../../core/src/catalog';
import type { ServerSettings } from './settings';
import type { SecretUse, WorkspaceIndex } from './workspaceIndex';
import { helmValuesKind } from './helmValuesKind';
import { pipelineSpecKind } from './pipelineSpecKind';

/** What a kind may read while answering. Nothing here performs I/O. */
export interface FeatureContext {
  readonly catalog: CatalogIndex;
  readonly settings: ServerSettings;
  readonly workspace: WorkspaceIndex;
  /** Workspace folder paths, for workspace-relative `specFiles` globs. */
  readonly folders: readonly string[];
}

export interface DocumentKind {
  readonly id: string;
  /** Whether this kind handles the document (by name, settings or content). */
  claims(doc: TextDocument, ctx: FeatureContext): boolean;
  diagnostics(doc: TextDocument, ctx: FeatureContext): Diagnostic[];
  /** A list when the kind cut it short (`isIncomplete`: the editor asks again as the user types). */
  completion?(doc: TextDocument, position: Position, ctx: FeatureContext): CompletionItem[] | CompletionList;
  hover?(doc: TextDocument, position: Position, ctx: FeatureContext): Hover | null;
  codeActions?(doc: TextDocument, params: CodeActionParams, ctx: FeatureContext): CodeAction[];
  /** The secrets this document's pipelines use, for the workspace index. */
  secretUses?(doc: TextDocument, ctx: FeatureContext): SecretUse[];
}

/** In order of precedence. */
export const DOCUMENT_KINDS: readonly DocumentKind[] = [pipelineSpecKind, helmValuesKind];

export function kindOf(doc: TextDocument, ctx: FeatureContext): DocumentKind | undefined {
  return DOCUMENT_KINDS.find((k) => k.claims(doc, ctx));
}

/** `data` of a completion item naming a secret: its documentation comes on `completionItem/resolve`. */
export interface SecretItemData {
  secret: string;
}
