/**
 * The one place that loads @kubernetes/client-node, and only its KubeConfig module: reading kubeconfigs and
 * applying their TLS and auth (certificates, tokens, exec plugins, OIDC, proxies) is what we need from it; the
 * requests themselves are ours (kubeHttp.ts), so the generated API does not ship. Loaded on first use, not at
 * activation; every other module imports only types.
 */
export type ClientNode = typeof import('@kubernetes/client-node/dist/config.js');

let loading: Promise<ClientNode> | undefined;

export function loadClientNode(): Promise<ClientNode> {
  loading ??= import('@kubernetes/client-node/dist/config.js');
  return loading;
}
