/**
 * Writes a change to a secret's data with the `resourceVersion` the user saw as a precondition, so a change made
 * in the cluster meanwhile is never overwritten: the write is a JSON merge patch carrying
 * `metadata.resourceVersion`, and the API server answers a stale version with 409 Conflict
 * (k8s.io/apiserver pkg/registry/generic/registry/store.go). This is stricter than `kubectl edit`, whose patch
 * carries no resourceVersion and so overwrites a change made meanwhile (kubernetes/kubernetes#35016); `kubectl
 * replace` with a stale resourceVersion is refused the same way.
 *
 * Every failure comes back as an `Outcome` whose `kind` says what the caller can offer: retry on the new version
 * (conflict), delete and recreate (immutable), nothing (forbidden: the missing verb is named). Messages name the
 * secret, its keys and the API server's words, never a value.
 */
import { classifyClusterError, type ClusterProblem } from '../kubeApi/clusterProblem';
import { failed, type Failed, type Outcome, succeeded } from '../outcome';
import { toSecretMeta, type SecretMeta } from './secretMeta';
import { type DataChanges, type KeyEdit, type KeyEditRefusal, planKeyEdit } from './secretEdits';
import type { SecretsApi } from './secretsApi';

/** The verb of every write here (a merge patch): what RBAC must allow, and what the access review asks. */
export const SECRET_EDIT_VERB = 'patch';

/** What a caller branches on when an edit fails. */
export type SecretEditFailure =
  /** The secret changed in the cluster since the version the user saw: offer to retry on the new version. */
  | 'conflict'
  /** `immutable: true`: only deleting and recreating the secret changes it. */
  | 'immutable'
  /** RBAC refuses the verb (asked up front, or answered 403). */
  | 'forbidden'
  | 'not-found'
  /** The API server refused the new data (422/400) for another reason. */
  | 'invalid'
  /** The cluster could not be asked (unreachable, timeout, server error, …). */
  | 'cluster'
  | KeyEditRefusal;

export type SecretEditOutcome<T> = Outcome<T, { kind: SecretEditFailure; problem?: ClusterProblem }>;

/** The secret as the user saw it: the edit applies to this version only. */
export type SecretVersion = Pick<SecretMeta, 'name' | 'resourceVersion' | 'keys' | 'immutable'>;

/** The message and kind of an immutable secret; `serverWords` is the API server's refusal when it gave one. */
export function immutableRefusal(name: string, serverWords?: string): Failed<{ kind: 'immutable' }> {
  const said = serverWords ? ` The API server says: ${serverWords}` : '';
  return failed(
    `Secret "${name}" is immutable (immutable: true): Kubernetes refuses any change to its data.${said} ` +
      `To change it, delete it and create it again.`,
    { kind: 'immutable' },
  );
}

/** Maps a failed write to the kind a caller branches on and a message for the user. */
export function editFailure(
  name: string,
  problem: ClusterProblem,
): Failed<{ kind: SecretEditFailure; problem: ClusterProblem }> {
  switch (problem.problem) {
    case 'conflict':
      return failed(
        `Secret "${name}" changed in the cluster since you saw it; your change was not written. ` +
          `(${problem.reason})`,
        { kind: 'conflict', problem },
      );
    case 'invalid':
      // The real API server's words for an immutable secret (kubernetes/kubernetes
      // pkg/apis/core/validation/validation.go, ValidateSecretUpdate).
      if (/field is immutable when `immutable` is set/.test(problem.reason))
        return { ...immutableRefusal(name, problem.reason), problem };
      return failed(problem.reason, { kind: 'invalid', problem });
    case 'forbidden':
      return failed(problem.reason, { kind: 'forbidden', problem });
    case 'not-found':
      return failed(`Secret "${name}" no longer exists in the cluster (${problem.reason}).`, {
        kind: 'not-found',
        problem,
      });
    default:
      return failed(problem.reason, { kind: 'cluster', problem });
  }
}

