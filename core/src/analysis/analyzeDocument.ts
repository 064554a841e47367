/**
 * The analysis entry point shared by the language server and the CLI: classify a document, and if it holds
 * pipeline specs, parse it and run every rule. Cluster rules stay silent unless `catalog.ready`.
 */
import type { CatalogIndex } from '../catalog/snapshot';
import type { AnalysisResult, AnalyzeInput, AnalyzeOptions } from './analysisResult';
import { IncrementalAnalyzer } from './incrementalAnalyzer';

/**
 * A whole-file analysis is the incremental one with nothing kept: the file is read and checked chunk by chunk
 * (core/src/pipelineSpec/documentChunks.ts), each chunk checked while its nodes are still in the processor's cache,
 * which on a file of thousands of specs is much faster than parsing it all and then walking it all.
 * test/unit/analysis/incrementalAnalyzer.test.ts holds it to parsing and checking the file as one.
 */
export function analyzeDocument(
  input: AnalyzeInput,
  catalog: CatalogIndex,
  options: AnalyzeOptions = {},
): AnalysisResult {
  return new IncrementalAnalyzer(0).analyze(input, catalog, options);
}
