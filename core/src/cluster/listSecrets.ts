/**
 * The paged list both the live catalog and the one-shot `loadCatalog` start from.
 */
import type { SecretMeta } from '../catalog/secretMeta';
import { formatSeconds } from './clusterProblem';
import {
  ClusterLimitError,
  LIST_DEADLINE_TIMEOUTS,
  listDeadlineMs,
  MAX_LISTED_SECRETS,
  maxListPages,
} from './responseLimits';
import type { SecretsApi } from './secretsApi';

/** Pages keep each response small on namespaces with thousands of secrets. */
export const DEFAULT_PAGE_SIZE = 250;

export interface FullList {
  secrets: Map<string, SecretMeta>;
  resourceVersion: string;
}

/**
 * Every page of the namespace's secrets. A server that keeps sending `continue` tokens is stopped after
 * `maxListPages` pages or `listDeadlineMs` of the request timeout, whichever comes first (responseLimits.ts).
 */
export async function listAllSecrets(
  api: SecretsApi,
  pageSize = DEFAULT_PAGE_SIZE,
  now: () => number = Date.now,
): Promise<FullList> {
  const secrets = new Map<string, SecretMeta>();
  let token: string | undefined;
  let resourceVersion = '';
  const maxPages = maxListPages(pageSize);
  const deadlineMs = listDeadlineMs(api.timeoutMs);
  const start = now();
  for (let pages = 0; ; pages++) {
    if (pages > 0 && !token) break;
    if (pages >= maxPages) {
      const why = `after ${maxPages} pages of ${pageSize} (more than ${MAX_LISTED_SECRETS} secrets)`;
      throw new ClusterLimitError('pages', `the API server kept sending continue tokens ${why}; the list was stopped there`);
    }
    if (pages > 0 && now() - start > deadlineMs) {
      const why = `${pages} pages; ${LIST_DEADLINE_TIMEOUTS} × pachyderm.requestTimeoutSeconds`;
      throw new ClusterLimitError('deadline', `the list of secrets was still going after ${formatSeconds(deadlineMs)} (${why}); it was stopped there`);
    }
    const page = await api.listPage(pageSize, token);
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
