/**
 * The Kubernetes API routes: authentication, RBAC, injected faults, then discovery, namespaces and secrets
 * (`/api/v1/namespaces/{ns}/secrets[/{name}]`, `/api/v1/secrets`, and the legacy `/api/v1/watch/…` paths).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import {
  badRequest,
  forbidden,
  methodNotAllowed,
  notFound,
  success,
  unauthorized,
  StatusError,
  type Resource,
} from './status';
import { clone, decodeBody, isPlainObject, type K8sObject } from './objects';
import { parseFieldSelector, parseLabelSelector } from './selectors';
import { applyPatch, PATCH_TYPES } from './patch';
import { toTable, wantsTable } from './table';
import { LIST_KIND, list, listItem } from './paging';
import { serveWatch, type OpenWatch } from './watch';
import { endlessPage, streamEndless } from './endless';
import { isAllowed, type LocalUser } from './rbac';
import { authenticate } from './authentication';
import {
  AGGREGATED_V2,
  API_GROUP_LIST,
  API_V1_RESOURCES,
  VERSION,
  aggregatedDiscovery,
  apiVersions,
  wantsAggregated,
} from './discovery';
import { OPENAPI_V3_ROOT, openApiV3Document } from './openapi';
import { ACCESS_REVIEW_PATH, AUTHORIZATION_GROUP, AUTHORIZATION_V1_RESOURCES, reviewAccess } from './accessReview';
import { readBody, readBodyBytes, sendError, sendJson } from './http';
import { decodeProtobuf, openApiV2Document, OPENAPI_V2_CONTENT_TYPE, PROTOBUF_CONTENT_TYPE } from './protobuf';
import type { ClusterStore } from './store';
import type { Faults } from './faults';

export interface ApiContext {
  store: ClusterStore;
  faults: Faults;
  users: LocalUser[];
  watches: Set<OpenWatch>;
  bookmarkIntervalMs: number;
  serverAddress(): string;
}

interface Target {
  resource: Resource;
  namespace?: string;
  name?: string;
  watchPath: boolean;
}

/** Path → resource, namespace, name; undefined for anything this server does not serve. */
function route(path: string): Target | undefined {
  let segs = path.split('/').filter(Boolean);
  if (segs[0] !== 'api' || segs[1] !== 'v1') return undefined;
  segs = segs.slice(2);
  const watchPath = segs[0] === 'watch';
  if (watchPath) segs = segs.slice(1);
  const dec = decodeURIComponent;
  if (segs.length === 1 && segs[0] === 'secrets') return { resource: 'secrets', watchPath };
  if (segs[0] !== 'namespaces') return undefined;
  if (segs.length === 1) return { resource: 'namespaces', watchPath };
  if (segs.length === 2) return { resource: 'namespaces', name: dec(segs[1]), watchPath };
  if (segs[2] !== 'secrets') return undefined;
  if (segs.length === 3) return { resource: 'secrets', namespace: dec(segs[1]), watchPath };
  if (segs.length === 4) return { resource: 'secrets', namespace: dec(segs[1]), name: dec(segs[3]), watchPath };
  return undefined;
}

function verbOf(method: string, t: Target, watch: boolean): string {
  switch (method) {
    case 'GET':
      return watch ? 'watch' : t.name ? 'get' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return t.name ? 'delete' : 'deletecollection';
    default:
      return method.toLowerCase();
  }
}

const KNOWN_FIELDS: Record<Resource, Set<string>> = {
  secrets: new Set(['kind', 'apiVersion', 'metadata', 'data', 'stringData', 'type', 'immutable']),
  namespaces: new Set(['kind', 'apiVersion', 'metadata', 'spec', 'status']),
};
const KNOWN_META = new Set([
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
]);

