/**
 * Hover anywhere in a Secret manifest: its keys with their decoded sizes and where each comes from, and how they
 * compare with the keys of the cluster's secret of the same name (the catalog: names, keys and sizes only).
 * It reads the value-free summary the analysis kept, so there is no value here to show.
 */
import type { CatalogIndex } from '../catalog/snapshot';
import { formatSize } from '../language/secretFacts';
import { visibleLine } from '../text/controlCharacters';
import type { OffsetRange } from '../text/offsets';
import type { ManifestKey, SecretManifestSummary } from './manifestSummary';

export interface ManifestHover {
  markdown: string;
  /** The hovered key, when the pointer is on one. */
  range?: OffsetRange;
}

const code = (s: string) => '`' + visibleLine(s).replace(/`/g, "'") + '`';

function sizeCell(k: ManifestKey): string {
  const size = k.bytes === undefined ? 'unreadable' : formatSize(k.bytes);
  const from = k.from === 'both' ? 'stringData, over data' : k.from;
  return `${size} (${from})`;
}

/** How the file's keys stand against the cluster's secret of the same name. */
function clusterLine(m: SecretManifestSummary, catalog: CatalogIndex): { line: string; cell: (k: string) => string } {
  const none = { cell: () => '' };
  if (!m.name) return { ...none, line: 'The Secret has no name, so it cannot be compared with the cluster.' };
  const where = `namespace \`${visibleLine(catalog.snapshot.namespace)}\``;
  if (!catalog.ready)
    return { ...none, line: `The cluster's secrets are not known yet, so ${code(m.name)} is not compared.` };
  const meta = catalog.get(m.name);
  if (!meta) return { ...none, line: `The cluster has no secret ${code(m.name)} in ${where}.` };
  const cluster = new Map(meta.keys.map((k) => [k.name, k]));
  const mine = new Set(m.keys.map((k) => k.key));
  const onlyHere = m.keys.filter((k) => !cluster.has(k.key)).map((k) => code(k.key));
  const onlyThere = meta.keys.filter((k) => !mine.has(k.name)).map((k) => code(k.name));
  const cell = (k: string) => {
    const c = cluster.get(k);
    return c ? `has it, ${formatSize(c.size)}` : 'missing';
  };
  if (!onlyHere.length && !onlyThere.length) {
    return { cell, line: `The cluster's secret ${code(m.name)} in ${where} has the same keys.` };
  }
  const parts = [
    ...(onlyHere.length ? [`only in this file: ${onlyHere.join(', ')}`] : []),
    ...(onlyThere.length ? [`only in the cluster: ${onlyThere.join(', ')}`] : []),
  ];
  return { cell, line: `The cluster's secret ${code(m.name)} in ${where} has other keys: ${parts.join('; ')}.` };
}

/** The hover at `offset` of a file whose Secret manifests are `manifests`, or undefined outside them. */
export function manifestHover(
  manifests: readonly SecretManifestSummary[],
  offset: number,
  catalog: CatalogIndex,
): ManifestHover | undefined {
  const m = manifests.find((s) => s.start <= offset && offset <= s.end);
  if (!m) return undefined;
  const title =
    `**Secret ${m.name ? code(m.name) : '(no name)'}** · ${code(m.type)} · ${m.keys.length} ` +
    (m.keys.length === 1 ? 'key' : 'keys');
  const cluster = clusterLine(m, catalog);
  const rows = m.keys.map((k) => `| ${code(k.key)} | ${sizeCell(k)} | ${cluster.cell(k.key)} |`);
  const table = rows.length ? ['| key | size | in the cluster |', '|---|---|---|', ...rows].join('\n') : '_no keys_';
  const hovered = m.keys.find((k) => k.start <= offset && offset <= k.end);
  return {
    markdown: [title, table, cluster.line].join('\n\n'),
    ...(hovered ? { range: { start: hovered.start, end: hovered.end } } : {}),
  };
}
