/** The read verbs: get one object, list them (paged, as a Table when asked), watch them. */
import type { K8sObject } from './objects';
import { StatusError } from './status';
import { parseFieldSelector, parseLabelSelector } from './selectors';
import { list, listItem } from './paging';
import { serveWatch, type WatchRequest } from './watch';
import { endlessPage, streamEndless, type Endless } from './endless';
import { sendJson } from './http';
import type { ResourceRequest } from './apiContext';

/** The label and field selectors of the query, as one test; a malformed selector is a 400 before anything else. */
function selectorMatcher(r: ResourceRequest): (o: K8sObject) => boolean {
  const byLabel = parseLabelSelector(r.q.get('labelSelector'));
  const byField = parseFieldSelector(r.q.get('fieldSelector'), r.resource);
  return (o: K8sObject) => byLabel(o) && byField(o);
}

/** The injected endless-response fault, which applies to collection reads of Secrets only. */
function endlessFault(r: ResourceRequest): Endless | undefined {
  return r.resource === 'secrets' && !r.name ? r.ctx.faults.endless : undefined;
}

export function getObject(r: ResourceRequest): void {
  // A get by name filters nothing, but a malformed selector on it is still a 400.
  selectorMatcher(r);
  sendJson(r.res, 200, r.render(r.ctx.store.get(r.resource, r.namespace, r.name!)));
}

export function listObjects(r: ResourceRequest): void {
  const matches = selectorMatcher(r);
  const endless = endlessFault(r);
  if (endless === 'body') return streamEndless(r.res, 'body');
  if (endless === 'continue') {
    const all = r.ctx.store.list(r.resource, r.namespace);
    const limit = Number(r.q.get('limit') ?? '0');
    sendJson(r.res, 200, endlessPage(all.items.map(listItem), all.resourceVersion, limit, r.q.get('continue')));
    return;
  }
  sendJson(r.res, 200, list(r.ctx.store, r.resource, r.namespace, r.q, matches, r.table));
}

export function watchObjects(r: ResourceRequest): void {
  const { q, name } = r;
  const matches = selectorMatcher(r);
  if (endlessFault(r) === 'watch-line') return streamEndless(r.res, 'watch-line');
  const timeout = q.get('timeoutSeconds');
  const sendInitialEvents = q.get('sendInitialEvents') === 'true';
  const allowBookmarks = q.get('allowWatchBookmarks') === 'true' || q.get('allowWatchBookmarks') === '1';
  if (sendInitialEvents && (q.get('resourceVersionMatch') !== 'NotOlderThan' || !allowBookmarks)) {
    // The API server's ListOptions validation for the watch-list protocol.
    throw invalidListOptions(
      q.get('resourceVersionMatch') !== 'NotOlderThan'
        ? 'resourceVersionMatch: Forbidden: sendInitialEvents requires setting resourceVersionMatch to ' +
            'NotOlderThan'
        : 'allowWatchBookmarks: Forbidden: sendInitialEvents requires setting allowWatchBookmarks to true',
    );
  }
  const options: WatchRequest = {
    resource: r.resource,
    namespace: r.namespace,
    matches: name ? (o: K8sObject) => o.metadata?.name === name && matches(o) : matches,
    resourceVersion: q.get('resourceVersion') ?? undefined,
    allowBookmarks,
    sendInitialEvents,
    timeoutSeconds: timeout ? Number(timeout) : undefined,
    render: r.render,
    bookmarkIntervalMs: r.ctx.bookmarkIntervalMs,
  };
  serveWatch(r.ctx.store, r.req, r.res, options, r.ctx.watches);
}

function invalidListOptions(message: string): StatusError {
  return new StatusError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `ListOptions.meta.k8s.io "" is invalid: ${message}`,
    reason: 'Invalid',
    details: { group: 'meta.k8s.io', kind: 'ListOptions' },
    code: 422,
  });
}
