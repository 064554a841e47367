/**
 * Who may do what: a small per-user RBAC table (verbs × resources × namespaces). Deliberately tiny; it exists
 * so tests and the demo can meet 403 Forbidden exactly as a real cluster words it. Users sign in with a bearer
 * token or with a client certificate the cluster issues (see authentication.ts).
 */
import { randomBytes } from 'node:crypto';

export interface RbacRule {
  /** `*` or API verbs: get, list, watch, create, update, patch, delete, deletecollection. */
  verbs: string[];
  /** `*` or `secrets` / `namespaces`. */
  resources: string[];
  /** `*` or namespace names; cluster-scoped requests (namespaces, `/api/v1/secrets`) need `*`. */
  namespaces: string[];
}

export interface LocalUser {
  name: string;
  /** A bearer token; a user without one can only sign in with a client certificate. */
  token?: string;
  /**
   * Issue this user a client certificate (CN = name, O = each group) and give it that, not a token, in the
   * kubeconfig.
   */
  certificate?: { groups?: string[] };
  rules: RbacRule[];
}

/** The rule of an admin (and of `system:masters`): every verb on every resource everywhere. */
const ANYTHING: RbacRule = { verbs: ['*'], resources: ['*'], namespaces: ['*'] };

const matches = (list: string[], value: string): boolean => list.includes('*') || list.includes(value);

export function isAllowed(user: LocalUser, verb: string, resource: string, namespace: string | undefined): boolean {
  return user.rules.some(
    (r) =>
      matches(r.verbs, verb) &&
      matches(r.resources, resource) &&
      (namespace === undefined ? r.namespaces.includes('*') : matches(r.namespaces, namespace)),
  );
}

export const newToken = (): string => randomBytes(24).toString('hex');

/** The admin user who may do anything, named as a kind cluster's admin is. */
export const ADMIN_USER = 'kubernetes-admin';
/** A user who signs in with a client certificate and may do anything: the kubeconfig's `local-cert` context. */
export const CERT_USER = 'cert-admin';
/** The group the real API server lets do anything whatever RBAC says (kubeadm's admin certificates carry it). */
export const SUPERUSER_GROUP = 'system:masters';

/** The user an API request acts as, once authenticated: the RBAC table's entry for the name, widened by its groups. */
export function actingUser(users: LocalUser[], name: string, groups: string[]): LocalUser {
  const known = users.find((u) => u.name === name);
  const rules = [...(known?.rules ?? []), ...(groups.includes(SUPERUSER_GROUP) ? [ANYTHING] : [])];
  return { name, rules };
}

/** A user who can see namespaces but no secrets at all: the forbidden state of the tree and the CLI. */
export const RESTRICTED_USER = 'restricted';

export function defaultUsers(): LocalUser[] {
  return [
    { name: ADMIN_USER, token: newToken(), rules: [ANYTHING] },
    {
      name: RESTRICTED_USER,
      token: newToken(),
      rules: [{ verbs: ['get', 'list', 'watch'], resources: ['namespaces'], namespaces: ['*'] }],
    },
    { name: CERT_USER, certificate: {}, rules: [ANYTHING] },
  ];
}
