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
  /**
   * Only these objects, as RBAC's `resourceNames`: the rule then matches only requests that name one of them (get,
   * update, patch, delete of that object), never a list, a watch of the collection or a create.
   */
  resourceNames?: string[];
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

/** The rule of an admin: every verb on every resource everywhere. */
const ANYTHING: RbacRule = { verbs: ['*'], resources: ['*'], namespaces: ['*'] };
/**
 * The rule `system:masters` gets. The real API server lets that group through before RBAC is asked (its
 * privileged-group authorizer), so an access review allowed by it gives no reason; a distinct object tells it apart.
 */
const PRIVILEGED: RbacRule = { ...ANYTHING };

const matches = (list: string[], value: string): boolean => list.includes('*') || list.includes(value);

/** What a request asks RBAC: its verb, resource, namespace (none at the cluster scope) and object name, if any. */
export interface RbacRequest {
  verb: string;
  resource: string;
  namespace: string | undefined;
  name?: string;
}

/** The first of the user's rules that allows the request (RBAC's RuleAllows), if any. */
export function allowingRule(user: LocalUser, q: RbacRequest): RbacRule | undefined {
  return user.rules.find(
    (r) =>
      matches(r.verbs, q.verb) &&
      matches(r.resources, q.resource) &&
      (q.namespace === undefined ? r.namespaces.includes('*') : matches(r.namespaces, q.namespace)) &&
      (!r.resourceNames?.length || (q.name !== undefined && r.resourceNames.includes(q.name))),
  );
}

export const isAllowed = (user: LocalUser, q: RbacRequest): boolean => allowingRule(user, q) !== undefined;

/**
 * Why a request is allowed, worded as the RBAC authorizer words it (kubernetes/kubernetes
 * plugin/pkg/auth/authorizer/rbac/rbac.go and the binding describers of pkg/registry/rbac/validation/rule.go). This
 * server has no binding objects: each user's rules read as bound to that user by a binding named after it, a
 * ClusterRoleBinding for a rule over every namespace and a RoleBinding in the request's namespace otherwise.
 */
export function allowedReason(user: LocalUser, rule: RbacRule, namespace: string | undefined): string {
  if (rule === PRIVILEGED) return '';
  const to = `User ${JSON.stringify(user.name)}`;
  const name = JSON.stringify(user.name);
  if (rule.namespaces.includes('*') || namespace === undefined)
    return `RBAC: allowed by ClusterRoleBinding ${name} of ClusterRole ${name} to ${to}`;
  return (
    `RBAC: allowed by RoleBinding ${JSON.stringify(`${user.name}/${namespace}`)} of Role ` +
    `${JSON.stringify(user.name)} to ${to}`
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
  const rules = [...(known?.rules ?? []), ...(groups.includes(SUPERUSER_GROUP) ? [PRIVILEGED] : [])];
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
