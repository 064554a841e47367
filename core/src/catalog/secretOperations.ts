/**
 * The single-secret operations behind explicit user actions: read one key's bytes (Reveal/Copy), create a
 * secret the way `pachctl create secret -f` does, and delete. Every failure comes back as a message that names
 * the secret and never a value.
 */
import type { V1Secret } from '@kubernetes/client-node';
import { classifyClusterError, type CallDescription, type ClusterProblem } from '../kubeApi/clusterProblem';
import { preparePachctlSecret } from '../manifest/pachctlSecretFile';
import type { SecretsApi } from './secretsApi';

export class SecretOperationError extends Error {
  constructor(readonly problem: ClusterProblem) {
    super(problem.reason);
    this.name = 'SecretOperationError';
  }
}

async function call<T>(api: SecretsApi, desc: Omit<CallDescription, 'namespace'>, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw new SecretOperationError(classifyClusterError(err, { ...desc, namespace: api.namespace }));
  }
}

/** The decoded bytes of one key, for the caller only. */
export async function readSecretKey(api: SecretsApi, name: string, key: string): Promise<Uint8Array> {
  const secret = await call(api, { verb: 'get', resource: 'secrets', name }, () => api.read(name));
  const b64 = secret.data?.[key];
  if (b64 === undefined) {
    throw new SecretOperationError({ problem: 'not-found', reason: `Secret "${name}" has no key "${key}".` });
  }
  return Buffer.from(b64, 'base64');
}

export type CreateOutcome =
  | { kind: 'created'; name: string }
  | { kind: 'replaced'; name: string }
  /** The secret exists; ask the user, then call again with `replace: true`. */
  | { kind: 'exists'; name: string }
  /** The file was refused before the cluster was asked (pachd's checks). */
  | { kind: 'refused'; message: string }
  /** The API server refused it (dry run or real): its message as it is. */
  | { kind: 'api-error'; message: string; problem: ClusterProblem };

/** `pachctl create secret -f FILE`: check like pachd, dry-run on the server, then create (or replace on request). */
export async function createSecretLikePachctl(
  api: SecretsApi,
  fileText: string,
  options: { replace?: boolean } = {},
): Promise<CreateOutcome> {
  const prepared = preparePachctlSecret(fileText, api.namespace);
  if (!prepared.ok) return { kind: 'refused', message: prepared.message };
  const body = prepared.secret as V1Secret;
  const name = prepared.secret.metadata.name;
  const verb = options.replace ? 'update' : 'create';
  const send = (dryRun: boolean) => (options.replace ? api.replace(name, body, dryRun) : api.create(body, dryRun));
  for (const dryRun of [true, false]) {
    try {
      await send(dryRun);
    } catch (err) {
      const problem = classifyClusterError(err, { verb, resource: 'secrets', namespace: api.namespace, name });
      if (problem.problem === 'conflict' && !options.replace) return { kind: 'exists', name };
      return { kind: 'api-error', message: problem.reason, problem };
    }
  }
  return { kind: options.replace ? 'replaced' : 'created', name };
}

export async function deleteSecret(api: SecretsApi, name: string): Promise<void> {
  await call(api, { verb: 'delete', resource: 'secrets', name }, () => api.delete(name));
}
