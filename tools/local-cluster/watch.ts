/**
 * Watch streams: `?watch=1` responses as a chunked stream of `{"type","object"}` lines, resuming from a
 * resourceVersion through the store's bounded history. A resourceVersion the history no longer holds gives what
 * a real server gives: HTTP 200, then one ERROR event carrying a 410 `Expired` Status, then the end of the stream.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { K8sObject } from './objects';
import { RESOURCE_KIND, StatusError, type Resource } from './status';
import type { ClusterStore, EventType, StoreEvent } from './store';
import type { Matcher } from './selectors';

export interface WatchRequest {
  resource: Resource;
  namespace?: string;
  matches: Matcher;
  resourceVersion?: string;
  /** The watch-list protocol: the current state as ADDED events, then a BOOKMARK marking the end of them. */
  sendInitialEvents?: boolean;
  allowBookmarks: boolean;
  timeoutSeconds?: number;
  /** Turns each object into what the client asked for (plain object or a one-row Table). */
  render: (obj: K8sObject) => K8sObject;
  bookmarkIntervalMs: number;
}

export interface OpenWatch {
  /** Drops the connection without a clean end, as a broken network or a restarting API server does. */
  cut(): void;
}

type WatchEventType = EventType | 'BOOKMARK' | 'ERROR';

/** Starts the chunked 200 response; the writer it returns drops events once the stream has ended or broken. */
function openStream(res: ServerResponse): (type: WatchEventType, object: K8sObject) => void {
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
    'Transfer-Encoding': 'chunked',
  });
  // Clients resolve their watch call on the headers; an idle watch must not hold them back.
  res.flushHeaders();
  return (type, object) => {
    if (!res.destroyed && !res.writableEnded) res.write(`${JSON.stringify({ type, object })}\n`);
  };
}

export function serveWatch(
  store: ClusterStore,
  req: IncomingMessage,
  res: ServerResponse,
  w: WatchRequest,
  open: Set<OpenWatch>,
): void {
  const inScope = (o: K8sObject): boolean => w.namespace === undefined || o.metadata?.namespace === w.namespace;
  const matching = (o: K8sObject | undefined): boolean => !!o && inScope(o) && w.matches(o);

  const write = openStream(res);

  /** Translates a store event for this watch's selectors: an edit that moves an object in or out is ADDED/DELETED. */
  const deliver = (e: StoreEvent): void => {
    if (e.resource !== w.resource) return;
    const now = matching(e.object);
    const before = e.type === 'MODIFIED' ? matching(e.previous) : now;
    if (e.type === 'MODIFIED' && now !== before) write(now ? 'ADDED' : 'DELETED', w.render(e.object));
    else if (now) write(e.type, w.render(e.object));
  };

  let start: { initial: K8sObject[]; backlog: StoreEvent[] };
  try {
    start = startingPoint(store, w, matching);
  } catch (err) {
    if (err instanceof StatusError) {
      write('ERROR', err.status as unknown as K8sObject);
      res.end();
      return;
    }
    throw err;
  }
  // Subscribing in the same tick as reading the backlog: no event can fall between the two.
  const unsubscribe = store.onEvent(deliver);
  for (const o of start.initial) write('ADDED', w.render(o));
  if (w.sendInitialEvents) {
    write('BOOKMARK', {
      kind: RESOURCE_KIND[w.resource],
      apiVersion: 'v1',
      metadata: { resourceVersion: store.resourceVersion, annotations: { 'k8s.io/initial-events-end': 'true' } },
    });
  }
  for (const e of start.backlog) deliver(e);

  const timers = startTimers(store, w, write, res);

  const handle: OpenWatch = { cut: () => res.socket?.destroy() };
  open.add(handle);
  const cleanup = (): void => {
    unsubscribe();
    for (const t of timers) clearTimeout(t);
    open.delete(handle);
  };
  res.on('close', cleanup);
  req.on('close', cleanup);
}

/**
 * Where the watch starts: the current state (no resourceVersion, `0`, or the watch-list protocol), or the events
 * after the given resourceVersion. Throws a StatusError for a malformed or expired resourceVersion.
 */
function startingPoint(
  store: ClusterStore,
  w: WatchRequest,
  matching: (o: K8sObject) => boolean,
): { initial: K8sObject[]; backlog: StoreEvent[] } {
  const rv = w.resourceVersion;
  if (w.sendInitialEvents || rv === undefined || rv === '' || rv === '0')
    return { initial: store.list(w.resource, w.namespace).items.filter(matching), backlog: [] };
  if (!/^\d+$/.test(rv))
    throw new StatusError({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `Invalid value: "${rv}": resourceVersion must be an integer`,
      reason: 'BadRequest',
      code: 400,
    });
  return { initial: [], backlog: store.eventsSince(Number(rv)) };
}

/** Periodic bookmarks (when allowed) and the `timeoutSeconds` end of the stream; the caller clears them on close. */
function startTimers(
  store: ClusterStore,
  w: WatchRequest,
  write: (type: 'BOOKMARK', object: K8sObject) => void,
  res: ServerResponse,
): NodeJS.Timeout[] {
  const timers: NodeJS.Timeout[] = [];
  if (w.allowBookmarks) {
    timers.push(
      setInterval(
        () =>
          write('BOOKMARK', {
            kind: RESOURCE_KIND[w.resource],
            apiVersion: 'v1',
            metadata: { resourceVersion: store.resourceVersion },
          }),
        w.bookmarkIntervalMs,
      ),
    );
  }
  if (w.timeoutSeconds !== undefined && w.timeoutSeconds > 0)
    timers.push(setTimeout(() => res.end(), w.timeoutSeconds * 1000));
  return timers;
}
