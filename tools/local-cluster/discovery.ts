/**
 * Discovery documents: what kubectl reads before any request (`/version`, `/api`, `/api/v1`, `/apis`). Only the
 * two resources this server has are listed, so kubectl resolves `secret`, `secrets`, `ns` as against a cluster.
 */
import { AUTHORIZATION_GROUP } from './accessReview';

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
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
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

export const API_V1_RESOURCES = { kind: 'APIResourceList', groupVersion: 'v1', resources: [NAMESPACES_RESOURCE, SECRETS_RESOURCE] };
