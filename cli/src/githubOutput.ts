/**
 * `check --format github`: one GitHub Actions workflow command per finding, which the Actions runner shows as an
 * annotation on the file and line: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=PS002::message`.
 * Escaped as actions/toolkit escapes them (packages/core/src/command.ts: `escapeData`, `escapeProperty`), so a
 * `%`, line break, `:` or `,` in a file name or message can neither end the command early nor start another.
 * What is left passes through the terminal neutraliser, as every line `check` prints does.
 */
import type { Severity } from '../../core/src/rules';
import type { CheckReport } from './checkReport';
import { terminalLine } from './terminalText';

/** The runner knows error, warning and notice. */
const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = {
  error: 'error',
  warning: 'warning',
  information: 'notice',
  hint: 'notice',
};

/** A command's message: `%`, CR and LF escaped. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: the message's escapes, and `:` and `,`, which end a property. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(report: CheckReport): string {
  return report.findings
    .map((r) => {
      const properties = [
        `file=${escapeProperty(r.file)}`,
        `line=${r.line}`,
        `col=${r.column}`,
        `endLine=${r.endLine}`,
        `endColumn=${r.endColumn}`,
        `title=${escapeProperty(r.code)}`,
      ].join(',');
      return terminalLine(`::${COMMAND[r.severity]} ${properties}::${escapeData(r.message)}`) + '\n';
    })
    .join('');
}
