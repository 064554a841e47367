/**
 * The analysis entry point shared by the language server and the CLI: classify a document, and if it holds
 * pipeline specs, parse it and run every rule. Cluster rules stay silent unless `catalog.ready`.
 */
import type { CatalogIndex } from '../catalog/snapshot';
import type { Finding } from '../rules/ruleTable';
import { runPipelineRules } from '../rules/runRules';
import { parseSpecFile } from '../spec/parseSpecFile';
import { buildSpecModel, type SpecModel } from '../spec/specModel';
import type { SpecFile } from '../spec/tree';
import { analyzeHelmValues } from '../helm/analyzeHelmValues';
import { classifyByName, classifyDocument, type DocumentKind } from './classify';

export interface AnalyzeInput {
  uri: string;
  text: string;
  languageId?: string;
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

export function analyzeDocument(input: AnalyzeInput, catalog: CatalogIndex, options: AnalyzeOptions = {}): AnalysisResult {
  const specFiles = options.specFiles ?? [];
  if (classifyByName(input.uri, specFiles, input.languageId) === 'none') return { kind: 'none', findings: [] };
  const file = parseSpecFile(input.uri, input.text, input.languageId);
  const kind = classifyDocument(input.uri, file, specFiles, input.languageId, options.helmValuesFiles);
  if (kind === 'helm-values') return { kind, findings: analyzeHelmValues(input.text, file, catalog), file };
  if (kind !== 'pipeline') return { kind, findings: [], file };
  const model = buildSpecModel(file);
  return { kind, findings: runPipelineRules(file, model, catalog), file, model };
}
