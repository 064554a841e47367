/**
 * `meta.k8s.io/v1` Table output, which `kubectl get` asks for (`Accept: …;as=Table`) and prints as is: the same
 * columns the real server's printers give Secrets (NAME TYPE DATA AGE), Namespaces (NAME STATUS AGE) and the
 * workload kinds (workloadTable.ts).
 */
import type { K8sObject } from './objects';
import type { Resource } from './status';
import { WORKLOAD_COLUMNS, workloadCells } from './workloadTable';

/** k8s.io/apimachinery/pkg/util/duration.HumanDuration. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  const days = Math.floor(hours / 24);
  if (hours < 24 * 8) return hours % 24 === 0 ? `${days}d` : `${days}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.floor(days / 365);
  if (hours < 24 * 365 * 8) return days % 365 === 0 ? `${years}y` : `${years}y${days % 365}d`;
  return `${years}y`;
}

const NAME_COLUMN = {
  name: 'Name',
  type: 'string',
  format: 'name',
  description: 'Name must be unique within a namespace.',
  priority: 0,
};
const AGE_COLUMN = {
  name: 'Age',
  type: 'string',
  format: '',
  description: 'CreationTimestamp is a timestamp representing the server time when this object was created.',
  priority: 0,
};

const COLUMNS: Record<Resource, unknown[]> = {
  secrets: [
    NAME_COLUMN,
    {
      name: 'Type',
      type: 'string',
      format: '',
      description: 'Used to facilitate programmatic handling of secret data.',
      priority: 0,
    },
    { name: 'Data', type: 'integer', format: '', description: 'The number of entries in the secret.', priority: 0 },
    AGE_COLUMN,
  ],
  namespaces: [
    NAME_COLUMN,
    { name: 'Status', type: 'string', format: '', description: 'The status of the namespace', priority: 0 },
    AGE_COLUMN,
  ],
  ...WORKLOAD_COLUMNS,
};

/** kubectl's age of a timestamp, `<unknown>` without one. */
const since = (t: unknown): string =>
  typeof t === 'string' && t ? humanDuration(Date.now() - Date.parse(t)) : '<unknown>';

function cells(resource: Resource, obj: K8sObject): unknown[] {
  const age = since(obj.metadata?.creationTimestamp);
  if (resource === 'namespaces') return [obj.metadata?.name, 'Active', age];
  if (resource !== 'secrets') return workloadCells(resource, obj, since);
  return [obj.metadata?.name, obj.type, Object.keys((obj.data as object) ?? {}).length, age];
}

/** `includeObject`: None, Metadata (default) or Object, as the `includeObject` query parameter says. */
export function toTable(
  resource: Resource,
  items: K8sObject[],
  listMeta: Record<string, unknown>,
  includeObject: string | null,
): K8sObject {
  const rows = items.map((obj) => {
    const row: Record<string, unknown> = { cells: cells(resource, obj) };
    if (includeObject === 'Object') row.object = obj;
    else if (includeObject !== 'None') {
      const { managedFields: _mf, ...metadata } = obj.metadata ?? {};
      row.object = { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata };
    }
    return row;
  });
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: listMeta as K8sObject['metadata'],
    columnDefinitions: COLUMNS[resource],
    rows,
  };
}

export const wantsTable = (accept: string | undefined): boolean => /as=Table/.test(accept ?? '');
