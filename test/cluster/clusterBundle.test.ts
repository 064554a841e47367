/**
 * The shipped client reaches the cluster with client-node's KubeConfig alone (core/src/cluster/kubeHttp.ts sends
 * the requests), so the generated API models and node-fetch's URL stack, megabytes between them, stay out of it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shippedBundle } from './shippedBundle';

const notShipped = [
  /node_modules\/@kubernetes\/client-node\/dist\/gen\//,
  /node_modules\/(node-fetch|whatwg-url|tr46)\//,
  // client-node's index and the API layers it re-exports (Watch, exec, attach, port-forward, cp and their deps).
  /node_modules\/@kubernetes\/client-node\/dist\/(index|api|watch|object|informer|cache|exec|attach|portforward|cp)\.js$/,
  /node_modules\/(ws|isomorphic-ws|tar-fs|tar-stream|form-data|jsonpath-plus)\//,
  // SOCKS5 is our own client (core/src/cluster/socksProxyAgent.ts).
  /node_modules\/(socks-proxy-agent|socks|ip-address|smart-buffer|agent-base|debug)\//,
];

test('the client bundle holds KubeConfig but none of client-node\'s generated API, node-fetch, its URL stack or the SOCKS libraries', () => {
  const { inputs } = shippedBundle('client');
  const names = Object.keys(inputs);
  assert.deepEqual(names.filter((p) => notShipped.some((re) => re.test(p))), []);
  // The check would be blind if the cluster code were not bundled at all or inputs were named differently.
  for (const needed of ['node_modules/@kubernetes/client-node/dist/config.js', 'node_modules/@kubernetes/client-node/dist/exec_auth.js', 'core/src/cluster/kubeHttp.ts', 'core/src/cluster/socksProxyAgent.ts']) {
    assert.ok(names.includes(needed), `${needed} is not in the client bundle`);
  }
});
