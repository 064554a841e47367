// The esbuild options of every bundle, shared by scripts/build.mjs and the test that keeps the shipped client
// small (test/package/shippedClient.test.ts), so the test measures exactly what ships.
import { fileURLToPath } from 'node:url';
import { boundariesPlugin } from './boundaries.mjs';

const clientNodeDist = /[\\/]node_modules[\\/]@kubernetes[\\/]client-node[\\/]dist[\\/]/;
const removedAuthProviders = fileURLToPath(new URL('../core/src/kubeconfig/removedAuthProviders.ts', import.meta.url));
const socksProxyAgent = fileURLToPath(new URL('../core/src/kubeApi/socksProxyAgent.ts', import.meta.url));
const connectProxyAgent = fileURLToPath(new URL('../core/src/kubeApi/connectProxyAgent.ts', import.meta.url));

/**
 * We use only client-node's KubeConfig (core/src/kubeconfig/clientNode.ts); the HTTP calls are our own
 * (core/src/kubeApi/kubeHttp.ts). KubeConfig's module still imports what its other methods need, and esbuild
 * cannot drop an unused class method, so each of these imports would pull megabytes into the bundle:
 * - `./gen/index.js`, the generated API models, only for `makeApiClient`, which we never call;
 * - `node-fetch` (with whatwg-url and tr46), only for `applyToFetchOptions`, which we never call: Node 20's own
 *   `Headers` stands in;
 * - the `gcp` and `azure` auth providers (and jsonpath-plus), which kubectl removed in 1.26 in favour of exec
 *   plugins: they are replaced by ones that say so, as kubectl does;
 * - `socks-proxy-agent` (with socks, ip-address, smart-buffer, debug: ~85 KB), replaced by our SOCKS5 client, which
 *   kubeHttp.ts uses for socks5 proxy-urls in every build anyway;
 * - `hpagent`, its HTTP CONNECT client, replaced by ours (core/src/kubeApi/connectProxyAgent.ts exports hpagent's
 *   class names and constructor shape), which kubeHttp.ts uses for http(s) proxy-urls in every build anyway, so only
 *   one CONNECT client, with one set of error messages, ships.
 * Exec plugins, OIDC, tokens and certificates are KubeConfig's own code and stay.
 */
export const kubeConfigOnly = {
  name: 'kube-config-only',
  setup(build) {
    const fromClientNode = (args) => clientNodeDist.test(args.importer);
    build.onResolve({ filter: /^\.\/gen\/index\.js$/ }, (args) =>
      fromClientNode(args) ? { path: 'generated-api', namespace: 'kube-config-only' } : undefined,
    );
    build.onResolve({ filter: /^node-fetch$/ }, (args) =>
      fromClientNode(args) ? { path: 'node-fetch', namespace: 'kube-config-only' } : undefined,
    );
    build.onResolve({ filter: /^\.\/(gcp|azure)_auth\.js$/ }, (args) =>
      fromClientNode(args) ? { path: removedAuthProviders } : undefined,
    );
    build.onResolve({ filter: /^socks-proxy-agent$/ }, (args) =>
      fromClientNode(args) ? { path: socksProxyAgent } : undefined,
    );
    build.onResolve({ filter: /^hpagent$/ }, (args) =>
      fromClientNode(args) ? { path: connectProxyAgent } : undefined,
    );
    build.onLoad({ filter: /^generated-api$/, namespace: 'kube-config-only' }, () => ({
      contents: `const notBundled = () => {
          throw new Error('makeApiClient is not bundled; use core/src/kubeApi/kubeHttp.ts');
        };
        export const createConfiguration = notBundled;
        export class ServerConfiguration { constructor() { notBundled(); } }`,
      loader: 'js',
    }));
    build.onLoad({ filter: /^node-fetch$/, namespace: 'kube-config-only' }, () => ({
      contents: 'export const Headers = globalThis.Headers; export default globalThis.fetch;',
      loader: 'js',
    }));
  },
};

export function buildOptions(production) {
  return {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: production,
    sourcemap: !production,
    logLevel: 'warning',
    // jsonc-parser's `main` is a UMD build whose dynamic requires esbuild cannot follow; its ESM build bundles.
    mainFields: ['module', 'main'],
    // The boundaries first: a forbidden import fails the build before anything resolves it.
    plugins: [boundariesPlugin, kubeConfigOnly],
  };
}

export const entries = {
  // The extension itself: `vscode` is provided by the extension host.
  client: { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  server: { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  // The headless command line; shebang so `bin` works after `npm link` / `npx`.
  cli: { entryPoints: ['cli/src/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
};
