/**
 * The top-level and metadata fields each resource knows, for `fieldValidation`: `Strict` (kubectl's default)
 * rejects unknown fields, `Warn` reports them in a Warning header, `Ignore` drops the check.
 */
import { badRequest, type Resource } from './status';
import { isPlainObject, type K8sObject } from './objects';

const KNOWN_FIELDS: Record<Resource, Set<string>> = {
  secrets: new Set(['kind', 'apiVersion', 'metadata', 'data', 'stringData', 'type', 'immutable']),
  namespaces: new Set(['kind', 'apiVersion', 'metadata', 'spec', 'status']),
  replicationcontrollers: new Set(['kind', 'apiVersion', 'metadata', 'spec', 'status']),
  pods: new Set(['kind', 'apiVersion', 'metadata', 'spec', 'status']),
  events: new Set([
    'kind',
    'apiVersion',
    'metadata',
    'involvedObject',
    'reason',
    'message',
    'source',
    'firstTimestamp',
    'lastTimestamp',
    'count',
    'type',
    'eventTime',
    'series',
    'action',
    'related',
    'reportingComponent',
    'reportingInstance',
  ]),
};
const KNOWN_META = new Set([
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
]);

function unknownFields(resource: Resource, obj: K8sObject): string[] {
  const unknown = Object.keys(obj).filter((k) => !KNOWN_FIELDS[resource].has(k));
  if (isPlainObject(obj.metadata))
    unknown.push(
      ...Object.keys(obj.metadata)
        .filter((k) => !KNOWN_META.has(k))
        .map((k) => `metadata.${k}`),
    );
  return unknown;
}

/** Throws for unknown fields in Strict mode; otherwise the Warning header to send (empty when there is none). */
export function checkFields(resource: Resource, body: K8sObject, mode: string | null): Record<string, string> {
  const unknown = unknownFields(resource, body);
  if (!unknown.length || mode === 'Ignore') return {};
  if (mode === 'Strict')
    throw badRequest(`strict decoding error: ${unknown.map((f) => `unknown field "${f}"`).join(', ')}`);
  return { Warning: unknown.map((f) => `299 - "unknown field \\"${f}\\""`).join(', ') };
}
