/**
 * A minimal API server for worker RCs, pods and events in namespace `default`, for the faults the local cluster
 * cannot stage on these kinds (a 410 on one kind's watch, a 403 on one kind only) and for counting requests.
 * Lists are paged by `limit` and `continue`; a watch stays open and receives what `push` sends.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startFakeApiServer, type FakeApiServer } from './fakeApiServer';

export type FakeKind = 'replicationcontrollers' | 'pods' | 'events';

export interface WorkerApiFake {
  server: FakeApiServer;
  items: Record<FakeKind, object[]>;
  /** Kinds whose list and watch answer 403 Forbidden. */
  forbidden: Set<FakeKind>;
  /** Kinds whose next watch answers 410 Gone (once each). */
  goneOnce: Set<FakeKind>;
  push(kind: FakeKind, type: 'ADDED' | 'MODIFIED' | 'DELETED', object: object): void;
  /** Resolves when the `n`th watch of a kind is open (1-based), so a pushed event reaches it. */
  watchOpen(kind: FakeKind, n: number): Promise<void>;
  /** Requests for a kind: `list` or `watch`, in arrival order. */
  calls(kind: FakeKind): ('list' | 'watch')[];
  close(): Promise<void>;
}

const PATH = /^\/api\/v1\/namespaces\/default\/(replicationcontrollers|pods|events)$/;

export async function startWorkerApiFake(): Promise<WorkerApiFake> {
  const items: Record<FakeKind, object[]> = { replicationcontrollers: [], pods: [], events: [] };
  const watches: Record<FakeKind, ServerResponse[]> = { replicationcontrollers: [], pods: [], events: [] };
  const forbidden = new Set<FakeKind>();
  const goneOnce = new Set<FakeKind>();
  let rv = 100;
  const opened: Record<FakeKind, number> = { replicationcontrollers: 0, pods: 0, events: 0 };
  const waiters: { kind: FakeKind; n: number; resolve: () => void }[] = [];
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '', 'https://fake');
    const kind = PATH.exec(url.pathname)?.[1] as FakeKind | undefined;
    if (!kind) return status(res, 404, 'NotFound', 'no such path');
    if (forbidden.has(kind)) {
      const cannot = `cannot list resource "${kind}" in API group "" in the namespace "default"`;
      return status(res, 403, 'Forbidden', `${kind} is forbidden: User "u" ${cannot}`);
    }
    if (url.searchParams.get('watch')) {
      if (goneOnce.delete(kind)) return status(res, 410, 'Expired', 'too old resource version');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.flushHeaders();
      watches[kind].push(res);
      opened[kind]++;
      for (const w of waiters.filter((x) => x.kind === kind && x.n <= opened[kind])) w.resolve();
      return;
    }
    const limit = Number(url.searchParams.get('limit') ?? 500);
    const start = Number(url.searchParams.get('continue') ?? 0);
    const page = items[kind].slice(start, start + limit);
    const next = start + limit < items[kind].length ? String(start + limit) : undefined;
    json(res, 200, {
      kind: 'List',
      apiVersion: 'v1',
      metadata: { resourceVersion: String(rv), continue: next },
      items: page,
    });
  };
  const server = await startFakeApiServer(handle);
  return {
    server,
    items,
    forbidden,
    goneOnce,
    push: (kind, type, object) => {
      const stamped = {
        ...object,
        metadata: { ...(object as { metadata?: object }).metadata, resourceVersion: String(++rv) },
      };
      for (const w of watches[kind]) w.write(`${JSON.stringify({ type, object: stamped })}\n`);
    },
    watchOpen: (kind, n) =>
      new Promise((resolve) => (opened[kind] >= n ? resolve() : waiters.push({ kind, n, resolve }))),
    calls: (kind) =>
      server.requests
        .filter((r) => r.startsWith(`/api/v1/namespaces/default/${kind}?`))
        .map((r) => (r.includes('watch=1') ? 'watch' : 'list')),
    close: async () => {
      for (const list of Object.values(watches)) for (const w of list) w.destroy();
      await server.close();
    },
  };
}

function json(res: ServerResponse, code: number, body: object): void {
  res.writeHead(code, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function status(res: ServerResponse, code: number, reason: string, message: string): void {
  json(res, code, { kind: 'Status', apiVersion: 'v1', status: 'Failure', message, reason, code });
}
