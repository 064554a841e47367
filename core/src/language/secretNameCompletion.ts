/**
 * Completion where a spec names a secret: the catalog's secret names (filtered and capped, registry credentials
 * first where only they work), and the keys of the named secret at `key`.
 */
import type { OffsetEdit, OffsetRange } from '../text';
import type { CatalogIndex } from '../catalog/snapshot';
import type { SecretMeta } from '../catalog/secretMeta';
import type { NodeAt, ObjectNode } from '../pipelineSpec';
import type { CompletionInput, SpecCompletionItem } from './completionItem';
import { entryName, siteOfPath, type ReferenceSite } from './referenceAt';
import { isRegistryCredential, keysMarkdown, keySummary, secretSummary } from './secretFacts';

export function valueItems(
  input: CompletionInput,
  path: ReadonlyArray<string | number>,
  at: NodeAt,
  range: OffsetRange,
  quote: string,
  entry: ObjectNode | undefined,
  /** YAML `- ` when the caret starts a list item that has no dash yet. */
  prefix = '',
): SpecCompletionItem[] {
  const site = siteOfPath(path);
  if (!site?.part || !input.catalog.ready) return [];
  const wrap = (s: string) => `${quote}${s}${quote}`;
  const edit = (s: string): OffsetEdit => ({ start: range.start, end: range.end, newText: prefix + wrap(s) });
  if (site.part === 'name') {
    const typed = input.file.text.slice(range.start, input.offset).replace(/^[-\s"']+/, '');
    return namesFor(input.catalog.snapshot.secrets, typed, site.site).map((meta) => ({
      label: meta.name,
      kind: 'secret' as const,
      detail: secretSummary(meta),
      documentation: input.documentation === false ? undefined : secretDocumentation(meta, input.catalog),
      sortText: sortFor(site.site, meta),
      filterText: quote ? wrap(meta.name) : meta.name,
      edit: edit(meta.name),
    }));
  }
  const name = entryName(entry ?? (at.node?.type === 'object' ? at.node : undefined));
  const meta = name ? input.catalog.get(name) : undefined;
  if (!meta) return [];
  return meta.keys.map((k) => ({
    label: k.name,
    kind: 'key' as const,
    detail: `${keySummary(k)} · ${meta.name}`,
    filterText: quote ? wrap(k.name) : k.name,
    edit: edit(k.name),
  }));
}

/**
 * At most this many secret names go back to the editor. A namespace can hold thousands of secrets; sending them
 * all makes every keystroke slow (10,000 names took ~0.4 s a request), so the server filters by what is typed
 * and the list is marked incomplete, which makes the editor ask again as the user types.
 */
export const MAX_NAME_ITEMS = 200;

/** True when a name list was cut at MAX_NAME_ITEMS (the LSP list is then `isIncomplete`). */
export function isNameListTruncated(items: readonly SpecCompletionItem[]): boolean {
  return items.filter((i) => i.kind === 'secret').length >= MAX_NAME_ITEMS;
}

/**
 * Names matching the typed word (case-insensitive subsequence, as the editor filters): prefix matches first,
 * and registry credentials first where only they work. The catalog is sorted by name, so buckets keep that order.
 */
function namesFor(secrets: readonly SecretMeta[], typed: string, site: ReferenceSite): SecretMeta[] {
  const want = typed.toLowerCase();
  const buckets: SecretMeta[][] = [[], [], [], []];
  for (const meta of secrets) {
    let bucket = 0;
    if (want) {
      const name = meta.name.toLowerCase();
      if (!name.startsWith(want)) {
        if (!isSubsequence(want, name)) continue;
        bucket = 2;
      }
    }
    if (site === 'pull' && !isRegistryCredential(meta)) bucket += 1;
    buckets[bucket].push(meta);
  }
  const out: SecretMeta[] = [];
  for (const b of buckets) {
    for (const meta of b) {
      if (out.length === MAX_NAME_ITEMS) return out;
      out.push(meta);
    }
  }
  return out;
}

function isSubsequence(needle: string, hay: string): boolean {
  let i = 0;
  for (let j = 0; i < needle.length && j < hay.length; j++) if (needle[i] === hay[j]) i++;
  return i === needle.length;
}

/** Registry credentials first where only they work. */
function sortFor(site: ReferenceSite, meta: SecretMeta): string {
  const rank = site === 'pull' ? (isRegistryCredential(meta) ? '0' : '1') : '0';
  return `${rank}${meta.name}`;
}

export function secretDocumentation(meta: SecretMeta, catalog: CatalogIndex): string {
  const where = catalog.snapshot.context ? `${catalog.snapshot.context} / ${meta.namespace}` : meta.namespace;
  return `**${meta.name}** (${meta.type}) in ${where}\n\n${keysMarkdown(meta)}`;
}
