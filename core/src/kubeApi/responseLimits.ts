/**
 * How much a cluster may send before we stop reading: pages per list, bytes per answer, bytes per watch event,
 * and time per whole list. A broken or hostile API server (or a proxy in front of it) can otherwise keep a list
 * going forever with `continue` tokens, stream a body that never ends, or send a watch event with no newline
 * until the process runs out of memory. Each bound is far above what a real cluster sends, and each one hit
 * becomes a `ClusterLimitError`, which the catalog shows as a cluster problem and retries with backoff.
 *
 * The sizes start from what the API server itself accepts: etcd refuses a request over 1.5 MiB (its default
 * `--max-request-bytes`, etcd-io/etcd server/embed/config.go), and the Kubernetes documentation limits one
 * Secret to 1 MiB (kubernetes/website content/en/docs/concepts/configuration/secret.md). A watch event carries
 * one object, as JSON with its data in base64 (4/3 of the bytes) and possibly again in kubectl's
 * last-applied-configuration annotation, so a few times the stored size is the most a real event can take.
 */

/** The largest object etcd stores: its default `--max-request-bytes`. */
export const MAX_STORED_OBJECT_BYTES = 1.5 * 1024 * 1024;

/** One watch event (one line): 8 × the stored limit leaves room for base64, the annotation and escaping. */
export const MAX_WATCH_LINE_BYTES = 8 * MAX_STORED_OBJECT_BYTES;

/**
 * One answer's body. A list page of `DEFAULT_PAGE_SIZE` (250) secrets averaging 0.5 MiB each fits; a body that
 * goes past this is not a page a cluster sends, and keeping it would hold that much memory in the editor.
 */
export const MAX_RESPONSE_BYTES = 128 * 1024 * 1024;

/** More secrets than any namespace an editor lists: what bounds the number of pages a list may take. */
export const MAX_LISTED_SECRETS = 100_000;

/** A list's pages: enough for `MAX_LISTED_SECRETS` at this page size, plus the last, empty-token page. */
export function maxListPages(pageSize: number): number {
  return Math.ceil(MAX_LISTED_SECRETS / Math.max(1, pageSize)) + 1;
}

/**
 * A whole paged list, however many pages: 24 request timeouts (two minutes at the default 5 s). Each page is
 * bounded by the request timeout too, so a list ends at most one timeout after this.
 */
export function listDeadlineMs(requestTimeoutMs: number): number {
  return requestTimeoutMs * LIST_DEADLINE_TIMEOUTS;
}

export const LIST_DEADLINE_TIMEOUTS = 24;

export type ClusterLimit = 'pages' | 'bytes' | 'line' | 'deadline';

/** A bound above was hit; the message says which and what it was, never what the server sent. */
export class ClusterLimitError extends Error {
  constructor(
    readonly limit: ClusterLimit,
    message: string,
  ) {
    super(message);
    this.name = 'ClusterLimitError';
  }
}

/** "128 MiB", "12 MiB", "1.5 MiB": sizes as the messages state them. */
export function formatMiB(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB`;
}
