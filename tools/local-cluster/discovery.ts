/**
 * Discovery documents: what kubectl reads before any request (`/version`, `/api`, `/api/v1`, `/apis`, legacy or
 * aggregated as the Accept header asks). Only the
 * resources this server has are listed, so kubectl resolves `secret`, `ns`, `rc`, `po`, `ev` as against a cluster;
 * each lists only the verbs this server serves for it (the workload kinds are read-only here).
 */
import { AUTHORIZATION_GROUP, AUTHORIZATION_V1_RESOURCES } from './accessReview';

export const VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0-local-cluster',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2026-01-01T00:00:00Z',
  goVersion: 'go1.23.0',
  compiler: 'gc',
  platform: 'linux/amd64',
};

export function apiVersions(serverAddress: string): unknown {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

export const API_GROUP_LIST = { kind: 'APIGroupList', apiVersion: 'v1', groups: [AUTHORIZATION_GROUP] };

const SECRETS_RESOURCE = {
  name: 'secrets',
  singularName: 'secret',
  namespaced: true,
  kind: 'Secret',
  verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  storageVersionHash: 'S6u1pOWzb84=',
};
const NAMESPACES_RESOURCE = {
  name: 'namespaces',
  singularName: 'namespace',
  namespaced: false,
  kind: 'Namespace',
  verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  shortNames: ['ns'],
  storageVersionHash: 'Q3oi5N2YM8M=',
};

const READ_VERBS = ['get', 'list', 'watch'];
// Names, short names, categories and storage version hashes as a v1.32 API server publishes them.
const EVENTS_RESOURCE = {
  name: 'events',
  singularName: 'event',
  namespaced: true,
  kind: 'Event',
  verbs: READ_VERBS,
  shortNames: ['ev'],
  storageVersionHash: 'r2yiGXH7wu8=',
};
const PODS_RESOURCE = {
  name: 'pods',
  singularName: 'pod',
  namespaced: true,
  kind: 'Pod',
  verbs: READ_VERBS,
  shortNames: ['po'],
  categories: ['all'],
  storageVersionHash: 'xPOwRZ+Yhw8=',
};
const REPLICATION_CONTROLLERS_RESOURCE = {
  name: 'replicationcontrollers',
  singularName: 'replicationcontroller',
  namespaced: true,
  kind: 'ReplicationController',
  verbs: READ_VERBS,
  shortNames: ['rc'],
  categories: ['all'],
  storageVersionHash: 'Jond2If31h0=',
};

export const API_V1_RESOURCES = {
  kind: 'APIResourceList',
  groupVersion: 'v1',
  resources: [EVENTS_RESOURCE, NAMESPACES_RESOURCE, PODS_RESOURCE, REPLICATION_CONTROLLERS_RESOURCE, SECRETS_RESOURCE],
};

interface LegacyResource {
  name: string;
  singularName: string;
  namespaced: boolean;
  kind: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
}

/** Accept header of kubectl 1.30+: it prefers one aggregated document per root over a request per group version. */
export const AGGREGATED_V2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';
export const wantsAggregated = (accept: string | undefined): boolean =>
  (accept ?? '').replace(/\s/g, '').includes(AGGREGATED_V2);

/** The aggregated (apidiscovery.k8s.io/v2) form of a group's resource list, built from the legacy one so both agree. */
function discoveryGroup(group: string, list: { resources: LegacyResource[] }): unknown {
  return {
    metadata: group ? { name: group, creationTimestamp: null } : { creationTimestamp: null },
    versions: [
      {
        version: 'v1',
        resources: list.resources.map((r) => ({
          resource: r.name,
          responseKind: { group, version: 'v1', kind: r.kind },
          scope: r.namespaced ? 'Namespaced' : 'Cluster',
          singularResource: r.singularName,
          verbs: r.verbs,
          ...(r.shortNames ? { shortNames: r.shortNames } : {}),
          ...(r.categories ? { categories: r.categories } : {}),
        })),
        freshness: 'Current',
      },
    ],
  };
}

export function aggregatedDiscovery(root: '/api' | '/apis'): unknown {
  const items =
    root === '/api'
      ? [discoveryGroup('', API_V1_RESOURCES)]
      : [discoveryGroup(AUTHORIZATION_GROUP.name, AUTHORIZATION_V1_RESOURCES)];
  return { kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items };
}
