/**
 * The analysis entry point shared by the language server and the CLI: classify a document, and if it holds
 * pipeline specs, parse it and run every rule. Cluster rules stay silent unless `catalog.ready`.
 */
import type { CatalogIndex } from '../catalog/snapshot';
import type { Finding } from '../rules/ruleTable';
import type { SpecModel } from '../pipelineSpec/specModel';
import type { SourceForm } from '../pipelineSpec/sourceText';
import type { SpecFile } from '../pipelineSpec/tree';
import type { DocumentKind } from './classify';
import { IncrementalAnalyzer } from './incrementalAnalyzer';

export interface AnalyzeInput {
  uri: string;
  text: string;
  languageId?: string;
  /** How the CLI decoded the file's bytes (core/src/pipelineSpec/sourceText.ts); an editor's text has no such form. */
  source?: SourceForm;
}

export interface AnalyzeOptions {
  /** The `pachyderm.specFiles` globs. */
  specFiles?: readonly string[];
  /** The `pachyderm.helmValuesFiles` globs. */
  helmValuesFiles?: readonly string[];
}

export interface AnalysisResult {
  kind: DocumentKind;
  findings: Finding[];
  /** Present whenever the text was parsed (every kind but files skipped by name). */
  file?: SpecFile;
  model?: SpecModel;
}

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
