/** `check`'s two output formats. Positions are 1-based; the end column is exclusive, as in the editor's ranges. */
import type { Finding, Severity } from '../../core/src/rules';
import type { LineIndex } from '../../core/src/pipelineSpec';
import { terminalLine } from './terminalText';

export interface Reported {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
}

export function toReported(file: string, lines: LineIndex, f: Finding): Reported {
  const s = lines.positionAt(f.start);
  const e = lines.positionAt(f.end);
  return {
    file,
    line: s.line + 1,
    column: s.character + 1,
    endLine: e.line + 1,
    endColumn: e.character + 1,
    severity: f.severity,
    code: f.code,
    message: f.message,
  };
}

export function formatText(all: readonly Reported[]): string {
  // One finding per line whatever its path or message hold: both go through the neutraliser.
  return all
    .map((r) => `${terminalLine(r.file)}:${r.line}:${r.column}: ${r.severity} ${r.code} ${terminalLine(r.message)}\n`)
    .join('');
}

export function formatJson(all: readonly Reported[]): string {
  return JSON.stringify(all, null, 2) + '\n';
}
