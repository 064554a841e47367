/**
 * The Table columns and cells of ReplicationControllers, Pods and Events, as the real server's printers give them
 * (kubernetes/kubernetes pkg/printers/internalversion/printers.go: printReplicationController, printPod,
 * printEvent). The server prints every column, the wide ones (priority 1) too; kubectl shows those with -o wide.
 */
import type { K8sObject } from './objects';

type Row = unknown[];
type Json = Record<string, unknown>;

const column = (name: string, type: string, description: string, priority = 0, format = ''): Json => ({
  name,
  type,
  format,
  description,
  priority,
});
const NAME = column('Name', 'string', 'Name must be unique within a namespace.', 0, 'name');
const AGE = column(
  'Age',
  'string',
  'CreationTimestamp is a timestamp representing the server time when this object was created.',
);

export const WORKLOAD_COLUMNS = {
  replicationcontrollers: [
    NAME,
    column('Desired', 'integer', 'Replicas is the number of desired replicas.'),
    column('Current', 'integer', 'Replicas is the most recently observed number of replicas.'),
    column('Ready', 'integer', 'The number of ready replicas for this replication controller.'),
    AGE,
    column('Containers', 'string', 'Names of each container in the template.', 1),
    column('Images', 'string', 'Images referenced by each container in the template.', 1),
    column('Selector', 'string', 'Selector is a label query over pods that should match the Replicas count.', 1),
  ],
  pods: [
    NAME,
    column('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
    column('Status', 'string', 'The aggregate status of the containers in this pod.'),
    column('Restarts', 'string', 'The number of times the containers in this pod have been restarted.'),
    AGE,
    column('IP', 'string', 'IP address allocated to the pod. Routable at least within the cluster.', 1),
    column('Node', 'string', 'NodeName indicates in which node this pod is scheduled.', 1),
    column('Nominated Node', 'string', 'nominatedNodeName is set only when this pod preempts other pods.', 1),
    column('Readiness Gates', 'string', 'If specified, all readiness gates will be evaluated for pod readiness.', 1),
  ],
  events: [
    column('Last Seen', 'string', 'The time at which the most recent occurrence of this event was recorded.'),
    column('Type', 'string', 'Type of this event (Normal, Warning), new types could be added in the future'),
    column('Reason', 'string', 'This should be a short, machine understandable string that gives the reason.'),
    column('Object', 'string', 'The object that this event is about.'),
    column('Subobject', 'string', 'The field of the object that this event is about.', 1),
    column('Source', 'string', 'The component reporting this event.', 1),
    column('Message', 'string', 'A human-readable description of the status of this operation.'),
    column('First Seen', 'string', 'The time at which the event was first recorded.', 1),
    column('Count', 'string', 'The number of times this event has occurred.', 1),
    column('Name', 'string', 'Name must be unique within a namespace.', 1, 'name'),
  ],
};

const containersOf = (spec: Json | undefined): Json[] => (spec?.containers as Json[] | undefined) ?? [];
const formatLabels = (labels: Record<string, string> | undefined): string =>
  Object.keys(labels ?? {}).length
    ? Object.entries(labels!)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => `${k}=${v}`)
        .join(',')
    : '<none>';

function rcCells(obj: K8sObject, age: string): Row {
  const spec = (obj.spec ?? {}) as Json;
  const status = (obj.status ?? {}) as Json;
  const podSpec = (spec.template as Json | undefined)?.spec as Json | undefined;
  return [
    obj.metadata?.name,
    spec.replicas ?? 1,
    status.replicas ?? 0,
    status.readyReplicas ?? 0,
    age,
    containersOf(podSpec)
      .map((c) => c.name)
      .join(','),
    containersOf(podSpec)
      .map((c) => c.image)
      .join(','),
    formatLabels(spec.selector as Record<string, string> | undefined),
  ];
}

interface ContainerStatus {
  ready?: boolean;
  restartCount?: number;
  state?: { waiting?: { reason?: string }; running?: unknown; terminated?: { reason?: string; exitCode?: number } };
}

/** printPod's STATUS: the phase, overridden by an init container's state, then by the first container's. */
function podReason(obj: K8sObject, status: Json): { reason: string; ready: number } {
  let reason = (status.reason as string | undefined) || ((status.phase as string | undefined) ?? '');
  const inits = (status.initContainerStatuses as ContainerStatus[] | undefined) ?? [];
  const initCount = ((obj.spec as Json | undefined)?.initContainers as unknown[] | undefined)?.length ?? 0;
  let initializing = false;
  for (const [i, c] of inits.entries()) {
    const t = c.state?.terminated;
    if (t && t.exitCode === 0) continue;
    initializing = true;
    if (t) reason = `Init:${t.reason || 'Error'}`;
    else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing')
      reason = `Init:${c.state.waiting.reason}`;
    else reason = `Init:${i}/${initCount}`;
    break;
  }
  let ready = 0;
  if (initializing) return { reason, ready };
  const statuses = (status.containerStatuses as ContainerStatus[] | undefined) ?? [];
  for (let i = statuses.length - 1; i >= 0; i--) {
    const c = statuses[i];
    if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
    else if (c.state?.terminated) reason = c.state.terminated.reason || 'Error';
    else if (c.ready && c.state?.running) ready++;
  }
  return { reason, ready };
}

function podCells(obj: K8sObject, age: string): Row {
  const status = (obj.status ?? {}) as Json;
  const { reason, ready } = podReason(obj, status);
  const statuses = (status.containerStatuses as ContainerStatus[] | undefined) ?? [];
  const restarts = statuses.reduce((n, c) => n + (c.restartCount ?? 0), 0);
  const total = containersOf(obj.spec as Json | undefined).length;
  const none = (v: unknown): unknown => (v === undefined || v === '' ? '<none>' : v);
  return [
    obj.metadata?.name,
    `${ready}/${total}`,
    reason,
    String(restarts),
    age,
    none(status.podIP),
    none((obj.spec as Json | undefined)?.nodeName),
    none(status.nominatedNodeName),
    '<none>',
  ];
}

function eventCells(obj: K8sObject, since: (t: unknown) => string): Row {
  const involved = (obj.involvedObject ?? {}) as Json;
  const source = (obj.source ?? {}) as Json;
  const kind = String(involved.kind ?? '').toLowerCase();
  const target = involved.name ? `${kind}/${String(involved.name)}` : kind;
  const from = [source.component ?? obj.reportingComponent, source.host].filter(Boolean).join(', ');
  return [
    since(obj.lastTimestamp ?? obj.eventTime),
    obj.type,
    obj.reason,
    target,
    involved.fieldPath ?? '',
    from,
    String(obj.message ?? '').trim(),
    since(obj.firstTimestamp ?? obj.eventTime),
    obj.count ?? 1,
    obj.metadata?.name,
  ];
}

/** The cells of one row; `since` turns a timestamp into kubectl's age (`5m`, `<unknown>`). */
export function workloadCells(
  resource: 'replicationcontrollers' | 'pods' | 'events',
  obj: K8sObject,
  since: (t: unknown) => string,
): Row {
  const age = since(obj.metadata?.creationTimestamp);
  if (resource === 'replicationcontrollers') return rcCells(obj, age);
  if (resource === 'pods') return podCells(obj, age);
  return eventCells(obj, since);
}
