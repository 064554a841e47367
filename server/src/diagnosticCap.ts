/**
 * At most `MAX_DIAGNOSTICS` diagnostics per file go to the editor, the last place saying how many more there
 * are: a generated file with a problem on each of a million lines would otherwise make a notification of
 * hundreds of megabytes and a Problems view nobody can read. The order is the analysis' (by position).
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { DIAGNOSTIC_SOURCE } from './documentAnalysis';

export const MAX_DIAGNOSTICS = 1000;

export function capDiagnostics(diagnostics: Diagnostic[], max = MAX_DIAGNOSTICS): Diagnostic[] {
  if (diagnostics.length <= max) return diagnostics;
  const kept = diagnostics.slice(0, max - 1);
  const hidden = diagnostics.length - kept.length;
  kept.push({
    range: diagnostics[max - 1].range,
    severity: DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    message: `${hidden} more problems in this file are not shown (at most ${max} per file): fix these first.`,
  });
  return kept;
}
