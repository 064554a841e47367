/**
 * The one place that loads @kubernetes/client-node. It is large, so it is imported on first use rather than at
 * activation; every other module imports only its types.
 */
export type ClientNode = typeof import('@kubernetes/client-node');

let loading: Promise<ClientNode> | undefined;

export function loadClientNode(): Promise<ClientNode> {
  loading ??= import('@kubernetes/client-node');
  return loading;
}
