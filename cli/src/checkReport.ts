/** What `check` found, as every output format reads it. Positions are 1-based; the end column is exclusive. */
import type { Finding, Severity } from '../../core/src/rules';
import type { LineIndex } from '../../core/src/pipelineSpec';

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

/** What a run found: the findings, and every pipeline spec or values file checked (JUnit lists clean ones too). */
export interface CheckReport {
  findings: Reported[];
  checked: string[];
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
