/**
 * Completion on SecretName values of a Helm values file: the catalog's secret names, those that hold what
 * the chart reads first (the key, `tls.crt` + `tls.key`, or a registry type), each saying why it fits or not.
 */
import { isScalar, type Document, type Node } from 'yaml';
import type { CatalogIndex } from '../catalog/snapshot';
import type { SecretMeta } from '../catalog/secretMeta';
import { REGISTRY_SECRET_TYPES } from '../catalog/secretMeta';
import { IMAGE_PULL_SECRETS_PATH, secretNameFact, TLS_KEYS, tlsSecretFact } from './chartFacts';
import { requiredKey } from './chartReading';
import type { OffsetRange } from '../text';
import { entryAt, pathAt } from './valuesTree';

export interface HelmCompletionItem {
  label: string;
  /** Why it fits (or does not): shown next to the name. */
  detail: string;
  /** Fitting names sort first, then by name. */
  sortText: string;
  fits: boolean;
}

export interface HelmCompletion {
  items: HelmCompletionItem[];
  /** The text the chosen name replaces (the current value, or an empty range at the cursor). */
  replace: OffsetRange;
}

/** What a secret must have to fit the value at `path`; undefined when the path names no secret. */
export function requirementAt(
  doc: Document,
  path: string,
): ((s: SecretMeta) => { fits: boolean; detail: string }) | undefined {
  const fact = secretNameFact(path);
  if (fact && !fact.mishandled) {
    if (fact.registry) return registryFit;
    const keys = [requiredKey(doc, fact), ...(fact.alsoKeys ?? [])].filter((k): k is string => !!k);
    if (!keys.length) return (s) => ({ fits: true, detail: `${s.keys.length} keys, mounted whole` });
    return (s) => keysFit(s, keys);
  }
  if (tlsSecretFact(path)) return (s) => keysFit(s, TLS_KEYS);
  if (path === IMAGE_PULL_SECRETS_PATH) return registryFit;
  return undefined;
}

function keysFit(s: SecretMeta, keys: readonly string[]): { fits: boolean; detail: string } {
  const missing = keys.filter((k) => !s.keys.some((x) => x.name === k));
  return missing.length
    ? { fits: false, detail: `no key ${missing.join(', ')}` }
    : { fits: true, detail: `has ${keys.join(', ')}` };
}

function registryFit(s: SecretMeta): { fits: boolean; detail: string } {
  return REGISTRY_SECRET_TYPES.has(s.type)
    ? { fits: true, detail: s.type }
    : { fits: false, detail: `${s.type}, not a registry credential` };
}

export function helmCompletion(doc: Document, offset: number, catalog: CatalogIndex): HelmCompletion | undefined {
  const at = pathAt(doc, offset);
  if (!at?.onValue) return undefined;
  const fit = requirementAt(doc, at.path);
  if (!fit || !catalog.ready) return undefined;
  const replace = at.listItem ? listItemRange(doc, at.path, offset) : valueRange(doc, at.path, offset);
  const items = catalog.snapshot.secrets.map((s) => {
    const { fits, detail } = fit(s);
    return { label: s.name, detail, fits, sortText: `${fits ? '0' : '1'}${s.name}` };
  });
  items.sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0));
  return { items, replace };
}

function valueRange(doc: Document, path: string, offset: number): OffsetRange {
  const e = entryAt(doc, path);
  if (e?.value && isScalar(e.value) && e.valueRange.end > e.valueRange.start) return e.valueRange;
  return { start: offset, end: offset };
}

function listItemRange(doc: Document, path: string, offset: number): OffsetRange {
  const e = entryAt(doc, path);
  const seq = e?.value as { items?: Node[] } | null;
  for (const item of seq?.items ?? []) {
    const r = item?.range;
    if (r && isScalar(item) && offset >= r[0] && offset <= r[1] && r[1] > r[0]) return { start: r[0], end: r[1] };
  }
  return { start: offset, end: offset };
}
