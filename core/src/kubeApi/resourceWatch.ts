/**
 * A list page and a watch of one kind of namespaced object, over our HTTP layer, for any kind: the Secret calls
 * (catalog/secretsApi.ts) and the deployed-pipeline kinds (deployed/workerApi.ts) both go through here, so a 410,
 * an ERROR event and the bounds are handled one way.
 */
import type { CallDescription } from './clusterProblem';
import { ClassifiedClusterError, classifyStatus } from './clusterProblem';
import type { KubeHttp, Query } from './kubeHttp';
import { readWatchStream } from './watchStream';

export interface ListPage<T> {
  items: T[];
  continueToken?: string;
  resourceVersion: string;
}

export type ResourceEvent<T> =
  { type: 'ADDED' | 'MODIFIED' | 'DELETED'; object: T } | { type: 'BOOKMARK'; resourceVersion: string };

export interface WatchHandle {
  stop(): void;
}

/** A list as the API server sends it (client-node's types rename `continue`, which is only in its models). */
interface ListJson {
  items?: unknown[] | null;
  metadata?: { continue?: string; resourceVersion?: string };
}

/** One kind of object in one namespace: where it lives and how an object becomes what the caller keeps. */
export interface ResourceEndpoint<T> {
  http: KubeHttp;
  /** e.g. `/api/v1/namespaces/pach/pods`. */
  path: string;
  /** Selectors sent with every list and watch (`labelSelector`, `fieldSelector`). */
  selectors?: Query;
  timeoutMs: number;
  /** For the sentences of failures: `resource` is the API's plural (`secrets`, `pods`). */
  call: Omit<CallDescription, 'verb'>;
  /** The one place an object as sent becomes what is kept; nothing else of it outlives the call. */
  convert(raw: unknown): T;
}

export async function listResourcePage<T>(
  e: ResourceEndpoint<T>,
  limit: number,
  continueToken?: string,
): Promise<ListPage<T>> {
  const list = await e.http.json<ListJson>(
    { method: 'GET', path: e.path, query: { ...e.selectors, limit, continue: continueToken } },
    e.timeoutMs,
  );
  return {
    items: (list.items ?? []).map((raw) => e.convert(raw)),
    continueToken: list.metadata?.continue || undefined,
    resourceVersion: list.metadata?.resourceVersion ?? '',
  };
}

/**
 * Watches from `resourceVersion`. `onDone` runs exactly once: with no error when the server closed the stream
 * or `stop()` was called, with an error otherwise (a 410, as HTTP status or ERROR event, classifies as `gone`).
 * Connecting is bounded by the timeout; the returned promise resolves once connected or failed, never rejects.
 */
export async function watchResource<T>(
  e: ResourceEndpoint<T>,
  resourceVersion: string,
  onEvent: (event: ResourceEvent<T>) => void,
  onDone: (err?: unknown) => void,
): Promise<WatchHandle> {
  const query = { ...e.selectors, watch: 1, resourceVersion, allowWatchBookmarks: true };
  let res;
  try {
    res = await e.http.stream({ method: 'GET', path: e.path, query }, e.timeoutMs);
  } catch (err) {
    onDone(err);
    return { stop: () => undefined };
  }
  return readWatchStream(res, {
    onEvent: ({ type, object }) => {
      if (type === 'ERROR') {
        const status = object as { code?: number; message?: string };
        return new ClassifiedClusterError(
          classifyStatus(status.code ?? 500, status.message, { ...e.call, verb: 'watch' }),
        );
      }
      if (type === 'BOOKMARK') {
        const meta = (object as { metadata?: { resourceVersion?: string } } | null)?.metadata;
        onEvent({ type, resourceVersion: meta?.resourceVersion ?? '' });
      } else if (type === 'ADDED' || type === 'MODIFIED' || type === 'DELETED') {
        onEvent({ type, object: e.convert(object) });
      }
      return undefined;
    },
    onDone,
  });
}
