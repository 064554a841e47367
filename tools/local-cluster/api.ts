/**
 * The Kubernetes API's front door: health probes, authentication, injected faults, then either a resource route
 * (routes.ts finds the resource, resourceRoutes.ts the handler of its verb, after RBAC) or a discovery document.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { forbidden, methodNotAllowed, notFound, unauthorized } from './status';
import type { K8sObject } from './objects';
import { toTable, wantsTable } from './table';
import { isAllowed, type LocalUser } from './rbac';
import { authenticate } from './authentication';
import { ACCESS_REVIEW_PATH, reviewAccess } from './accessReview';
import { sendError } from './http';
import { route, verbOf, type Target } from './routes';
import { handlerFor } from './resourceRoutes';
import { serveDiscovery } from './discoveryRoutes';
import type { ApiContext, ResourceRequest } from './apiContext';

export type { ApiContext } from './apiContext';

export function createApiHandler(ctx: ApiContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(ctx, req, res).catch((err) => sendError(res, err));
  };
}

async function handle(ctx: ApiContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'https://local');
  const path = url.pathname;
  const q = url.searchParams;
  const method = req.method ?? 'GET';

  if (path === '/healthz' || path === '/readyz' || path === '/livez') {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('ok');
    return;
  }

  const user = authenticate(req, ctx.users);
  if (!user) throw unauthorized();

  const target = route(path);
  const watch = q.get('watch') === '1' || q.get('watch') === 'true' || target?.watchPath === true;
  const verb = target ? verbOf(method, target, watch) : 'get';

  if (!(await injectFaults(ctx, verb, path, res))) return;

  if (!target) {
    if (method === 'POST' && path === ACCESS_REVIEW_PATH) await reviewAccess(user, req, res);
    else serveDiscovery(ctx, path, req, res);
    return;
  }
  await serveResource(ctx, user, verb, target, req, res, q);
}

/**
 * Applies the injected delay and any injected failure for this request; false when the response is already
 * finished (a raw failure body was sent, or the client went away during the delay).
 */
async function injectFaults(ctx: ApiContext, verb: string, path: string, res: ServerResponse): Promise<boolean> {
  if (ctx.faults.delayMs > 0) {
    // A client that gave up (or a server going down) ends the wait: no timer outlives its request.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ctx.faults.delayMs);
      res.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    if (res.destroyed) return false;
  }
  const injected = ctx.faults.take(verb, path);
  if (injected?.raw !== undefined) {
    res.writeHead(injected.error.code, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(injected.raw);
    return false;
  }
  if (injected) throw injected.error;
  return true;
}

/** RBAC, the namespace-exists check for writes, then the routing table's handler for the verb. */
async function serveResource(
  ctx: ApiContext,
  user: LocalUser,
  verb: string,
  target: Target,
  req: IncomingMessage,
  res: ServerResponse,
  q: URLSearchParams,
): Promise<void> {
  const { resource, namespace, name } = target;
  if (!isAllowed(user, { verb, resource, namespace, name }))
    throw forbidden(user.name, verb, resource, namespace, name);
  if (
    namespace !== undefined &&
    !ctx.store.has('namespaces', undefined, namespace) &&
    (req.method ?? 'GET') !== 'GET'
  ) {
    throw notFound('namespaces', namespace);
  }
  const table = wantsTable(req.headers.accept);
  const r: ResourceRequest = {
    ctx,
    req,
    res,
    q,
    resource,
    namespace,
    name,
    dryRun: q.getAll('dryRun').includes('All'),
    fieldManager: q.get('fieldManager') ?? (req.headers['user-agent'] ?? 'unknown').split('/')[0],
    table,
    render: (o: K8sObject): K8sObject =>
      table ? toTable(resource, [o], { resourceVersion: o.metadata?.resourceVersion }, q.get('includeObject')) : o,
  };
  const handler = handlerFor(resource, verb);
  if (!handler) throw methodNotAllowed();
  await handler(r);
}
