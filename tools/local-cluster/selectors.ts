/**
 * Label selectors (`=`, `==`, `!=`, `in`, `notin`, exists, `!key`) and field selectors, parsed from the query
 * string and matched as the API server does; bad syntax is a 400 with the reason.
 */
import { badRequest } from './status';
import type { K8sObject } from './objects';

type Requirement =
  | { op: 'exists' | 'notexists'; key: string }
  | { op: 'in' | 'notin'; key: string; values: string[] }
  | { op: 'gt' | 'lt'; key: string; value: number };

export type Matcher = (obj: K8sObject) => boolean;

/** Splits on commas that are not inside `( … )`. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

const KEY = /^[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function parseRequirement(raw: string): Requirement {
  const fail = (why: string): never => {
    throw badRequest(`unable to parse requirement: ${why}`);
  };
  const checkKey = (key: string): string => (KEY.test(key) ? key : fail(`invalid label key "${key}"`));
  const checkValue = (v: string): string => (VALUE.test(v) ? v : fail(`invalid label value: "${v}"`));
  let m = /^!\s*(\S+)$/.exec(raw);
  if (m) return { op: 'notexists', key: checkKey(m[1]) };
  m = /^(\S+?)\s+(in|notin)\s*\((.*)\)$/.exec(raw);
  if (m) {
    const values = m[3].split(',').map((v) => checkValue(v.trim()));
    return { op: m[2] as 'in' | 'notin', key: checkKey(m[1]), values };
  }
  m = /^([^=!<>\s]+)\s*(==|=|!=)\s*(.*)$/.exec(raw);
  if (m) {
    const value = checkValue(m[3].trim());
    return { op: m[2] === '!=' ? 'notin' : 'in', key: checkKey(m[1]), values: [value] };
  }
  m = /^([^=!<>\s]+)\s*([<>])\s*(\S+)$/.exec(raw);
  if (m) {
    const n = Number(m[3]);
    if (!Number.isInteger(n)) fail(`for 'Gt', 'Lt' operators, the value must be an integer`);
    return { op: m[2] === '>' ? 'gt' : 'lt', key: checkKey(m[1]), value: n };
  }
  if (/^\S+$/.test(raw)) return { op: 'exists', key: checkKey(raw) };
  return fail(`found '${raw}', expected: ',' or 'end of string'`);
}

function matchesRequirement(labels: Record<string, string>, r: Requirement): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  switch (r.op) {
    case 'exists':
      return has;
    case 'notexists':
      return !has;
    case 'in':
      return has && r.values.includes(labels[r.key]);
    // `!=` and `notin` also match objects that lack the label, as on a real cluster.
    case 'notin':
      return !has || !r.values.includes(labels[r.key]);
    case 'gt':
      return has && Number(labels[r.key]) > r.value;
    case 'lt':
      return has && Number(labels[r.key]) < r.value;
  }
}

export function parseLabelSelector(text: string | null | undefined): Matcher {
  if (!text || !text.trim()) return () => true;
  const reqs = splitTopLevel(text).map((part) => {
    if (!part) throw badRequest(`unable to parse requirement: found ',', expected: identifier`);
    return parseRequirement(part);
  });
  return (obj) => {
    const labels = obj.metadata?.labels ?? {};
    return reqs.every((r) => matchesRequirement(labels, r));
  };
}

/** The field paths each resource supports in `fieldSelector`. */
export const FIELD_SELECTORS: Record<'secrets' | 'namespaces', Record<string, (obj: K8sObject) => string>> = {
  secrets: {
    'metadata.name': (o) => o.metadata?.name ?? '',
    'metadata.namespace': (o) => o.metadata?.namespace ?? '',
    type: (o) => String(o.type ?? ''),
  },
  namespaces: {
    'metadata.name': (o) => o.metadata?.name ?? '',
    'status.phase': () => 'Active',
  },
};

export function parseFieldSelector(text: string | null | undefined, resource: 'secrets' | 'namespaces'): Matcher {
  if (!text || !text.trim()) return () => true;
  const tests = splitTopLevel(text).map((part) => {
    const m = /^([^=!]+?)\s*(==|=|!=)\s*(.*)$/.exec(part);
    if (!m) throw badRequest(`invalid selector: '${text}'; can't understand '${part}'`);
    const get = FIELD_SELECTORS[resource][m[1]];
    if (!get) throw badRequest(`field label not supported: ${m[1]}`);
    const negate = m[2] === '!=';
    const value = m[3];
    return (obj: K8sObject) => (get(obj) === value) !== negate;
  });
  return (obj) => tests.every((t) => t(obj));
}
