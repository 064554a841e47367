/**
 * The single-secret operations behind explicit user actions: read one key's bytes (Reveal/Copy), create a
 * secret the way `pachctl create secret -f` does, and delete. Every failure comes back, never thrown, as a
 * message that names the secret and never a value (core/src/outcome).
 */
import type { V1Secret } from '@kubernetes/client-node';
import { classifyClusterError, type CallDescription, type ClusterProblem } from '../kubeApi/clusterProblem';
import { preparePachctlSecret } from '../manifest/pachctlSecretFile';
import { failed, type Outcome, succeeded } from '../outcome';
import type { SecretsApi } from './secretsApi';

/** The outcome of a call on one secret: on failure, the message and the classified problem behind it. */
export type SecretCallOutcome<T> = Outcome<T, { problem: ClusterProblem }>;

async function call<T>(
  api: SecretsApi,
  desc: Omit<CallDescription, 'namespace'>,
  run: () => Promise<T>,
): Promise<SecretCallOutcome<T>> {
  try {
    return succeeded(await run());
  } catch (err) {
    const problem = classifyClusterError(err, { ...desc, namespace: api.namespace });
    return failed(problem.reason, { problem });
  }
}

/** The decoded bytes of one key, for the caller only. */
export async function readSecretKey(
  api: SecretsApi,
  name: string,
  key: string,
): Promise<SecretCallOutcome<Uint8Array>> {
  const read = await call(api, { verb: 'get', resource: 'secrets', name }, () => api.read(name));
  if (!read.ok) return read;
  const b64 = read.value.data?.[key];
  if (b64 === undefined) {
    const reason = `Secret "${name}" has no key "${key}".`;
    return failed(reason, { problem: { problem: 'not-found', reason } });
  }
  return succeeded(Buffer.from(b64, 'base64'));
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
  const body = prepared.value as V1Secret;
  const name = prepared.value.metadata.name;
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

export async function deleteSecret(api: SecretsApi, name: string): Promise<SecretCallOutcome<void>> {
  const deleted = await call(api, { verb: 'delete', resource: 'secrets', name }, () => api.delete(name));
  return deleted.ok ? succeeded(undefined) : deleted;
}
