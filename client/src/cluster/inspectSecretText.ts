/**
 * The read-only "Inspect Secret" document: the `pachctl inspect secret NAME` table first (NAME TYPE CREATED,
 * tab-aligned, `… ago`), then what pachctl does not show: labels, keys with size and kind (values masked), the
 * public facts of the certificates keys hold, and the workspace pipelines that use the secret.
 */
import { isPachydermManaged, type SecretMeta } from '../../../core/src/catalog';
import {
  certificateFactLines,
  DEFAULT_CERTIFICATE_WARNING_DAYS,
  type CertificateExpiryPolicy,
} from '../../../core/src/certificates';
import { ago } from './humanDuration';
import type { SecretUse } from '../../../core/src/analysis';

export const MASK = '••••••••';

/** `usesNote` says why the list may be incomplete (the workspace was not, or only partly, searched). */
export function inspectSecretText(
  meta: SecretMeta,
  uses: readonly SecretUse[],
  now: Date = new Date(),
  usesNote?: string,
  certificateWarningDays = DEFAULT_CERTIFICATE_WARNING_DAYS,
): string {
  const lines: string[] = [];
  lines.push(
    ...table([
      ['NAME', 'TYPE', 'CREATED'],
      [meta.name, meta.type, ago(meta.creationTimestamp, now)],
    ]),
  );
  lines.push('');
  lines.push(`Namespace:          ${meta.namespace}`);
  lines.push(
    'Pachyderm-managed:  ' +
      (isPachydermManaged(meta)
        ? 'yes (secret-source=pachyderm-user; listed by pachctl list secret)'
        : 'no (not listed by pachctl list secret; may belong to the platform)'),
  );
  lines.push('');
  const labels = Object.entries(meta.labels).sort(([a], [b]) => (a < b ? -1 : 1));
  lines.push(`Labels (${labels.length}):`);
  for (const [k, v] of labels) lines.push(`  ${k}=${v}`);
  if (!labels.length) lines.push('  <none>');
  lines.push('');
  lines.push(`Keys (${meta.keys.length}):`);
  if (meta.keys.length) {
    lines.push(
      ...table([
        ['KEY', 'SIZE', 'KIND', 'VALUE'],
        ...meta.keys.map((k) => [k.name, `${k.size} bytes`, k.binary ? 'binary' : 'text', MASK]),
      ]).map((l) => `  ${l}`),
    );
  } else {
    lines.push('  <none>');
  }
  lines.push(...certificateSection(meta, { now: now.getTime(), warningDays: certificateWarningDays }));
  lines.push('');
  lines.push(`Pipelines in this workspace that use it (${uses.length}):`);
  for (const u of uses) lines.push(`  ${u.pipeline}  ${u.file}:${u.line}  ${u.how}`);
  if (usesNote) lines.push(`  (${usesNote})`);
  else if (!uses.length) lines.push('  <none>');
  lines.push('');
  return lines.join('\n');
}

/** The heading of the key table: `Keys (N):`, then the column names, then one row per key. */
const KEYS_HEADING = /^Keys \(\d+\):$/;

/** The rows of the key table by line (key names hold no spaces: kubectl's rules), from the document's text. */
function keyTableRows(text: string): Map<number, string> {
  const lines = text.split('\n');
  const rows = new Map<number, string>();
  const heading = lines.findIndex((l) => KEYS_HEADING.test(l));
  if (heading < 0) return rows;
  // The heading, the column names, then every indented line is a key's row.
  for (let i = heading + 2; i < lines.length && lines[i].startsWith('  '); i++)
    rows.set(i, lines[i].trim().split(/\s+/)[0]);
  return rows;
}

/** The key a line of an Inspect document is the row of, if any. */
export function keyOfLine(text: string, line: number): string | undefined {
  return keyTableRows(text).get(line);
}

/** The line of `key`'s row in an Inspect document's text, if the secret has that key. */
export function keyRowLine(text: string, key: string): number | undefined {
  for (const [line, k] of keyTableRows(text)) if (k === key) return line;
  return undefined;
}

/** The public facts of each key's certificates; nothing when no key holds one. */
function certificateSection(meta: SecretMeta, policy: CertificateExpiryPolicy): string[] {
  const certificates = meta.keys.filter((k) => k.certificate);
  if (!certificates.length) return [];
  const lines = ['', `Certificates (${certificates.length}):`];
  for (const k of certificates) {
    lines.push(`  ${k.name}:`, ...certificateFactLines(k.certificate!, policy).map((l) => `    ${l}`));
  }
  return lines;
}

/** Go's tabwriter as pachctl configures it for tables: columns padded to the widest cell plus 3 spaces. */
function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] + 3)))
      .join('')
      .trimEnd(),
  );
}
