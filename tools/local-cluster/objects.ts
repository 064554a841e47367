/**
 * The object shapes the server stores and the write-path normalisation the real API server does before
 * validation: decode check of `data`, `stringData` folded into `data`, `type` defaulted to Opaque.
 */
import { badRequest } from './status';
import { base64ErrorOffset } from './base64';
import { jsonSyntaxError } from './jsonErrors';

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  creationTimestamp?: string | null;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  managedFields?: unknown[];
  [key: string]: unknown;
}

export interface K8sObject {
  kind?: string;
  apiVersion?: string;
  metadata?: ObjectMeta;
  [key: string]: unknown;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parses a request body as the kind it must be; errors read like the API server's decoding errors. */
export function decodeBody(text: string, kind: 'Secret' | 'Namespace' | 'DeleteOptions'): K8sObject {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw badRequest(`couldn't get version/kind; json parse error: ${jsonSyntaxError(e)}`);
  }
  if (!isPlainObject(value))
    throw badRequest(`${kind} in version "v1" cannot be handled as a ${kind}: the body must be a JSON object`);
  const obj = value as K8sObject;
  if (kind !== 'DeleteOptions' && obj.kind !== undefined && obj.kind !== kind) {
    throw badRequest(
      `${kind} in version "v1" cannot be handled as a ${kind}: the kind in the body ("${String(obj.kind)}") ` +
        `does not match`,
    );
  }
  if (obj.metadata !== undefined && !isPlainObject(obj.metadata)) {
    throw badRequest(
      `${kind} in version "v1" cannot be handled as a ${kind}: json: cannot unmarshal ${typeof obj.metadata} ` +
        `into Go struct field ${kind}.metadata of type v1.ObjectMeta`,
    );
  }
  return obj;
}

function stringMap(value: unknown, field: string): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (!isPlainObject(value))
    throw badRequest(
      `Secret in version "v1" cannot be handled as a Secret: json: cannot unmarshal ` +
        `${Array.isArray(value) ? 'array' : typeof value} ` +
        `into Go struct field Secret.${field} of type map[string][]uint8`,
    );
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string')
      throw badRequest(
        `Secret in version "v1" cannot be handled as a Secret: json: cannot unmarshal ${typeof v} into ` +
          `Go struct field Secret.${field} of type []uint8`,
      );
    out[k] = v;
  }
  return out;
}

/** Secret as the API server stores it: base64 `data` only, a type, and the server-owned metadata left to the store. */
export function normaliseSecret(input: K8sObject): K8sObject {
  const data = stringMap(input.data, 'data');
  for (const value of Object.values(data)) {
    const offset = base64ErrorOffset(value);
    // The value itself is never echoed: only where decoding failed, as Go's error says it.
    if (offset !== undefined)
      throw badRequest(
        `Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte ${offset}`,
      );
  }
  // Re-encode so that equal bytes have equal text (Go stores bytes and encodes them canonically).
  for (const k of Object.keys(data)) data[k] = Buffer.from(data[k], 'base64').toString('base64');
  const stringData = stringMap(input.stringData, 'stringData');
  for (const [k, v] of Object.entries(stringData)) data[k] = Buffer.from(v, 'utf8').toString('base64');
  const out: K8sObject = { kind: 'Secret', apiVersion: 'v1', metadata: { ...(input.metadata ?? {}) } };
  if (input.immutable !== undefined) out.immutable = input.immutable;
  if (Object.keys(data).length) out.data = sortKeys(data);
  out.type = typeof input.type === 'string' && input.type !== '' ? input.type : 'Opaque';
  return out;
}

export function sortKeys<T>(map: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function normaliseNamespace(input: K8sObject): K8sObject {
  return {
    kind: 'Namespace',
    apiVersion: 'v1',
    metadata: { ...(input.metadata ?? {}) },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

/**
 * A ReplicationController, Pod or Event as this server's own controllers write it (workloads.ts): the API
 * accepts no writes of these kinds, so there is nothing to default or check beyond the type fields.
 */
export function normaliseWorkload(kind: string, input: K8sObject): K8sObject {
  const { kind: _k, apiVersion: _a, metadata, ...rest } = input;
  return { kind, apiVersion: 'v1', metadata: { ...(metadata ?? {}) }, ...rest };
}

export const clone = <T>(v: T): T => structuredClone(v);
