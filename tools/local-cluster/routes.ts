/**
 * Which resource a request path names, and which API verb a request is. Paths follow the core group's layout:
 * `/api/v1/{resource}[/{name}]` for cluster-scoped resources, `/api/v1/namespaces/{ns}/{resource}[/{name}]` and
 * `/api/v1/{resource}` (every namespace) for namespaced ones, each also under the legacy `/api/v1/watch/…` prefix.
 */
import type { Resource } from './status';

/** Where each resource lives. A resource this table does not name is not served (404 from discovery). */
export const RESOURCE_SCOPE: Record<Resource, 'Namespaced' | 'Cluster'> = {
  secrets: 'Namespaced',
  namespaces: 'Cluster',
  replicationcontrollers: 'Namespaced',
  pods: 'Namespaced',
  events: 'Namespaced',
};

export const isNamespaced = (resource: Resource): boolean => RESOURCE_SCOPE[resource] === 'Namespaced';

export interface Target {
  resource: Resource;
  namespace?: string;
  name?: string;
  watchPath: boolean;
}

function scopeOf(segment: string | undefined): 'Namespaced' | 'Cluster' | undefined {
  return segment !== undefined && Object.hasOwn(RESOURCE_SCOPE, segment)
    ? RESOURCE_SCOPE[segment as Resource]
    : undefined;
}

/** Path → resource, namespace, name; undefined for anything this server does not serve. */
export function route(path: string): Target | undefined {
  let segs = path.split('/').filter(Boolean);
  if (segs[0] !== 'api' || segs[1] !== 'v1') return undefined;
  segs = segs.slice(2);
  const watchPath = segs[0] === 'watch';
  if (watchPath) segs = segs.slice(1);
  const dec = decodeURIComponent;
  if (segs[0] === 'namespaces' && segs.length >= 3) {
    if (scopeOf(segs[2]) !== 'Namespaced') return undefined;
    const resource = segs[2] as Resource;
    if (segs.length === 3) return { resource, namespace: dec(segs[1]), watchPath };
    if (segs.length === 4) return { resource, namespace: dec(segs[1]), name: dec(segs[3]), watchPath };
    return undefined;
  }
  const scope = scopeOf(segs[0]);
  const resource = segs[0] as Resource;
  if (scope === 'Namespaced' && segs.length === 1) return { resource, watchPath };
  if (scope === 'Cluster' && segs.length === 1) return { resource, watchPath };
  if (scope === 'Cluster' && segs.length === 2) return { resource, name: dec(segs[1]), watchPath };
  return undefined;
}

/** The RBAC verb of a request, as the API server names it; an unknown method keeps its own (lower-cased) name. */
export function verbOf(method: string, t: Target, watch: boolean): string {
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
