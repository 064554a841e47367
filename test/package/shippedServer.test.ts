/**
 * The language server does no cluster I/O: everything it knows about secrets arrives in the catalog snapshots the
 * client sends (core/src/protocol/messages.ts). Checked on the server bundle built with the shipped options: it
 * holds none of the cluster transport, kubeconfig handling or client-node, and loads none of node's network
 * clients. (Sockets stay allowed: the LSP connection itself may use them.)
 */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { shippedBundle } from './shippedBundle';

const server = shippedBundle('server');
const inputs = Object.keys(server.inputs);

test('the server bundle names its inputs as the check expects', () => {
  for (const needed of ['server/src/server.ts', 'server/src/catalog.ts', 'core/src/catalog/snapshot.ts']) {
    assert.ok(inputs.includes(needed), `${needed} is not in the server bundle`);
  }
});

test('the server bundle holds no cluster transport, kubeconfig handling or client-node', () => {
  const cluster = [
    /^core\/src\/kubeApi\//,
    /^core\/src\/kubeconfig\//,
    /^core\/src\/catalog\/(liveCatalog|listSecrets|loadCatalog|secretsApi|secretOperations)\.ts$/,
    /^core\/src\/manifest\/sendManifest\.ts$/,
    /^core\/src\/deployed\/(deployedWatcher|workerApi)\.ts$/,
    /(^|\/)node_modules\/@kubernetes\//,
  ];
  assert.deepEqual(
    inputs.filter((p) => cluster.some((re) => re.test(p))),
    [],
  );
});

test("the server bundle loads none of node's network clients", () => {
  const network = /^(node:)?(http|https|http2|tls|dns)$/;
  assert.deepEqual(
    server.externals.filter((m) => network.test(m)),
    [],
  );
});
