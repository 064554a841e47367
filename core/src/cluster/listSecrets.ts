/**
 * The paged list both the live catalog and the one-shot `loadCatalog` start from.
 */
import type { SecretMeta } from '../catalog/secretMeta';
import type { SecretsApi } from './secretsApi';

/** Pages keep each response small on namespaces with thousands of secrets. */
export const DEFAULT_PAGE_SIZE = 250;

export interface FullList {
  secrets: Map<string, SecretMeta>;
  resourceVersion: string;
}

export async function listAllSecrets(api: SecretsApi, pageSize = DEFAULT_PAGE_SIZE): Promise<FullList> {
  const secrets = new Map<string, SecretMeta>();
  let token: string | undefined;
  let resourceVersion = '';
  do {
    const page = await api.listPage(pageSize, token);
    for (const s of page.items) secrets.set(s.name, s);
    // The first page's resourceVersion is the consistent snapshot the continue tokens belong to.
    resourceVersion ||= page.resourceVersion;
    token = page.continueToken;
  } while (token);
  return { secrets, resourceVersion };
}

export function sortedSecrets(secrets: Map<string, SecretMeta>): SecretMeta[] {
  return [...secrets.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
