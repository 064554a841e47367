/**
 * The Secret manifest document kind: diagnostics from the PM rules and the hover over the manifest's keys, thin LSP
 * glue over core/src/secretManifest. It reads the value-free summary the analysis kept (`secretManifests`).
 */
import { MarkupKind } from 'vscode-languageserver/node';
import { manifestHover } from '../../core/src/secretManifest';
import { findingDiagnostics } from './documentAnalysis';
import type { DocumentHandler } from './documentHandler';

export const secretManifestHandler: DocumentHandler = {
  diagnostics: ({ doc, analysis }) => findingDiagnostics(doc, analysis.findings),

  hover({ doc, analysis, ctx }, position) {
    const h = manifestHover(analysis.secretManifests ?? [], doc.offsetAt(position), ctx.catalog);
    if (!h) return null;
    const range = h.range && { start: doc.positionAt(h.range.start), end: doc.positionAt(h.range.end) };
    return { contents: { kind: MarkupKind.Markdown, value: h.markdown }, ...(range ? { range } : {}) };
  },
};
