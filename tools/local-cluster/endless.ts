/**
 * The answers of a hostile or broken API server that never end: a list whose `continue` token always leads to
 * another page, a list body that never closes, and a watch event that never reaches its newline. Clients must
 * stop reading by themselves; so the server is still bounded, it stops by itself after `SERVER_CAP_BYTES`
 * (far past any client bound) and stops at once when the client goes away.
 */
import type { ServerResponse } from 'node:http';
import type { K8sObject } from './objects';

export type Endless = 'continue' | 'body' | 'watch-line';
export const ENDLESS_MODES: readonly Endless[] = ['continue', 'body', 'watch-line'];

/** What the server sends at most in one endless answer before it cuts the connection itself. */
export const SERVER_CAP_BYTES = 1024 * 1024 * 1024;

const CHUNK = 64 * 1024;

/**
 * One page of a list that never ends: the first `limit` items each time, with a token that names the page
 * number, so every answer looks like the next page of a consistent list.
 */
export function endlessPage(
  items: K8sObject[],
  resourceVersion: string,
  limit: number,
  continueToken: string | null,
): K8sObject {
  const page = Number(/^endless-(\d+)$/.exec(continueToken ?? '')?.[1] ?? 0) + 1;
  return {
    kind: 'SecretList',
    apiVersion: 'v1',
    metadata: { resourceVersion, continue: `endless-${page}` } as K8sObject['metadata'],
    items: items.slice(0, limit > 0 ? limit : items.length),
  };
}

/** A 200 whose body starts like a list (or a watch event) and then repeats `unit` until the client leaves. */
export function streamEndless(res: ServerResponse, mode: 'body' | 'watch-line'): void {
  const head =
    mode === 'body'
      ? '{"kind":"SecretList","apiVersion":"v1","metadata":{"resourceVersion":"1"},"items":['
      : '{"type":"ADDED","object":{"kind":"Secret","apiVersion":"v1","metadata":{"name":"';
  const unit = mode === 'body' ? '{"metadata":{"name":"filler"}},' : 'a';
  const chunk = unit.repeat(Math.ceil(CHUNK / unit.length));
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
    'Transfer-Encoding': 'chunked',
  });
  res.write(head);
  let sent = head.length;
  // Writes while the socket takes them, then waits for 'drain': memory stays at one chunk per connection.
  const pump = (): void => {
    while (!res.destroyed) {
      if (sent >= SERVER_CAP_BYTES) return void res.destroy();
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
  };
  pump();
}