/** `fieldValidation=Strict` (kubectl's default) rejects unknown fields; `Warn` reports them in a Warning header. */
function unknownFields(resource: Resource, obj: K8sObject): string[] {
  const unknown = Object.keys(obj).filter((k) => !KNOWN_FIELDS[resource].has(k));
  if (isPlainObject(obj.metadata))
    unknown.push(
      ...Object.keys(obj.metadata)
        .filter((k) => !KNOWN_META.has(k))
        .map((k) => `metadata.${k}`),
    );
  return unknown;
}

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

  if (ctx.faults.delayMs > 0) {
    // A client that gave up (or a server going down) ends the wait: no timer outlives its request.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ctx.faults.delayMs);
      res.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    if (res.destroyed) return;
  }
  const injected = ctx.faults.take(verb, path);
  if (injected?.raw !== undefined) {
    res.writeHead(injected.error.code, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(injected.raw);
    return;
  }
  if (injected) throw injected.error;

  if (!target) {
    if (method === 'POST' && path === ACCESS_REVIEW_PATH) await reviewAccess(user, req, res);
    else serveDiscovery(ctx, path, req, res);
    return;
  }
  if (!isAllowed(user, verb, target.resource, target.resource === 'secrets' ? target.namespace : undefined)) {
    throw forbidden(
      user.name,
      verb,
      target.resource,
      target.resource === 'secrets' ? target.namespace : undefined,
      target.name,
    );
  }
  const { store } = ctx;
  const { resource, name } = target;
  const ns = target.namespace;
  const dryRun = q.getAll('dryRun').includes('All');
  const fieldManager = q.get('fieldManager') ?? (req.headers['user-agent'] ?? 'unknown').split('/')[0];
  const table = wantsTable(req.headers.accept);
  const render = (o: K8sObject): K8sObject =>
    table ? toTable(resource, [o], { resourceVersion: o.metadata?.resourceVersion }, q.get('includeObject')) : o;

  if (resource === 'secrets' && ns !== undefined && !store.has('namespaces', undefined, ns) && method !== 'GET') {
    throw notFound('namespaces', ns);
  }

  switch (method) {
    case 'GET': {
      const matches = (() => {
        const byLabel = parseLabelSelector(q.get('labelSelector'));
        const byField = parseFieldSelector(q.get('fieldSelector'), resource);
        return (o: K8sObject) => byLabel(o) && byField(o);
      })();
      const endless = resource === 'secrets' && !name ? ctx.faults.endless : undefined;
      if (endless === 'watch-line' && watch) return streamEndless(res, 'watch-line');
      if (endless === 'body' && !watch) return streamEndless(res, 'body');
      if (endless === 'continue' && !watch) {
        const all = store.list(resource, ns);
        sendJson(
          res,
          200,
          endlessPage(all.items.map(listItem), all.resourceVersion, Number(q.get('limit') ?? '0'), q.get('continue')),
        );
        return;
      }
      if (watch) {
        const timeout = q.get('timeoutSeconds');
        const sendInitialEvents = q.get('sendInitialEvents') === 'true';
        const allowBookmarks = q.get('allowWatchBookmarks') === 'true' || q.get('allowWatchBookmarks') === '1';
        if (sendInitialEvents && (q.get('resourceVersionMatch') !== 'NotOlderThan' || !allowBookmarks)) {
          // The API server's ListOptions validation for the watch-list protocol.
          throw invalidListOptions(
            q.get('resourceVersionMatch') !== 'NotOlderThan'
              ? 'resourceVersionMatch: Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan'
              : 'allowWatchBookmarks: Forbidden: sendInitialEvents requires setting allowWatchBookmarks to true',
          );
        }
        serveWatch(
          store,
          req,
          res,
          {
            resource,
            namespace: resource === 'secrets' ? ns : undefined,
            matches: name ? (o) => o.metadata?.name === name && matches(o) : matches,
            resourceVersion: q.get('resourceVersion') ?? undefined,
            allowBookmarks,
            sendInitialEvents,
            timeoutSeconds: timeout ? Number(timeout) : undefined,
            render,
            bookmarkIntervalMs: ctx.bookmarkIntervalMs,
          },
          ctx.watches,
        );
        return;
      }
      if (name) {
        sendJson(res, 200, render(store.get(resource, resource === 'secrets' ? ns : undefined, name)));
        return;
      }
      sendJson(res, 200, list(store, resource, ns, q, matches, table));
      return;
    }
    case 'POST': {
      if (name) throw methodNotAllowed();
      const { body, warnings } = await readWrite(req, resource, ns, q);
      const created = store.create(resource, ns, body, { dryRun, fieldManager });
      sendJson(res, 201, render(created), warnings);
      return;
    }
    case 'PUT': {
      if (!name) throw methodNotAllowed();
      const { body, warnings } = await readWrite(req, resource, ns, q);
      sendJson(res, 200, render(store.update(resource, ns, name, body, { dryRun, fieldManager })), warnings);
      return;
    }
    case 'PATCH': {
      if (!name) throw methodNotAllowed();
      const apply = (req.headers['content-type'] ?? '').startsWith(PATCH_TYPES.apply);
      const scope = resource === 'secrets' ? ns : undefined;
      const text = await readBody(req);
      if (apply && !store.has(resource, scope, name)) {
        // Server-side apply creates what does not exist yet.
        const applied = applyPatch({}, PATCH_TYPES.apply, text, parseYaml);
        const warnings = checkFields(resource, applied, q.get('fieldValidation'));
        sendJson(
          res,
          201,
          render(
            store.create(
              resource,
              ns,
              { ...applied, metadata: { ...(applied.metadata ?? {}), name } },
              { dryRun, fieldManager, operation: 'Apply' },
            ),
          ),
          warnings,
        );
        return;
      }
      const current = store.get(resource, scope, name);
      const patched = applyPatch(clone(current), req.headers['content-type'] ?? '', text, parseYaml);
      if (!isPlainObject(patched)) throw badRequest('the patch did not produce an object');
      const warnings = checkFields(resource, patched, q.get('fieldValidation'));
      // A patch that names no resourceVersion applies to whatever is stored; one that does must match (optimistic lock).
      const next = { ...patched, metadata: { ...(patched.metadata ?? {}) } };
      if (next.metadata.resourceVersion === current.metadata?.resourceVersion) delete next.metadata.resourceVersion;
      const updated = store.update(resource, ns, name, next, {
        dryRun,
        fieldManager,
        operation: apply ? 'Apply' : 'Update',
      });
      sendJson(res, 200, render(updated), warnings);
      return;
    }
    case 'DELETE': {
      const text = await readBody(req);
      const options = text.trim() ? decodeBody(text, 'DeleteOptions') : {};
      const optsDryRun = dryRun || (Array.isArray(options.dryRun) && options.dryRun.includes('All'));
      const preconditions = isPlainObject(options.preconditions)
        ? (options.preconditions as { uid?: string; resourceVersion?: string })
        : undefined;
      if (!name) {
        const matches = parseLabelSelector(q.get('labelSelector'));
        const byField = parseFieldSelector(q.get('fieldSelector'), resource);
        const gone = store.list(resource, ns).items.filter((o) => matches(o) && byField(o));
        for (const o of gone) store.delete(resource, ns, o.metadata!.name!, { dryRun: optsDryRun });
        sendJson(res, 200, {
          kind: LIST_KIND[resource],
          apiVersion: 'v1',
          metadata: { resourceVersion: store.resourceVersion },
          items: gone.map(listItem),
        });
        return;
      }
      const deleted = store.delete(resource, resource === 'secrets' ? ns : undefined, name, {
        dryRun: optsDryRun,
        preconditions,
      });
      if (resource === 'namespaces') sendJson(res, 200, deleted);
      else sendJson(res, 200, success(resource, name, deleted.metadata?.uid));
      return;
    }
    default:
      throw methodNotAllowed();
  }
}

