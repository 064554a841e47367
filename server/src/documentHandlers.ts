/**
 * Which handler answers for a document: the one for the kind its analysis found. A new kind is one entry in
 * `HANDLERS` (and a kind in core's `DocumentKind`); the LSP handlers need no change.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentKind } from '../../core/src/analysis';
import { analysis } from './documentAnalysis';
import type { AnalysedDocument, DocumentHandler, FeatureContext } from './documentHandler';
import { helmValuesHandler } from './helmValuesHandler';
import { pipelineSpecHandler } from './pipelineSpecHandler';
import { secretManifestHandler } from './secretManifestHandler';

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
