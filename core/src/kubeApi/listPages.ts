/**
 * Every page of a paged list, bounded: the secrets of the catalog and the worker objects of the deployed
 * pipelines start from here.
 */
import { formatSeconds } from './clusterProblem';
import {
  ClusterLimitError,
  LIST_DEADLINE_TIMEOUTS,
  listDeadlineMs,
  MAX_LISTED_SECRETS,
  maxListPages,
} from './responseLimits';
import type { ListPage } from './resourceWatch';

/** Pages keep each response small on namespaces with thousands of objects. */
export const DEFAULT_PAGE_SIZE = 250;

/** How much smaller a page is asked for again when its answer passed the byte bound: 250, 31, 3, 1. */
const PAGE_SHRINK = 8;

export interface PagedList<T> {
  fetch(limit: number, continueToken?: string): Promise<ListPage<T>>;
  /** The API's plural, for the messages (`secrets`, `pods`). */
  resource: string;
  timeoutMs: number;
}

/**
 * Every page of `list`, each page's items handed to `onItems` as it arrives (so a caller keeps only what it
 * converted). A server that keeps sending `continue` tokens is stopped after `maxListPages` pages or
 * `listDeadlineMs` of the request timeout, whichever comes first (responseLimits.ts). A page whose answer is too
 * large is asked for again in smaller pages, down to one object a page. Returns the list's resourceVersion.
 */
export async function listAllPages<T>(
  list: PagedList<T>,
  onItems: (items: T[]) => void,
  pageSize = DEFAULT_PAGE_SIZE,
  now: () => number = Date.now,
): Promise<string> {
  let token: string | undefined;
  let resourceVersion = '';
  let size = pageSize;
  const deadlineMs = listDeadlineMs(list.timeoutMs);
  const start = now();
  for (let pages = 0; ; pages++) {
    if (pages > 0 && !token) break;
    const maxPages = maxListPages(size);
    if (pages >= maxPages) {
      const why = `after ${maxPages} pages of ${size} (more than ${MAX_LISTED_SECRETS} ${list.resource})`;
      throw new ClusterLimitError(
        'pages',
        `the API server kept sending continue tokens ${why}; the list was stopped there`,
      );
    }
    if (pages > 0 && now() - start > deadlineMs) {
      const why = `${pages} pages; ${LIST_DEADLINE_TIMEOUTS} × pachyderm.requestTimeoutSeconds`;
      const after = `after ${formatSeconds(deadlineMs)} (${why})`;
      throw new ClusterLimitError(
        'deadline',
        `the list of ${list.resource} was still going ${after}; it was stopped there`,
      );
    }
    let page;
    try {
      page = await list.fetch(size, token);
    } catch (err) {
      // A page of large objects can pass MAX_RESPONSE_BYTES honestly (250 secrets of 8 keys × 64 KiB is 167 MiB
      // as JSON): ask again for the same page in smaller pieces. Only a single object's answer that still passes
      // the bound is the server's fault, and that error is the one thrown.
      if (!(err instanceof ClusterLimitError && err.limit === 'bytes' && size > 1)) throw err;
      size = Math.max(1, Math.floor(size / PAGE_SHRINK));
      pages--;
      continue;
    }
    onItems(page.items);
    // The first page's resourceVersion is the consistent snapshot the continue tokens belong to.
    resourceVersion ||= page.resourceVersion;
    token = page.continueToken;
  }
  return resourceVersion;
}