/** The body of a create or replace, checked against the URL's namespace and the fieldValidation mode. */
async function readWrite(
  req: IncomingMessage,
  resource: Resource,
  ns: string | undefined,
  q: URLSearchParams,
): Promise<{ body: K8sObject; warnings: Record<string, string> }> {
  const body = await readObject(req, resource);
  const warnings = checkFields(resource, body, q.get('fieldValidation'));
  if (resource === 'secrets' && body.metadata?.namespace && body.metadata.namespace !== ns) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  return { body, warnings };
}

/** A Secret or Namespace body, as JSON or (kubectl's typed clients) protobuf. */
async function readObject(req: IncomingMessage, resource: Resource): Promise<K8sObject> {
  const kind = resource === 'secrets' ? 'Secret' : 'Namespace';
  const bytes = await readBodyBytes(req);
  if ((req.headers['content-type'] ?? '').startsWith(PROTOBUF_CONTENT_TYPE)) return decodeProtobuf(bytes, kind);
  return decodeBody(bytes.toString('utf8'), kind);
}

function invalidListOptions(message: string): StatusError {
  return new StatusError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `ListOptions.meta.k8s.io "" is invalid: ${message}`,
    reason: 'Invalid',
    details: { group: 'meta.k8s.io', kind: 'ListOptions' },
    code: 422,
  });
}

function checkFields(resource: Resource, body: K8sObject, mode: string | null): Record<string, string> {
  const unknown = unknownFields(resource, body);
  if (!unknown.length || mode === 'Ignore') return {};
  if (mode === 'Strict')
    throw badRequest(`strict decoding error: ${unknown.map((f) => `unknown field "${f}"`).join(', ')}`);
  return { Warning: unknown.map((f) => `299 - "unknown field \\"${f}\\""`).join(', ') };
}

function serveDiscovery(ctx: ApiContext, path: string, req: IncomingMessage, res: ServerResponse): void {
  const root = path.replace(/\/$/, '');
  if ((root === '/api' || root === '/apis') && wantsAggregated(req.headers.accept)) {
    return sendJson(res, 200, aggregatedDiscovery(root), { 'Content-Type': AGGREGATED_V2 });
  }
  switch (root) {
    case '/version':
      return sendJson(res, 200, VERSION);
    case '/api':
      return sendJson(res, 200, apiVersions(ctx.serverAddress()));
    case '/api/v1':
      return sendJson(res, 200, API_V1_RESOURCES);
    case '/apis':
      return sendJson(res, 200, API_GROUP_LIST);
    case '/apis/authorization.k8s.io':
      return sendJson(res, 200, { kind: 'APIGroup', apiVersion: 'v1', ...AUTHORIZATION_GROUP });
    case '/apis/authorization.k8s.io/v1':
      return sendJson(res, 200, AUTHORIZATION_V1_RESOURCES);
    case '/openapi/v2': {
      const doc = openApiV2Document();
      res.writeHead(200, { 'Content-Type': OPENAPI_V2_CONTENT_TYPE, 'Content-Length': doc.length });
      res.end(doc);
      return;
    }
    case '/openapi/v3':
      return sendJson(res, 200, OPENAPI_V3_ROOT);
    case '/openapi/v3/api/v1':
      return sendJson(res, 200, openApiV3Document());
    default:
      throw new StatusError({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'the server could not find the requested resource',
        reason: 'NotFound',
        details: {},
        code: 404,
      });
  }
}
