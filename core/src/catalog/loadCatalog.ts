/**
 * One list of a namespace's secrets, for the CLI (`check`, `create secret`) and anything else that needs a
 * snapshot without keeping a watch open.
 */
import type { CatalogSnapshot } from './snapshot';
import { classifyClusterError } from '../kubeApi/clusterProblem';
import { resolveTarget } from '../kubeconfig/clusterTarget';
import { listAllSecrets, sortedSecrets } from './listSecrets';
import { SecretsApi } from './secretsApi';

export interface LoadCatalogOptions {
  /** Path(s) like `KUBECONFIG`; empty: `KUBECONFIG`, then ~/.kube/config. */
  kubeconfig?: string;
  context?: string;
  namespace?: string;
  /** Default 5000, as `pachyderm.requestTimeoutSeconds`. */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

export const DEFAULT_TIMEOUT_MS = 5000;

export async function loadCatalog(options: LoadCatalogOptions = {}): Promise<CatalogSnapshot> {
  const target = await resolveTarget(options, options.env);
  if (!target.ok) {
    return {
      context: target.context,
      namespace: target.namespace,
      state: { kind: 'error', problem: target.problem, reason: target.reason },
      secrets: [],
    };
  }
  const base = {
    context: target.context,
    namespace: target.namespace,
    ...(target.insecurity ? { insecurity: target.insecurity } : {}),
  };
  try {
    const api = await SecretsApi.open(target, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const { secrets } = await listAllSecrets(api);
    return { ...base, state: { kind: 'ready' }, secrets: sortedSecrets(secrets) };
  } catch (err) {
    const c = classifyClusterError(err, { verb: 'list', resource: 'secrets', namespace: target.namespace });
    return { ...base, state: { kind: 'error', problem: asCatalogProblem(c.problem), reason: c.reason }, secrets: [] };
  }
}

/** Problems that only single-object calls have (404, 409, …) count as `other` for a catalog. */
export function asCatalogProblem(
  p: ReturnType<typeof classifyClusterError>['problem'],
): import('./snapshot').CatalogProblem {
  return p === 'gone' || p === 'not-found' || p === 'conflict' || p === 'invalid' ? 'other' : p;
}
