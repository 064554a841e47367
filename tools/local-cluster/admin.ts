/**
 * The admin endpoint (`/__local/…`, admin token as Bearer): fault injection, direct secret edits and deployed
 * pipelines for another process, such as the VS Code extension-host tests. Served on the API port and on a separate
 * plain-HTTP admin port that stays up while the API is "down". See index.ts for the route list.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { badRequest, statusForCode, unauthorized } from './status';
import { decodeBody, isPlainObject, type K8sObject } from './objects';
import { bearerToken, readBody, sendError, sendJson } from './http';
import type { ClusterStore } from './store';
import type { Faults } from './faults';
import { ENDLESS_MODES, type Endless } from './endless';
import { newToken, type LocalUser, type RbacRule } from './rbac';
import type { Workloads } from './workloads';
import type { PodFailure } from './kubelet';

export interface AdminContext {
  store: ClusterStore;
  workloads: Workloads;
  faults: Faults;
  adminToken: string;
  /** The RBAC table the API authenticates against (the same array, so a user put here can sign in at once). */
  users: LocalUser[];
  openWatches(): number;
  info(): Record<string, unknown>;
}

/** Creates or replaces a secret without RBAC or faults (its namespace is created if missing). */
export function upsertSecret(store: ClusterStore, secret: K8sObject): K8sObject {
  const ns = secret.metadata?.namespace ?? 'default';
  const name = secret.metadata?.name ?? '';
  if (!store.has('namespaces', undefined, ns))
    store.create('namespaces', undefined, { metadata: { name: ns } }, { fieldManager: 'local-cluster' });
  const body = { ...secret, metadata: { ...(secret.metadata ?? {}), namespace: ns } };
  delete body.metadata.resourceVersion;
  return store.has('secrets', ns, name)
    ? store.update('secrets', ns, name, body, { fieldManager: 'local-cluster' })
    : store.create('secrets', ns, body, { fieldManager: 'local-cluster' });
}

const isNames = (v: unknown): v is string[] =>
  Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && x !== '');

/**
 * Adds a token user with these rules, or replaces the rules of the user of that name (keeping its token), so a
 * test can meet a permission the default users lack (e.g. secrets in one namespace, but no namespace listing).
 */
export function putUser(users: LocalUser[], body: Record<string, unknown>): { name: string; token: string } {
  const { name, rules } = body;
  if (typeof name !== 'string' || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name))
    throw badRequest('name must be a DNS label such as "team-b-reader"');
  if (
    !Array.isArray(rules) ||
    !rules.every(
      (r) =>
        isPlainObject(r) &&
        isNames(r.verbs) &&
        isNames(r.resources) &&
        isNames(r.namespaces) &&
        (r.resourceNames === undefined || isNames(r.resourceNames)),
    )
  ) {
    throw badRequest(
      'rules must be a list of {verbs: string[], resources: string[], namespaces: string[]} ' +
        '(and optionally resourceNames: string[])',
    );
  }
  const existing = users.find((u) => u.name === name);
  if (existing && !existing.token)
    throw badRequest(`user "${name}" signs in by client certificate; choose another name`);
  const user = existing ?? { name, token: newToken(), rules: [] };
  user.rules = rules as RbacRule[];
  if (!existing) users.push(user);
  return { name, token: user.token! };
}

export function createAdminHandler(ctx: AdminContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handleAdmin(ctx, req, res).catch((err) => sendError(res, err));
  };
}

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await readBody(req);
  if (!text.trim()) return {};
  const value = decodeBody(text, 'DeleteOptions');
  return value as Record<string, unknown>;
}

