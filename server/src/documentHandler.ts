/**
 * What a document handler is and what it reads: the server analyses a document version once
 * (./documentAnalysis.ts), picks the handler for the result's kind (./documentHandlers.ts), and every feature
 * of that handler reads the same result. Types only, so handlers and the table import it without a cycle.
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
import type { AnalysisResult } from '../../core/src/analysis';
import type { CatalogIndex, TargetCatalog } from '../../core/src/catalog';
import type { CertificateExpiryPolicy } from '../../core/src/certificates';
import type { DeployedIndex } from '../../core/src/deployed';
import type { RuleOverrides } from '../../core/src/ruleSettings';
import type { ServerSettings } from './settings';
import type { SecretUser, WorkspaceIndex } from './workspaceIndex';

/** What a handler may read while answering. Nothing here performs I/O. */
export interface FeatureContext {
  readonly catalog: CatalogIndex;
  /** The deployed pipelines' summary the client last sent (hover, PS060). */
  readonly deployed: DeployedIndex;
  /** The extra targets' catalogs, for PS070. */
  readonly targets: readonly TargetCatalog[];
  readonly settings: ServerSettings;
  readonly workspace: WorkspaceIndex;
  /** Workspace folder paths, for workspace-relative `specFiles` globs. */
  readonly folders: readonly string[];
  /** When and how far ahead certificates are judged (./certificateClock.ts moves the moment on). */
  readonly certificates: CertificateExpiryPolicy;
  /** The rule settings for this document: the nearest .pachyderm-secrets.json with `pachyderm.rules` over it. */
  readonly rules: RuleOverrides;
}

/**
 * How closed workspace files are judged: the workspace's context (`base`: the window-scoped settings, such as the
 * scope and the file limit), each file's own context (its folder's settings), and every folder's file-choosing
 * settings (`chosen`: a different value means the workspace must be walked again).
 */
export interface ClosedFileContexts {
  base: FeatureContext;
  forFile(uri: string): FeatureContext;
  chosen: readonly ServerSettings[];
}

/** One document version, its analysis, and the context it was analysed in. */
export interface AnalysedDocument {
  readonly doc: TextDocument;
  readonly analysis: AnalysisResult;
  readonly ctx: FeatureContext;
}

/** The LSP features of one kind of document (core's `DocumentKind`); offsets become positions here. */
export interface DocumentHandler {
  diagnostics(a: AnalysedDocument): Diagnostic[];
  /** A list when the handler cut it short (`isIncomplete`: the editor asks again as the user types). */
  completion?(a: AnalysedDocument, position: Position): CompletionItem[] | CompletionList;
  hover?(a: AnalysedDocument, position: Position): Hover | null;
  codeActions?(a: AnalysedDocument, params: CodeActionParams): CodeAction[];
  /** The pipelines of this document that use a secret, for the workspace index. */
  secretUsers?(a: AnalysedDocument): SecretUser[];
}

/** `data` of a completion item naming a secret: its documentation comes on `completionItem/resolve`. */
export interface SecretItemData {
  secret: string;
}
