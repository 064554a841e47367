/**
 * The fields the API server owns in a stored object and how it lays them out: managedFields entries for each
 * write, the timestamp format, and the field order of its JSON.
 */
import type { K8sObject } from './objects';

/** A timestamp as the API writes one: RFC 3339 in UTC, whole seconds. */
export const now = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The `fieldsV1` set of the top-level fields a write touched: enough for kubectl's managedFields display. */
function fieldsOf(obj: K8sObject): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const mapFields = (m: unknown): Record<string, unknown> => ({
    '.': {},
    ...Object.fromEntries(Object.keys((m as object) ?? {}).map((k) => [`f:${k}`, {}])),
  });
  const meta: Record<string, unknown> = {};
  if (obj.metadata?.labels && Object.keys(obj.metadata.labels).length)
    meta['f:labels'] = mapFields(obj.metadata.labels);
  if (obj.metadata?.annotations && Object.keys(obj.metadata.annotations).length)
    meta['f:annotations'] = mapFields(obj.metadata.annotations);
  if (Object.keys(meta).length) fields['f:metadata'] = meta;
  for (const k of Object.keys(obj)) {
    if (k === 'kind' || k === 'apiVersion' || k === 'metadata' || k === 'status') continue;
    fields[`f:${k}`] = k === 'data' ? mapFields(obj.data) : {};
  }
  return fields;
}

/** Replaces this manager's entry for this operation in managedFields with one for the fields `input` set. */
export function setManagedFields(
  obj: K8sObject,
  input: K8sObject,
  old: K8sObject | undefined,
  options: { fieldManager?: string; operation?: 'Update' | 'Apply' },
): void {
  const manager = options.fieldManager ?? 'unknown';
  const operation = options.operation ?? 'Update';
  const entries = ((old?.metadata?.managedFields ?? []) as Array<Record<string, unknown>>).filter(
    (e) => !(e.manager === manager && e.operation === operation),
  );
  entries.push({
    manager,
    operation,
    apiVersion: 'v1',
    time: now(),
    fieldsType: 'FieldsV1',
    fieldsV1: fieldsOf(input),
  });
  obj.metadata!.managedFields = entries;
}

/**
 * Field order of the real API's JSON: kind, apiVersion, metadata (name, namespace, uid, resourceVersion,
 * creationTimestamp, …), then the rest.
 */
export function inApiFieldOrder(obj: K8sObject): K8sObject {
  const {
    name,
    generateName,
    namespace,
    uid,
    resourceVersion,
    creationTimestamp,
    labels,
    annotations,
    managedFields,
    ...restMeta
  } = obj.metadata!;
  const meta = Object.fromEntries(
    Object.entries({
      name,
      generateName,
      namespace,
      uid,
      resourceVersion,
      creationTimestamp,
      labels,
      annotations,
      ...restMeta,
      managedFields,
    }).filter(([, v]) => v !== undefined),
  );
  const { kind, apiVersion, metadata: _m, ...rest } = obj;
  return { kind, apiVersion, metadata: meta, ...rest };
}
