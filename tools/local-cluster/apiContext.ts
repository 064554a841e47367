/** What every API route handler is given: the server's shared state and one request, already routed. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { K8sObject } from './objects';
import type { Resource } from './status';
import type { ClusterStore } from './store';
import type { Faults } from './faults';
import type { LocalUser } from './rbac';
import type { OpenWatch } from './watch';

export interface ApiContext {
  store: ClusterStore;
  faults: Faults;
  users: LocalUser[];
  watches: Set<OpenWatch>;
  bookmarkIntervalMs: number;
  serverAddress(): string;
}

/** A request for one resource that passed authentication, fault injection, RBAC and the namespace check. */
export interface ResourceRequest {
  ctx: ApiContext;
  req: IncomingMessage;
  res: ServerResponse;
  /** The URL's query parameters. */
  q: URLSearchParams;
  resource: Resource;
  /** Set for a namespaced resource addressed under `/namespaces/{ns}/`; undefined for every namespace. */
  namespace?: string;
  name?: string;
  dryRun: boolean;
  fieldManager: string;
  /** The object as the client asked for it: itself, or a one-row Table (`kubectl get`). */
  render(o: K8sObject): K8sObject;
  /** The client asked for a Table (`Accept: application/json;as=Table;…`). */
  table: boolean;
}

/** Serves one verb on one resource. */
export type ResourceHandler = (r: ResourceRequest) => void | Promise<void>;
