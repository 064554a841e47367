/**
 * The kubeconfig the local cluster writes: cluster `local` with its CA, one user per RBAC user, context `local`
 * (admin, namespace default, current), `local-forbidden` (the restricted user, for 403 states) and `local-cert`
 * (a user who signs in with a client certificate, no token). Other users get `local-<name>`.
 */
import { parse, stringify } from 'yaml';
import { ADMIN_USER, CERT_USER, RESTRICTED_USER, type LocalUser } from './rbac';
import type { KeyPair } from './certs';

export const CONTEXT = 'local';
export const FORBIDDEN_CONTEXT = 'local-forbidden';
export const CERT_CONTEXT = 'local-cert';

const CONTEXTS: Record<string, string> = {
  [ADMIN_USER]: CONTEXT,
  [RESTRICTED_USER]: FORBIDDEN_CONTEXT,
  [CERT_USER]: CERT_CONTEXT,
};

const b64 = (text: string): string => Buffer.from(text).toString('base64');

/** `clientCertificates`: the key pair issued to each user that signs in with a certificate, by user name. */
export function kubeconfigYaml(
  url: string,
  caPem: string,
  users: LocalUser[],
  clientCertificates: ReadonlyMap<string, KeyPair>,
): string {
  const credentials = (u: LocalUser): Record<string, string> => {
    const pair = clientCertificates.get(u.name);
    return pair
      ? { 'client-certificate-data': b64(pair.certPem), 'client-key-data': b64(pair.keyPem) }
      : { token: u.token ?? '' };
  };
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    clusters: [{ name: 'local', cluster: { server: url, 'certificate-authority-data': b64(caPem) } }],
    users: users.map((u) => ({ name: u.name, user: credentials(u) })),
    contexts: users.map((u) => ({
      name: CONTEXTS[u.name] ?? `local-${u.name}`,
      context: { cluster: 'local', user: u.name, namespace: 'default' },
    })),
    'current-context': CONTEXT,
  });
}

/**
 * This kubeconfig plus a token user (say one added through the admin endpoint) and its context `local-<name>`, made
 * current.
 */
export function withTokenUser(
  kubeconfig: string,
  user: { name: string; token: string },
  namespace = 'default',
): string {
  const config = parse(kubeconfig) as { users: unknown[]; contexts: unknown[]; 'current-context': string };
  const context = `local-${user.name}`;
  config.users.push({ name: user.name, user: { token: user.token } });
  config.contexts.push({ name: context, context: { cluster: 'local', user: user.name, namespace } });
  config['current-context'] = context;
  return stringify(config);
}

/** A context to add to the kubeconfig: the admin user in `namespace`, on this cluster or at another `server`. */
export interface ExtraContext {
  name: string;
  namespace: string;
  /** Another API server's URL (say one that is down), as its own cluster entry without a CA. */
  server?: string;
}

/** This kubeconfig plus the admin user's contexts in other namespaces or at other servers (several targets). */
export function withContexts(kubeconfig: string, contexts: readonly ExtraContext[]): string {
  const config = parse(kubeconfig) as { clusters: unknown[]; contexts: unknown[] };
  for (const c of contexts) {
    const cluster = c.server ? `${c.name}-cluster` : 'local';
    if (c.server) config.clusters.push({ name: cluster, cluster: { server: c.server } });
    config.contexts.push({ name: c.name, context: { cluster, user: ADMIN_USER, namespace: c.namespace } });
  }
  return stringify(config);
}
