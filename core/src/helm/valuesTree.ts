/**
 * Reads a Helm values document (a `yaml` Document, so every node keeps its source range) by dotted paths.
 * Helm merges values by key, so a path is just a chain of mapping keys; lists are leaves.
 */
import { isMap, isScalar, isSeq, isPair, type Document, type Node, type Pair, type Scalar } from 'yaml';
import type { OffsetRange } from '../text';
import type { ValuesCondition, ValuesPath } from './chartFacts';

export interface ValuesEntry {
  path: ValuesPath;
  keyRange: OffsetRange;
  /** Null when the key has no value (`rootTokenSecretName:`); then `valueRange` is empty, just after the colon. */
  value: Node | null;
  valueRange: OffsetRange;
}

function rangeOf(node: Node | null | undefined, fallback: number): OffsetRange {
  const r = node?.range;
  return r ? { start: r[0], end: r[1] } : { start: fallback, end: fallback };
}

function pairIn(map: unknown, key: string): Pair<Node, Node | null> | undefined {
  if (!isMap(map)) return undefined;
  for (const item of map.items) {
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === key) return item as Pair<Node, Node | null>;
  }
  return undefined;
}

/** The entry at `path`, or undefined when any part of the path is absent. */
export function entryAt(doc: Document, path: ValuesPath): ValuesEntry | undefined {
  const parts = path.split('.');
  let node: unknown = doc.contents;
  let pair: Pair<Node, Node | null> | undefined;
  for (const part of parts) {
    pair = pairIn(node, part);
    if (!pair) return undefined;
    node = pair.value;
  }
  if (!pair) return undefined;
  const keyRange = rangeOf(pair.key, 0);
  const value = (pair.value ?? null) as Node | null;
  const valueRange = rangeOf(value, keyRange.end + 1);
  return { path, keyRange, value, valueRange };
}

/** The string a scalar entry holds; '' for an absent, null or empty value; undefined for a non-scalar. */
export function stringAt(doc: Document, path: ValuesPath): string | undefined {
  const e = entryAt(doc, path);
  if (!e || e.value === null) return '';
  if (!isScalar(e.value)) return undefined;
  const v = (e.value as Scalar).value;
  return v === null || v === undefined ? '' : String(v);
}

/** Helm's truthiness for a scalar value: absent, null, false, 0 and '' are false. */
export function truthyAt(doc: Document, path: ValuesPath): boolean {
  const e = entryAt(doc, path);
  if (!e || e.value === null) return false;
  if (isScalar(e.value)) {
    const v = (e.value as Scalar).value;
    return !(v === null || v === undefined || v === false || v === 0 || v === '');
  }
  if (isMap(e.value) || isSeq(e.value)) return e.value.items.length > 0;
  return true;
}

/** Whether a chart condition holds for this file: each value's truthiness, or the chart's default when absent. */
export function conditionHolds(doc: Document, condition: ValuesCondition): boolean {
  return condition.every((t) => (entryAt(doc, t.path) ? truthyAt(doc, t.path) : t.chartDefault));
}

/** True when the value is explicitly `false` (Helm defaults such as `postgresql.enabled: true` need this). */
export function isFalseAt(doc: Document, path: ValuesPath): boolean {
  const e = entryAt(doc, path);
  return !!e && isScalar(e.value) && (e.value as Scalar).value === false;
}

export interface ListItem {
  name: string;
  range: OffsetRange;
}

/** Names in a list of names (`- a`) or of `{name: a}` objects. Empty and non-name items are skipped. */
export function namesInList(doc: Document, path: ValuesPath): ListItem[] {
  const e = entryAt(doc, path);
  if (!e || !isSeq(e.value)) return [];
  const out: ListItem[] = [];
  for (const item of e.value.items) {
    let scalar: unknown = item;
    if (isMap(item)) scalar = pairIn(item, 'name')?.value;
    if (isScalar(scalar) && scalar.value !== null && scalar.value !== '') {
      out.push({ name: String(scalar.value), range: rangeOf(scalar as Node, 0) });
    }
  }
  return out;
}

/** The dotted path of the mapping entry whose key or value holds `offset`, and whether it is on the value. */
export function pathAt(
  doc: Document,
  offset: number,
): { path: ValuesPath; onValue: boolean; listItem?: boolean } | undefined {
  let node: unknown = doc.contents;
  const parts: string[] = [];
  let found: { path: ValuesPath; onValue: boolean; listItem?: boolean } | undefined;
  for (;;) {
    if (!isMap(node)) break;
    let next: unknown;
    for (const item of node.items) {
      if (!isPair(item) || !isScalar(item.key)) continue;
      const key = item.key as Scalar;
      const kr = key.range;
      const v = item.value as Node | null;
      const vr = v?.range ?? (kr ? [kr[1] + 1, kr[1] + 1, kr[1] + 1] : undefined);
      if (kr && offset >= kr[0] && offset <= kr[1]) {
        found = { path: [...parts, String(key.value)].join('.'), onValue: false };
        return found;
      }
      if (vr && offset >= vr[0] && offset <= vr[2]) {
        parts.push(String(key.value));
        if (isMap(v)) {
          next = v;
        } else if (isSeq(v)) {
          return { path: parts.join('.'), onValue: true, listItem: true };
        } else {
          return { path: parts.join('.'), onValue: true };
        }
        break;
      }
      // An empty value with the cursor after `key: ` on the same line.
      if (v === null && kr && offset > kr[1] && offset <= kr[1] + 2) {
        return { path: [...parts, String(key.value)].join('.'), onValue: true };
      }
    }
    if (!next) break;
    node = next;
  }
  return found;
}

/** The scalar at `path` as text (what the file holds, unquoted), or undefined when it is absent or not a scalar. */
export function scalarValueAt(doc: Document, path: ValuesPath): string | undefined {
  const e = entryAt(doc, path);
  return e && isScalar(e.value) ? String((e.value as Scalar).value ?? '') : undefined;
}
