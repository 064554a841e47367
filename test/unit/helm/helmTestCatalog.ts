/** The cluster the helm tests run against: metadata only, as the catalog holds it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, type Document } from 'yaml';
import { repoRoot } from '../../corpus/paths';
import { CatalogIndex, type CatalogSnapshot } from '../../../core/src/catalog/snapshot';
import type { SecretMeta } from '../../../core/src/catalog/secretMeta';

export function meta(name: string, keys: string[], type = 'Opaque'): SecretMeta {
  return {
    name,
    namespace: 'pachyderm',
    type,
    keys: keys.map((k) => ({ name: k, size: 8, binary: false })),
    labels: {},
  };
}

export const HELM_SECRETS: SecretMeta[] = [
  meta('dex-creds', ['googleAuth.json']),
  meta('es-tls', ['tls.crt', 'tls.key'], 'kubernetes.io/tls'),
  meta('es-token', ['enterprise-server-token']),
  meta('idps', ['upstream-idps']),
  meta('not-a-registry-secret', ['token']),
  meta('pach-license', ['enterprise-license-key']),
  meta('pach-oauth', ['pachd-oauth-client-secret']),
  meta('pach-root', ['root-token']),
  meta('pachd-tls', ['tls.crt', 'tls.key'], 'kubernetes.io/tls'),
  meta('pachd-tls-opaque', ['cert.pem']),
  meta('pachyderm-oauth', ['auth-config']),
  meta('pachyderm-root-token', ['rootToken']),
  meta('pachyderm-root-token-good', ['root-token']),
  meta('pg-creds', ['password']),
  meta('postgres-creds', ['postgresql-password']),
  meta('proxy-tls', ['tls.crt'], 'kubernetes.io/tls'),
  meta('regcred', ['.dockerconfigjson'], 'kubernetes.io/dockerconfigjson'),
];

export function readySnapshot(secrets: SecretMeta[] = HELM_SECRETS): CatalogSnapshot {
  return { context: 'test', namespace: 'pachyderm', state: { kind: 'ready' }, secrets };
}

export const readyCatalog = (secrets: SecretMeta[] = HELM_SECRETS) => new CatalogIndex(readySnapshot(secrets));
export const unknownCatalog = () =>
  new CatalogIndex({ context: '', namespace: 'default', state: { kind: 'unknown', reason: 'test' }, secrets: [] });

// Read from the source tree: compiled tests run from out/, where tsc copies no YAML.
export const FIXTURES = join(repoRoot(), 'test', 'unit', 'helm', 'fixtures');
export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}
export function fixtureDoc(name: string): Document {
  return parseDocument(fixtureText(name));
}
