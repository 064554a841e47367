/**
 * The paged list both the live catalog and the one-shot `loadCatalog` start from.
 */
import type { SecretMeta } from './secretMeta';
import { DEFAULT_PAGE_SIZE, listAllPages } from '../kubeApi/listPages';
import type { SecretsApi } from './secretsApi';

export { DEFAULT_PAGE_SIZE };

export interface FullList {
  secrets: Map<string, SecretMeta>;
  resourceVersion: string;
}

/** Every page of the namespace's secrets, with the bounds of `listAllPages`. */
export async function listAllSecrets(
  api: SecretsApi,
  pageSize = DEFAULT_PAGE_SIZE,
  now: () => number = Date.now,
): Promise<FullList> {
  const secrets = new Map<string, SecretMeta>();
  const resourceVersion = await listAllPages(
    { fetch: (limit, token) => api.listPage(limit, token), resource: 'secrets', timeoutMs: api.timeoutMs },
    (items) => {
      for (const s of items) secrets.set(s.name, s);
    },
    pageSize,
    now,
  );
  return { secrets, resourceVersion };
}

export function sortedSecrets(secrets: Map<string, SecretMeta>): SecretMeta[] {
  return [...secrets.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
