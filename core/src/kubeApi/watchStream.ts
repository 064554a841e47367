/**
 * Reads an open watch response: one JSON event per line (`{"type": …, "object": …}`), until the server ends the
 * stream, the connection breaks, an ERROR event arrives, or `stop()` is called. `onDone` runs exactly once.
 */
import type { IncomingMessage } from 'node:http';
import { connectionReset } from './kubeHttp';
import { ClusterLimitError, formatMiB, MAX_WATCH_LINE_BYTES } from './responseLimits';

export interface RawWatchEvent {
  type: string;
  object: unknown;
}

export interface WatchStreamHandlers {
  /** Returns an error to end the stream with it (an ERROR event), or nothing to go on. */
  onEvent(event: RawWatchEvent): Error | undefined;
  /** No error: the server closed the stream or `stop()` was called. */
  onDone(err?: unknown): void;
}

/** How long a silent connection may stay up before TCP keep-alive probes ask whether the peer is still there. */
const KEEP_ALIVE_MS = 30_000;

export function readWatchStream(res: IncomingMessage, handlers: WatchStreamHandlers): { stop(): void } {
  let finished = false;
  let pending = '';
  const finish = (err?: unknown) => {
    if (finished) return;
    finished = true;
    res.destroy();
    handlers.onDone(err);
  };
  res.socket?.setKeepAlive(true, KEEP_ALIVE_MS);
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    // Only the new chunk can hold the next newline, so a large event arriving in many chunks is scanned once.
    let nl = chunk.indexOf('\n');
    nl = nl < 0 ? -1 : pending.length + nl;
    pending += chunk;
    for (; !finished && nl >= 0; nl = pending.indexOf('\n')) {
      const line = pending.slice(0, nl).trim();
      pending = pending.slice(nl + 1);
      if (!line) continue;
      let event: RawWatchEvent;
      try {
        event = JSON.parse(line) as RawWatchEvent;
      } catch {
        // Never quote the line: it may hold a secret's values.
        return finish(new Error('the API server sent a watch event that is not JSON'));
      }
      let err: unknown;
      try {
        err = handlers.onEvent(event);
      } catch (thrown) {
        // A consumer's failure ends this watch (its owner sees why and re-watches) instead of escaping the stream.
        err = thrown;
      }
      if (err) finish(err);
    }
    // What is left is one unfinished event. Its UTF-16 length is at most its byte length, so this never stops
    // a real event early, and a line that never ends stops here instead of at the engine's string limit.
    if (!finished && pending.length > MAX_WATCH_LINE_BYTES) {
      pending = '';
      const size = `${formatMiB(MAX_WATCH_LINE_BYTES)} (8 × the largest object etcd stores)`;
      finish(
        new ClusterLimitError('line', `the API server sent a watch event longer than ${size}; the watch was closed`),
      );
    }
  });
  res.on('end', () => finish());
  res.on('error', (err) => finish(err));
  // A close without `end` is a connection that broke mid-stream (the 'error' usually comes first).
  res.on('close', () => finish(res.complete ? undefined : connectionReset()));
  return { stop: () => finish() };
}
