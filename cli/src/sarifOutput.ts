/**
 * `check --format sarif`: SARIF 2.1.0 (OASIS), one run, as GitHub code scanning takes it (github/codeql-action
 * upload-sarif). The rules are the rule table's rows with their summaries and default levels; each result points
 * into its file by a URI relative to `%SRCROOT%` (the folder `check` ran in, normally the repository's root), with
 * 1-based lines and columns counted in UTF-16 code units, the editor's unit. Held to the published schema by
 * test/cli/checkFormats.test.ts.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES, type RuleCode, type Severity } from '../../core/src/rules';
import { version } from '../../package.json';
import type { CheckReport } from './checkReport';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

/** SARIF has four levels; information and hint are both notes. */
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const CODES = Object.keys(RULES) as RuleCode[];
const RULE_INDEX = new Map(CODES.map((code, i) => [code, i]));

/**
 * Where a file is, as SARIF wants it: relative to `%SRCROOT%` and with each segment percent-encoded, or an
 * absolute file URI for a file outside it. A name that was not valid UTF-8 has its bad bytes as U+FFFD.
 */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const absolute = path.resolve(cwd, file.replace(LONE_SURROGATE, '\ufffd'));
  const relative = path.relative(cwd, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return { uri: pathToFileURL(absolute).href };
  }
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

export function formatSarif(report: CheckReport, cwd = process.cwd()): string {
  const rules = CODES.map((code) => ({
    id: code,
    shortDescription: { text: RULES[code].summary },
    defaultConfiguration: { level: LEVEL[RULES[code].severity] },
  }));
  const results = report.findings.map((r) => ({
    ruleId: r.code,
    ruleIndex: RULE_INDEX.get(r.code as RuleCode),
    level: LEVEL[r.severity],
    message: { text: r.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(r.file, cwd),
          region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn },
        },
      },
    ],
  }));
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'pachyderm-secrets', version, rules } },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
