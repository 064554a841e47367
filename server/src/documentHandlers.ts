/**
 * Which handler answers for a document: the one for the kind its analysis found. A new kind is one entry in
 * `HANDLERS` (and a kind in core's `DocumentKind`); the LSP handlers need no change.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { documentSecretMentions, type DocumentKind } from '../../core/src/analysis';
import { analysis } from './documentAnalysis';
import type { AnalysedDocument, DocumentHandler, FeatureContext } from './documentHandler';
import { helmValuesHandler } from './helmValuesHandler';
import { pipelineSpecHandler } from './pipelineSpecHandler';
import { secretManifestHandler } from './secretManifestHandler';
import { NO_ENTRY, type IndexEntry } from './workspaceIndex';

const HANDLERS: Record<DocumentKind, DocumentHandler | undefined> = {
  pipeline: pipelineSpecHandler,
  'helm-values': helmValuesHandler,
  'secret-manifest': secretManifestHandler,
  none: undefined,
};

/**
 * The document's analysis (one per version and context) and the handler for its kind, if any. `once`: a file read
 * from disk whose result is read once (./documentAnalysis.ts keeps nothing of it).
 */
export function handle(
  doc: TextDocument,
  ctx: FeatureContext,
  once = false,
): { analysed: AnalysedDocument; handler: DocumentHandler } | undefined {
  const result = analysis(doc, ctx, once);
  const handler = HANDLERS[result.kind];
  return handler && { analysed: { doc, analysis: result, ctx }, handler };
}

/** What the workspace index keeps of a handled document: its pipelines' secret uses and the secrets it names. */
export function indexEntry(h: { analysed: AnalysedDocument; handler: DocumentHandler } | undefined): IndexEntry {
  if (!h) return NO_ENTRY;
  const users = h.handler.secretUsers?.(h.analysed) ?? [];
  // A spec's users name the same secrets as its mentions, already computed (the scan reads thousands of files).
  const named = users.length
    ? users.map((u) => u.secret)
    : documentSecretMentions(h.analysed.analysis).map((m) => m.name);
  return { users, names: new Set(named) };
}
