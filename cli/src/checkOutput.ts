/** `check`'s output formats: text and json here; SARIF, GitHub workflow commands and JUnit XML a file each. */
import type { CheckReport, Reported } from './checkReport';
import { formatGithub } from './githubOutput';
import { formatJunit } from './junitOutput';
import { formatSarif } from './sarifOutput';
import { terminalLine, terminalText } from './terminalText';

export function formatText(all: readonly Reported[]): string {
  // One finding per line whatever its path or message hold: both go through the neutraliser.
  return all
    .map((r) => `${terminalLine(r.file)}:${r.line}:${r.column}: ${r.severity} ${r.code} ${terminalLine(r.message)}\n`)
    .join('');
}

export function formatJson(all: readonly Reported[]): string {
  return JSON.stringify(all, null, 2) + '\n';
}

/** Every `--format`, and what writes it. JSON, SARIF and JUnit escape their own strings. */
export const FORMATS = {
  text: (report: CheckReport) => terminalText(formatText(report.findings)),
  json: (report: CheckReport) => formatJson(report.findings),
  sarif: (report: CheckReport) => formatSarif(report),
  github: (report: CheckReport) => formatGithub(report),
  junit: (report: CheckReport) => formatJunit(report),
} as const satisfies Record<string, (report: CheckReport) => string>;

export type CheckFormat = keyof typeof FORMATS;

export function isCheckFormat(name: string): name is CheckFormat {
  return Object.prototype.hasOwnProperty.call(FORMATS, name);
}
