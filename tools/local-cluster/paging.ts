/**
 * List responses: a snapshot per paged list so every page comes from the same resourceVersion, continue tokens
 * naming it, and the real server's 410 (with a token to go on inconsistently) once the snapshot is forgotten.
 */
import { badRequest, expired, type Resource } from './status';
import type { K8sObject } from './objects';
import type { ClusterStore } from './store';
import { toTable } from './table';
import { isNamespaced } from './routes';

export const LIST_KIND: Record<Resource, string> = {
  secrets: 'SecretList',
  namespaces: 'NamespaceList',
  replicationcontrollers: 'ReplicationControllerList',
  pods: 'PodList',
  events: 'EventList',
};

interface ContinueToken {
  v: string;
  rv: number;
  start: string;
}

function decodeContinue(token: string): ContinueToken {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as ContinueToken;
    if (t.v !== 'meta.k8s.io/v1' || typeof t.rv !== 'number' || typeof t.start !== 'string')
      throw new Error('bad token');
    return t;
  } catch {
    throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  }
}
const encodeContinue = (t: ContinueToken): string => Buffer.from(JSON.stringify(t)).toString('base64url');
const itemKey = (o: K8sObject): string => `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;

const CONTINUE_EXPIRED =
  'The provided continue parameter is too old to display a consistent list result. You can start ' +
  'a new list without the continue parameter, or use the continue token in this response to retrieve ' +
  'the remainder of the results. Continuing with the provided token results in an inconsistent ' +
  'list - objects that were created, modified, or deleted between the time the first chunk was ' +
  'returned and now may show up in the list.';

/** Items in a list response carry no kind/apiVersion, as on a real server. */
export function listItem(o: K8sObject): K8sObject {
  const { kind: _k, apiVersion: _a, ...rest } = o;
  return rest;
}

export function list(
  store: ClusterStore,
  resource: Resource,
  namespace: string | undefined,
  q: URLSearchParams,
  matches: (o: K8sObject) => boolean,
  table: boolean,
): K8sObject {
  const ns = isNamespaced(resource) ? namespace : undefined;
  const snapshotId = (rv: number): string => `${resource}:${ns ?? '*'}:${rv}`;
  const limit = Number(q.get('limit') ?? '0');
  const cont = q.get('continue');
  let items: K8sObject[];
  let rv: number;
  let start = '';
  if (cont) {
    const token = decodeContinue(cont);
    start = token.start;
    if (token.rv === -1) {
      // The inconsistent continuation a 410 offered: the rest of the current state.
      items = store.list(resource, ns).items;
      rv = Number(store.resourceVersion);
    } else {
      const snap = store.snapshot(snapshotId(token.rv), token.rv);
      if (!snap) {
        const err = expired(CONTINUE_EXPIRED);
        err.status.metadata = { continue: encodeContinue({ v: 'meta.k8s.io/v1', rv: -1, start }) };
        throw err;
      }
      items = snap;
      rv = token.rv;
    }
  } else {
    const all = store.list(resource, ns);
    items = all.items;
    rv = Number(all.resourceVersion);
  }
  const remaining = items.filter((o) => itemKey(o) > start && matches(o));
  const page = limit > 0 ? remaining.slice(0, limit) : remaining;
  const meta: Record<string, unknown> = { resourceVersion: String(rv) };
  if (limit > 0 && remaining.length > limit) {
    if (!cont) store.saveSnapshot(snapshotId(rv), items);
    meta.continue = encodeContinue({ v: 'meta.k8s.io/v1', rv, start: itemKey(page[page.length - 1]) });
    meta.remainingItemCount = remaining.length - limit;
  }
  if (table) return toTable(resource, page, meta, q.get('includeObject'));
  return {
    kind: LIST_KIND[resource],
    apiVersion: 'v1',
    metadata: meta as K8sObject['metadata'],
    items: page.map(listItem),
  };
}
