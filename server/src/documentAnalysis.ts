/**
 * One analysis per document version: every feature (diagnostics, completion, hover, code actions, the
 * workspace index, the command requests) reads the same result, which also says which handler answers
 * (./documentHandlers.ts). Offsets become positions in the handlers and in `findingDiagnostics`, nowhere else.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument, IncrementalAnalyzer, type AnalysisResult, type Severity } from '../../core/src/analysis';
import type { DeployedIndex } from '../../core/src/deployed';
import type { CatalogIndex, TargetCatalog } from '../../core/src/catalog';
import type { Finding } from '../../core/src/rules';
import { applyRuleSettings, overridesKey } from '../../core/src/ruleSettings';
import type { FeatureContext } from './documentHandler';

export const DIAGNOSTIC_SOURCE = 'pachyderm';

interface Cached {
  version: number;
  catalog: CatalogIndex;
  deployed: DeployedIndex;
  targets: readonly TargetCatalog[];
  /** The settings and moment the result depends on (globs, certificates, rule settings), joined. */
  inputs: string;
  result: AnalysisResult;
}

// Keyed by the document object (the editor's is updated in place; a file read from disk is a new object),
// so a reopened or re-read file can never meet an older text's result under the same version number.
const cache = new WeakMap<TextDocument, Cached>();

// Documents open in the editor change a little at a time: their analysis reuses every spec an edit left alone.
// Files read from disk for the workspace index are analysed once, and keep nothing.
const editorDocuments = new WeakSet<TextDocument>();
const incremental = new IncrementalAnalyzer();

export const editorAnalysis = {
  opened: (doc: TextDocument): void => void editorDocuments.add(doc),
  closed: (uri: string): void => incremental.forget(uri),
};

/**
 * The analysis of this version of the document in this context: computed once, then reused. `once`: the caller
 * reads the result once and drops the document (the workspace scan's files), so nothing is kept: thousands of
 * results held weakly make every garbage collection trace them, which doubled the scan's time (bench row 14).
 */
export function analysis(doc: TextDocument, ctx: FeatureContext, once = false): AnalysisResult {
  const { now, warningDays } = ctx.certificates;
  const { specFiles, helmValuesFiles } = ctx.settings;
  const inputs = [...specFiles, '\0', ...helmValuesFiles, '\0', now, warningDays, overridesKey(ctx.rules)].join('\n');
  const hit = cache.get(doc);
  const { catalog, deployed, targets } = ctx;
  if (
    hit &&
    hit.version === doc.version &&
    hit.catalog === catalog &&
    hit.deployed === deployed &&
    hit.targets === targets &&
    hit.inputs === inputs
  )
    return hit.result;
  const analyze = editorDocuments.has(doc) ? incremental.analyze.bind(incremental) : analyzeDocument;
  const analysed = analyze({ uri: doc.uri, text: doc.getText(), languageId: doc.languageId }, ctx.catalog, {
    specFiles,
    helmValuesFiles,
    certificates: ctx.certificates,
    deployed,
    targets,
  });
  // Rule settings act on the findings, after the analysis: the incremental analyser's memo stays valid across them.
  const findings = applyRuleSettings(analysed.findings, ctx.rules);
  const result = findings === analysed.findings ? analysed : { ...analysed, findings };
  if (!once) cache.set(doc, { version: doc.version, catalog, deployed, targets, inputs, result });
  return result;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Findings as LSP diagnostics: offsets become positions here. */
export function findingDiagnostics(doc: TextDocument, findings: readonly Finding[]): Diagnostic[] {
  return findings.map((f) => ({
    range: { start: doc.positionAt(f.start), end: doc.positionAt(f.end) },
    severity: SEVERITY[f.severity],
    source: DIAGNOSTIC_SOURCE,
    code: f.code,
    message: f.message,
    ...(f.data ? { data: f.data } : {}),
  }));
}
