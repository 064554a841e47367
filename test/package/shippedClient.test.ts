/**
 * What the shipped client bundle holds, checked on the bundle built with the shipped options, so its size cannot
 * silently come back (bench row 8): specs and values files are parsed by the language server, which the client
 * asks (core/src/protocol/messages.ts); the cluster is reached with client-node's KubeConfig alone
 * (core/src/kubeApi/kubeHttp.ts sends the requests).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shippedBundle } from './shippedBundle';

const client = shippedBundle('client');
const names = Object.keys(client.inputs);
const holding = (patterns: RegExp[]) => names.filter((p) => patterns.some((re) => re.test(p)));

// The checks would be blind if inputs were named differently or the code were not bundled at all.
test('the client bundle names its inputs as the checks expect', () => {
  for (const needed of [
    'client/src/cluster/secretCommands.ts',
    'node_modules/@kubernetes/client-node/dist/config.js',
    'node_modules/@kubernetes/client-node/dist/exec_auth.js',
    'core/src/kubeApi/kubeHttp.ts',
    'core/src/kubeApi/socksProxyAgent.ts',
    'core/src/kubeApi/connectProxyAgent.ts',
  ]) {
    assert.ok(names.includes(needed), `${needed} is not in the client bundle`);
  }
});

test('the client bundle holds no YAML or JSON parser and none of the spec model: the language server parses', () => {
  assert.deepEqual(holding([/(^|\/)node_modules\/(yaml|jsonc-parser)\//, /^core\/src\/spec\//]), []);
});

test("the client bundle holds KubeConfig but none of client-node's generated API, node-fetch, its URL stack or its proxy libraries", () => {
  assert.deepEqual(
    holding([
      /node_modules\/@kubernetes\/client-node\/dist\/gen\//,
      /node_modules\/(node-fetch|whatwg-url|tr46)\//,
      // client-node's index and the API layers it re-exports (Watch, exec, attach, port-forward, cp and their deps).
      /node_modules\/@kubernetes\/client-node\/dist\/(index|api|watch|object|informer|cache|exec|attach|portforward|cp)\.js$/,
      /node_modules\/(ws|isomorphic-ws|tar-fs|tar-stream|form-data|jsonpath-plus)\//,
      // SOCKS5 is our own client (core/src/kubeApi/socksProxyAgent.ts).
      /node_modules\/(socks-proxy-agent|socks|ip-address|smart-buffer|agent-base|debug)\//,
      // HTTP CONNECT is our own client too (core/src/kubeApi/connectProxyAgent.ts).
      /node_modules\/hpagent\//,
    ]),
    [],
  );
});
