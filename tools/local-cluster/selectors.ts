/**
 * Label selectors (`=`, `==`, `!=`, `in`, `notin`, exists, `!key`) and field selectors, parsed from the query
 * string and matched as the API server does; bad syntax is a 400 with the reason.
 */
import { badRequest, type Resource } from './status';
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

type FieldGetter = (obj: K8sObject) => string;
const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const at =
  (...path: string[]): FieldGetter =>
  (o) =>
    str(path.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], o));
const META: Record<string, FieldGetter> = { 'metadata.name': at('metadata', 'name') };
const NAMESPACED_META: Record<string, FieldGetter> = { ...META, 'metadata.namespace': at('metadata', 'namespace') };

/**
 * The field paths each resource supports in `fieldSelector`: the sets of the real registries' field label
 * conversions and selectable fields (kubernetes/kubernetes pkg/apis/core/v1/conversion.go and
 * pkg/registry/core/{pod,event,replicationcontroller,secret,namespace}/strategy.go).
 */
export const FIELD_SELECTORS: Record<Resource, Record<string, FieldGetter>> = {
  secrets: { ...NAMESPACED_META, type: at('type') },
  namespaces: { ...META, 'status.phase': () => 'Active' },
  replicationcontrollers: { ...NAMESPACED_META, 'status.replicas': at('status', 'replicas') },
  pods: {
    ...NAMESPACED_META,
    'spec.nodeName': at('spec', 'nodeName'),
    // Old v1 clients send spec.host, which the conversion turns into spec.nodeName.
    'spec.host': at('spec', 'nodeName'),
    'spec.restartPolicy': at('spec', 'restartPolicy'),
    'spec.schedulerName': at('spec', 'schedulerName'),
    'spec.serviceAccountName': at('spec', 'serviceAccountName'),
    'spec.hostNetwork': (o) => String((o.spec as { hostNetwork?: boolean } | undefined)?.hostNetwork === true),
    'status.phase': at('status', 'phase'),
    'status.podIP': at('status', 'podIP'),
    'status.nominatedNodeName': at('status', 'nominatedNodeName'),
  },
  events: {
    ...NAMESPACED_META,
    'involvedObject.kind': at('involvedObject', 'kind'),
    'involvedObject.namespace': at('involvedObject', 'namespace'),
    'involvedObject.name': at('involvedObject', 'name'),
    'involvedObject.uid': at('involvedObject', 'uid'),
    'involvedObject.apiVersion': at('involvedObject', 'apiVersion'),
    'involvedObject.resourceVersion': at('involvedObject', 'resourceVersion'),
    'involvedObject.fieldPath': at('involvedObject', 'fieldPath'),
    reason: at('reason'),
    reportingComponent: at('reportingComponent'),
    source: (o) => at('source', 'component')(o) || at('reportingComponent')(o),
    type: at('type'),
  },
};

export function parseFieldSelector(text: string | null | undefined, resource: Resource): Matcher {
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