/**
 * Writes `changes` (new base64 values, null to remove a key) to secret `name` only if it is still at
 * `resourceVersion`. This is the one update-with-precondition of the product: Set Value, the key commands and the
 * decoded editor all write through it. Returns the new version's metadata (values dropped).
 */
export async function updateSecretData(
  api: SecretsApi,
  name: string,
  resourceVersion: string | undefined,
  changes: Readonly<DataChanges>,
): Promise<SecretEditOutcome<SecretMeta>> {
  if (!resourceVersion) {
    // Without a version there is no precondition, and a change made meanwhile would be overwritten unseen.
    return failed(`Secret "${name}" has no known version; refresh the Secrets view and try again.`, {
      kind: 'conflict',
    });
  }
  try {
    const patch = { metadata: { resourceVersion }, data: changes };
    return succeeded(toSecretMeta(await api.patchMerge(name, patch), api.namespace));
  } catch (err) {
    const call = { verb: SECRET_EDIT_VERB, resource: 'secrets', namespace: api.namespace, name };
    return editFailure(name, classifyClusterError(err, call));
  }
}

/**
 * Applies one key edit to the version of the secret the user saw. An immutable secret is refused without asking
 * the cluster. Only a rename reads the secret (the value it moves, kept in memory for the write); when that read
 * finds a newer version, the edit fails as a conflict, as the write would.
 */
export async function editSecretKey(
  api: SecretsApi,
  seen: SecretVersion,
  edit: KeyEdit,
): Promise<SecretEditOutcome<SecretMeta>> {
  if (seen.immutable) return immutableRefusal(seen.name);
  const keys = seen.keys.map((k) => k.name);
  let data: Record<string, string> = {};
  if (edit.kind === 'rename') {
    const read = await readForEdit(api, seen.name);
    if (!read.ok) return read;
    const version = read.value.metadata?.resourceVersion;
    if (version !== seen.resourceVersion) {
      const reason = `version ${seen.resourceVersion ?? '?'} is now ${version ?? '?'}`;
      return editFailure(seen.name, { problem: 'conflict', status: 409, reason });
    }
    data = read.value.data ?? {};
  }
  const plan = planKeyEdit(seen.name, keys, edit, (key) => data[key]);
  if (!plan.ok) return plan;
  return updateSecretData(api, seen.name, seen.resourceVersion, plan.value);
}

/** The secret's current metadata (for a retry on the new version); the values the read brings are dropped. */
export async function refreshSecretVersion(api: SecretsApi, name: string): Promise<SecretEditOutcome<SecretMeta>> {
  const read = await readForEdit(api, name);
  return read.ok ? succeeded(toSecretMeta(read.value, api.namespace)) : read;
}

async function readForEdit(api: SecretsApi, name: string) {
  try {
    return succeeded(await api.read(name));
  } catch (err) {
    return editFailure(
      name,
      classifyClusterError(err, { verb: 'get', resource: 'secrets', namespace: api.namespace, name }),
    );
  }
}

/**
 * Asks the API server (SelfSubjectAccessReview) whether the user may `verbs` the secret `name`, before asking the
 * user for anything. A denial names the missing verbs. When the review itself cannot be asked (a server without the
 * authorization API, a user who may not create reviews), the answer is "go on": the write's own 403 then names the
 * verb, so nothing is lost.
 */
export async function checkSecretAccess(
  api: SecretsApi,
  name: string,
  verbs: readonly string[] = [SECRET_EDIT_VERB],
): Promise<SecretEditOutcome<void>> {
  const missing: string[] = [];
  for (const verb of verbs) {
    try {
      if (!(await api.mayI(verb, name))) missing.push(verb);
    } catch {
      return succeeded(undefined);
    }
  }
  if (!missing.length) return succeeded(undefined);
  return failed(
    `You may not change secret "${name}": missing permission to ${missing.map((v) => `"${v}"`).join(' and ')} ` +
      `resource "secrets" in namespace "${api.namespace}". Ask a cluster admin for it.`,
    { kind: 'forbidden' },
  );
}
