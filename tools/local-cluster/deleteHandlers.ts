/** The delete verbs: one object (with DeleteOptions' dryRun and preconditions), or every object a selector picks. */
import { decodeBody, isPlainObject } from './objects';
import { success } from './status';
import { parseFieldSelector, parseLabelSelector } from './selectors';
import { LIST_KIND, listItem } from './paging';
import { readBody, sendJson } from './http';
import type { ResourceRequest } from './apiContext';
import type { DeleteOptions } from './store';

/** The request's DeleteOptions body (may be empty), merged with the `dryRun` query parameter. */
async function readDeleteOptions(r: ResourceRequest): Promise<DeleteOptions> {
  const text = await readBody(r.req);
  const options = text.trim() ? decodeBody(text, 'DeleteOptions') : {};
  const dryRun = r.dryRun || (Array.isArray(options.dryRun) && options.dryRun.includes('All'));
  const preconditions = isPlainObject(options.preconditions)
    ? (options.preconditions as { uid?: string; resourceVersion?: string })
    : undefined;
  return { dryRun, preconditions };
}

/** A Secret's delete answers with a Success Status, as the API server does for most resources. */
export async function deleteSecret(r: ResourceRequest): Promise<void> {
  const options = await readDeleteOptions(r);
  const deleted = r.ctx.store.delete(r.resource, r.namespace, r.name!, options);
  sendJson(r.res, 200, success(r.resource, r.name!, deleted.metadata?.uid));
}

/** A Namespace's delete answers with the Namespace itself. */
export async function deleteNamespace(r: ResourceRequest): Promise<void> {
  const options = await readDeleteOptions(r);
  sendJson(r.res, 200, r.ctx.store.delete(r.resource, r.namespace, r.name!, options));
}

export async function deleteCollection(r: ResourceRequest): Promise<void> {
  const { store } = r.ctx;
  const { dryRun } = await readDeleteOptions(r);
  const matches = parseLabelSelector(r.q.get('labelSelector'));
  const byField = parseFieldSelector(r.q.get('fieldSelector'), r.resource);
  const gone = store.list(r.resource, r.namespace).items.filter((o) => matches(o) && byField(o));
  for (const o of gone) store.delete(r.resource, r.namespace, o.metadata!.name!, { dryRun });
  sendJson(r.res, 200, {
    kind: LIST_KIND[r.resource],
    apiVersion: 'v1',
    metadata: { resourceVersion: store.resourceVersion },
    items: gone.map(listItem),
  });
}
