/**
 * The routing table: for each resource, the handler of each API verb it serves. A verb a resource does not list
 * is 405 Method Not Allowed. Adding a resource is adding its row here (and its facts in the tables the compiler
 * points at once its name joins `Resource` in status.ts); adding a verb is adding a handler and its entries.
 */
import type { Resource } from './status';
import type { ResourceHandler } from './apiContext';
import { getObject, listObjects, watchObjects } from './readHandlers';
import { createObject, patchObject, replaceObject } from './writeHandlers';
import { deleteCollection, deleteNamespace, deleteSecret } from './deleteHandlers';

/** The RBAC verbs (verbOf in routes.ts) this server serves. */
export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection';

const READ_WRITE: Partial<Record<Verb, ResourceHandler>> = {
  get: getObject,
  list: listObjects,
  watch: watchObjects,
  create: createObject,
  update: replaceObject,
  patch: patchObject,
  deletecollection: deleteCollection,
};

/**
 * The workload kinds are read-only here: the cluster's own controllers write them (workloads.ts), as the
 * ReplicationController manager and the kubelet do on a real cluster.
 */
const READ_ONLY: Partial<Record<Verb, ResourceHandler>> = { get: getObject, list: listObjects, watch: watchObjects };

export const RESOURCE_ROUTES: Record<Resource, Partial<Record<Verb, ResourceHandler>>> = {
  secrets: { ...READ_WRITE, delete: deleteSecret },
  namespaces: { ...READ_WRITE, delete: deleteNamespace },
  replicationcontrollers: READ_ONLY,
  pods: READ_ONLY,
  events: READ_ONLY,
};

/** The handler for a verb on a resource, or undefined when the resource does not serve that verb. */
export function handlerFor(resource: Resource, verb: string): ResourceHandler | undefined {
  const routes = RESOURCE_ROUTES[resource];
  return Object.hasOwn(routes, verb) ? routes[verb as Verb] : undefined;
}
