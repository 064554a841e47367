/**
 * The three kinds the deployed pipelines are read from, as list-then-watch sources in pachd's namespace: one
 * list and one watch per kind, never one per pipeline.
 *
 * - ReplicationControllers and Pods with `suite=pachyderm,component=worker`: every worker pachd writes carries
 *   both labels, before 2.4 as since (workerIdentity.ts), and the selector keeps pachd, etcd and Postgres out.
 * - Events cannot be selected by the labels of the pod they are about, so they are selected by field:
 *   `involvedObject.kind=Pod,type=Warning` (the reasons read, FailedMount, FailedToRetrieveImagePullSecret and
 *   a pull's Failed, are warnings; kubernetes/kubernetes pkg/registry/core/event/strategy.go `ToSelectableFields`).
 */
import type { Backoff } from '../kubeApi/backoff';
import { KubeHttp } from '../kubeApi/kubeHttp';
import { ListWatchLoop, type ListWatchHandlers, type ListWatchSource } from '../kubeApi/listWatchLoop';
import { listResourcePage, watchResource, type ResourceEndpoint } from '../kubeApi/resourceWatch';
import type { ResolvedTarget } from '../kubeconfig/clusterTarget';
import { limitExecPlugins } from '../kubeconfig/execPluginTimeout';
import { workerRecord, type ObjectOf, type RecordOf, type WorkerKind } from './workerRecords';

export const WORKER_SELECTOR = 'suite=pachyderm,component=worker';
export const EVENT_SELECTOR = 'involvedObject.kind=Pod,type=Warning';

/** The API's plural of each kind, as RBAC and the messages name it. */
export const WORKER_RESOURCES: Record<WorkerKind, string> = {
  rcs: 'replicationcontrollers',
  pods: 'pods',
  events: 'events',
};

export function workerSource<K extends WorkerKind>(
  http: KubeHttp,
  kind: K,
  namespace: string,
  timeoutMs: number,
): ListWatchSource<RecordOf<K>> {
  const resource = WORKER_RESOURCES[kind];
  const endpoint: ResourceEndpoint<RecordOf<K>> = {
    http,
    path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/${resource}`,
    selectors: kind === 'events' ? { fieldSelector: EVENT_SELECTOR } : { labelSelector: WORKER_SELECTOR },
    timeoutMs,
    call: { resource, namespace },
    // Each object becomes its record as it arrives; the object itself, pod spec and all, is dropped here.
    convert: (raw) => workerRecord(kind, (raw ?? {}) as ObjectOf<K>),
  };
  return {
    resource,
    namespace,
    timeoutMs,
    fetch: (limit, token) => listResourcePage(endpoint, limit, token),
    watch: (rv, onEvent, onDone) => watchResource(endpoint, rv, onEvent, onDone),
    versionOf: (r) => r.resourceVersion,
  };
}

export type WorkerLoops = { [K in WorkerKind]: ListWatchLoop<RecordOf<K>> };

/** One loop per kind over one HTTP client with the kubeconfig's TLS and auth. */
export function workerLoops(
  target: ResolvedTarget,
  timeoutMs: number,
  backoff: Backoff,
  handlers: <K extends WorkerKind>(kind: K) => ListWatchHandlers<RecordOf<K>>,
  pageSize?: number,
): WorkerLoops {
  const http = workerHttp(target, timeoutMs);
  const loop = <K extends WorkerKind>(kind: K) =>
    new ListWatchLoop(workerSource(http, kind, target.namespace, timeoutMs), handlers(kind), backoff, pageSize);
  return { rcs: loop('rcs'), pods: loop('pods'), events: loop('events') };
}

/** The HTTP client with the kubeconfig's TLS and auth, an exec plugin ended when the call waiting for it gives up. */
export function workerHttp(target: ResolvedTarget, timeoutMs: number): KubeHttp {
  limitExecPlugins(target.kubeConfig, () => timeoutMs);
  return new KubeHttp(target.kubeConfig, target.server);
}
