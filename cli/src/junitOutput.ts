/**
 * `check --format junit`: JUnit XML as CI systems read test reports (Jenkins, GitLab, Azure Pipelines, the
 * JUnit report actions): one `testsuite` per checked file; in it one `testcase` per finding, or one passing
 * `testcase` when the file is clean. An error is a `failure`; a warning, information or hint is a passing
 * testcase whose `system-out` says it, as it does not fail `check` either. Text is neutralised (control
 * characters shown, core/src/text) and then XML-escaped; XML 1.0 has no way to write U+FFFE or U+FFFF, so those
 * are shown too.
 */
import { visibleLine } from '../../core/src/text';
import type { CheckReport, Reported } from './checkReport';

const NOT_XML = /[\ufffe\uffff]/g;

/** Text safe in XML content and in a double-quoted attribute. */
export function xmlText(s: string): string {
  return visibleLine(s)
    .replace(NOT_XML, (c) => '\\u' + c.charCodeAt(0).toString(16))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const attrs = (a: Record<string, string | number>) =>
  Object.entries(a)
    .map(([k, v]) => ` ${k}="${xmlText(String(v))}"`)
    .join('');

function testcase(r: Reported): string {
  const where = `${r.file}:${r.line}:${r.column}`;
  const name = `${r.code} at ${r.line}:${r.column}`;
  const head = `    <testcase${attrs({ name, classname: r.file, file: r.file, line: r.line })}>\n`;
  const text = xmlText(`${where}: ${r.severity} ${r.code} ${r.message}`);
  const body =
    r.severity === 'error'
      ? `      <failure${attrs({ message: r.message, type: r.code })}>${text}</failure>\n`
      : `      <system-out>${text}</system-out>\n`;
  return head + body + '    </testcase>\n';
}

function testsuite(file: string, findings: Reported[]): string {
  const failures = findings.filter((r) => r.severity === 'error').length;
  const tests = Math.max(findings.length, 1);
  const head = `  <testsuite${attrs({ name: file, tests, failures, errors: 0, skipped: 0 })}>\n`;
  const cases = findings.length
    ? findings.map(testcase).join('')
    : `    <testcase${attrs({ name: 'no findings', classname: file, file })}/>\n`;
  return head + cases + '  </testsuite>\n';
}

export function formatJunit(report: CheckReport): string {
  const byFile = new Map<string, Reported[]>(report.checked.map((f) => [f, []]));
  for (const r of report.findings) {
    const list = byFile.get(r.file);
    if (list) list.push(r);
    else byFile.set(r.file, [r]);
  }
  const suites = [...byFile].map(([file, findings]) => testsuite(file, findings));
  const tests = [...byFile.values()].reduce((n, f) => n + Math.max(f.length, 1), 0);
  const failures = report.findings.filter((r) => r.severity === 'error').length;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites${attrs({ name: 'pachyderm-secrets check', tests, failures, errors: 0 })}>\n` +
    suites.join('') +
    '</testsuites>\n'
  );
}
