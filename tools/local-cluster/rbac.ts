/**
 * Who may do what: a small per-token RBAC table (verbs × resources × namespaces). Deliberately tiny; it exists
 * so tests and the demo can meet 403 Forbidden exactly as a real cluster words it.
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
  token: string;
  rules: RbacRule[];
}

const matches = (list: string[], value: string): boolean => list.includes('*') || list.includes(value);

export function isAllowed(user: LocalUser, verb: string, resource: string, namespace: string | undefined): boolean {
  return user.rules.some(
    (r) => matches(r.verbs, verb) && matches(r.resources, resource) && (namespace === undefined ? r.namespaces.includes('*') : matches(r.namespaces, namespace)),
  );
}

export const newToken = (): string => randomBytes(24).toString('hex');

/** The admin user who may do anything, named as a kind cluster's admin is. */
export const ADMIN_USER = 'kubernetes-admin';
/** A user who can see namespaces but no secrets at all: the forbidden state of the tree and the CLI. */
export const RESTRICTED_USER = 'restricted';

export function defaultUsers(): LocalUser[] {
  return [
    { name: ADMIN_USER, token: newToken(), rules: [{ verbs: ['*'], resources: ['*'], namespaces: ['*'] }] },
    { name: RESTRICTED_USER, token: newToken(), rules: [{ verbs: ['get', 'list', 'watch'], resources: ['namespaces'], namespaces: ['*'] }] },
  ];
}
