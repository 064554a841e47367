/**
 * The kubeconfig the local cluster writes: cluster `local` with its CA, one user per RBAC user, context `local`
 * (admin, namespace default, current) and `local-forbidden` (the restricted user, for 403 states).
 */
import { stringify } from 'yaml';
import { ADMIN_USER, RESTRICTED_USER, type LocalUser } from './rbac';

export const CONTEXT = 'local';
export const FORBIDDEN_CONTEXT = 'local-forbidden';

export function kubeconfigYaml(url: string, caPem: string, users: LocalUser[]): string {
  const contextFor = (u: LocalUser): string => (u.name === ADMIN_USER ? CONTEXT : u.name === RESTRICTED_USER ? FORBIDDEN_CONTEXT : `local-${u.name}`);
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    clusters: [{ name: 'local', cluster: { server: url, 'certificate-authority-data': Buffer.from(caPem).toString('base64') } }],
    users: users.map((u) => ({ name: u.name, user: { token: u.token } })),
    contexts: users.map((u) => ({ name: contextFor(u), context: { cluster: 'local', user: u.name, namespace: 'default' } })),
    'current-context': CONTEXT,
  });
}
