/**
 * The paged list both the live catalog and the one-shot `loadCatalog` start from.
 */
import type { SecretMeta } from './secretMeta';
import { formatSeconds } from '../kubeApi/clusterProblem';
import {
  ClusterLimitError,
  LIST_DEADLINE_TIMEOUTS,
  listDeadlineMs,
  MAX_LISTED_SECRETS,
  maxListPages,
} from '../kubeApi/responseLimits';
import type { SecretsApi } from './secretsApi';

/** Pages keep each response small on namespaces with thousands of secrets. */
export const DEFAULT_PAGE_SIZE = 250;

/** How much smaller a page is asked for again when its answer passed the byte bound: 250, 31, 3, 1. */
const PAGE_SHRINK = 8;

export interface FullList {
  secrets: Map<string, SecretMeta>;
  resourceVersion: string;
}

/**
 * Every page of the namespace's secrets. A server that keeps sending `continue` tokens is stopped after
 * `maxListPages` pages or `listDeadlineMs` of the request timeout, whichever comes first (responseLimits.ts).
 * A page whose answer is too large is asked for again in smaller pages, down to one secret a page.
 */
export async function listAllSecrets(
  api: SecretsApi,
  pageSize = DEFAULT_PAGE_SIZE,
  now: () => number = Date.now,
): Promise<FullList> {
  const secrets = new Map<string, SecretMeta>();
  let token: string | undefined;
  let resourceVersion = '';
  let size = pageSize;
  const deadlineMs = listDeadlineMs(api.timeoutMs);
  const start = now();
  for (let pages = 0; ; pages++) {
    if (pages > 0 && !token) break;
    const maxPages = maxListPages(size);
    if (pages >= maxPages) {
      const why = `after ${maxPages} pages of ${size} (more than ${MAX_LISTED_SECRETS} secrets)`;
      throw new ClusterLimitError(
        'pages',
        `the API server kept sending continue tokens ${why}; the list was stopped there`,
      );
    }
    if (pages > 0 && now() - start > deadlineMs) {
      const why = `${pages} pages; ${LIST_DEADLINE_TIMEOUTS} × pachyderm.requestTimeoutSeconds`;
      throw new ClusterLimitError(
        'deadline',
        `the list of secrets was still going after ${formatSeconds(deadlineMs)} (${why}); it was stopped there`,
      );
    }
    let page;
    try {
      page = await api.listPage(size, token);
    } catch (err) {
      // A page of large secrets can pass MAX_RESPONSE_BYTES honestly (250 secrets of 8 keys × 64 KiB is 167 MiB
      // as JSON): ask again for the same page in smaller pieces. Only a single secret's answer that still passes
      // the bound is the server's fault, and that error is the one thrown.
      if (!(err instanceof ClusterLimitError && err.limit === 'bytes' && size > 1)) throw err;
      size = Math.max(1, Math.floor(size / PAGE_SHRINK));
      pages--;
      continue;
    }
    for (const s of page.items) secrets.set(s.name, s);
    // The first page's resourceVersion is the consistent snapshot the continue tokens belong to.
    resourceVersion ||= page.resourceVersion;
    token = page.continueToken;
  }
  return { secrets, resourceVersion };
}

export function sortedSecrets(secrets: Map<string, SecretMeta>): SecretMeta[] {
  return [...secrets.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