/** Applies a `POST /__local/faults` body: each field given replaces that fault; a malformed field is a 400. */
function setFaults(faults: Faults, body: Record<string, unknown>): void {
  if (body.delayMs !== undefined) {
    if (typeof body.delayMs !== 'number' || body.delayMs < 0)
      throw badRequest('delayMs must be a number of milliseconds >= 0');
    faults.delayMs = body.delayMs;
  }
  if (body.fail !== undefined) {
    const f = body.fail;
    if (!isPlainObject(f) || typeof f.status !== 'number')
      throw badRequest('fail must be {status: number, count?: number | "all", verb?, path?, message?}');
    const count = f.count === undefined ? 1 : f.count;
    if (count !== 'all' && typeof count !== 'number') throw badRequest('fail.count must be a number or "all"');
    faults.fail(f.status, count, {
      verb: f.verb as string | undefined,
      path: f.path as string | undefined,
      message: f.message as string | undefined,
      raw: f.raw === true,
    });
  }
  if (body.endless !== undefined) {
    if (body.endless !== null && !ENDLESS_MODES.includes(body.endless as Endless))
      throw badRequest(`endless must be null or one of ${ENDLESS_MODES.join(', ')}`);
    faults.endless = (body.endless ?? undefined) as Endless | undefined;
  }
}

/** The deployed-pipeline routes (workloads.ts); false when `route` is none of them. */
async function workloadRoute(
  ctx: AdminContext,
  route: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  if (route === 'POST /__local/pipelines') {
    const body = await jsonBody(req);
    const namespace = typeof body.namespace === 'string' && body.namespace ? body.namespace : 'default';
    sendJson(res, 200, ctx.workloads.deploy(namespace, body.pipelines as never));
    return true;
  }
  const dec = decodeURIComponent;
  const rc = /^DELETE \/__local\/pipelines\/([^/]+)\/([^/]+)$/.exec(route);
  if (rc) {
    ctx.workloads.remove(dec(rc[1]), dec(rc[2]));
    sendJson(res, 200, {});
    return true;
  }
  const pod = /^(PUT|DELETE) \/__local\/pods\/([^/]+)\/([^/]+)\/failure$/.exec(route);
  if (!pod) return false;
  const failure = pod[1] === 'PUT' ? ((await jsonBody(req)) as unknown as PodFailure) : undefined;
  sendJson(res, 200, ctx.workloads.setFailure(dec(pod[2]), dec(pod[3]), failure));
  return true;
}

async function handleAdmin(ctx: AdminContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (bearerToken(req) !== ctx.adminToken) throw unauthorized();
  const url = new URL(req.url ?? '/', 'http://local');
  const route = `${req.method} ${url.pathname.replace(/\/$/, '')}`;
  const { faults, store } = ctx;
  const state = (): Record<string, unknown> => ({
    ...ctx.info(),
    resourceVersion: store.resourceVersion,
    openWatches: ctx.openWatches(),
    faults: faults.state(),
  });

  switch (route) {
    case 'GET /__local/state':
      return sendJson(res, 200, state());
    case 'POST /__local/faults': {
      setFaults(faults, await jsonBody(req));
      return sendJson(res, 200, state());
    }
    case 'DELETE /__local/faults':
      faults.clear();
      return sendJson(res, 200, state());
    case 'POST /__local/down':
      await faults.down();
      return sendJson(res, 200, state());
    case 'POST /__local/up':
      await faults.up();
      return sendJson(res, 200, state());
    case 'POST /__local/cut-watches':
      return sendJson(res, 200, { cut: faults.cutWatches() });
    case 'POST /__local/expire':
      return sendJson(res, 200, { resourceVersion: faults.expireResourceVersions() });
    case 'GET /__local/secrets':
      return sendJson(res, 200, store.list('secrets', url.searchParams.get('namespace') ?? undefined));
    case 'PUT /__local/users':
      return sendJson(res, 200, putUser(ctx.users, await jsonBody(req)));
    case 'POST /__local/secrets':
    case 'PUT /__local/secrets':
      return sendJson(res, 200, upsertSecret(store, decodeBody(await readBody(req), 'Secret')));
  }
  const m = /^DELETE \/__local\/secrets\/([^/]+)\/([^/]+)$/.exec(route);
  if (m) {
    const deleted = store.delete('secrets', decodeURIComponent(m[1]), decodeURIComponent(m[2]));
    return sendJson(res, 200, deleted);
  }
  if (await workloadRoute(ctx, route, req, res)) return;
  throw statusForCode(404, `no admin route ${route}; see tools/local-cluster/index.ts`);
}
