/**
 * Sending a built manifest to the cluster, for the CLI and the wizards alike. Creating goes through the
 * cluster layer's `createSecretLikePachctl` (pachctl's labels, dry run first, 409 → replace on request); a
 * server-side dry run sends the same prepared object with `dryRun=All` and returns what the API server made of it.
 */
import type { V1Secret } from '@kubernetes/client-node';
import { classifyClusterError } from '../kubeApi/clusterProblem';
import { preparePachctlSecret } from './pachctlSecretFile';
import { createSecretLikePachctl, type CreateOutcome } from '../catalog/secretOperations';
import type { SecretsApi } from '../catalog/secretsApi';
import { failed, type Outcome, succeeded } from '../outcome';

/** What the API server made of the secret (pachd's checks refuse it first, with their message). */
export async function serverDryRun(api: SecretsApi, manifestJson: string): Promise<Outcome<V1Secret>> {
  const prepared = preparePachctlSecret(manifestJson, api.namespace);
  if (!prepared.ok) return prepared;
  const name = prepared.value.metadata.name;
  try {
    return succeeded(await api.create(prepared.value as V1Secret, true));
  } catch (err) {
    const problem = classifyClusterError(err, { verb: 'create', resource: 'secrets', namespace: api.namespace, name });
    return failed(problem.reason);
  }
}

/** Creates the secret; when it exists and `replaceExisting` is set, replaces it as `pachctl create secret` does. */
export async function createInCluster(
  api: SecretsApi,
  manifestJson: string,
  replaceExisting: boolean,
): Promise<CreateOutcome> {
  const first = await createSecretLikePachctl(api, manifestJson);
  if (first.kind === 'exists' && replaceExisting) return createSecretLikePachctl(api, manifestJson, { replace: true });
  return first;
}

/** One line for a create outcome that is not a success, or undefined on success. */
export function createFailure(outcome: CreateOutcome): string | undefined {
  switch (outcome.kind) {
    case 'created':
    case 'replaced':
      return undefined;
    case 'exists':
      return `secrets "${outcome.name}" already exists`;
    case 'refused':
    case 'api-error':
      return outcome.message;
  }
}
