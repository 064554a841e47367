/**
 * What kubectl users do to change an immutable secret: delete it and create it again with the change
 * (`kubectl replace --force`). The Kubernetes docs say so for immutable Secrets: "you can only delete and recreate
 * the Secret" (kubernetes/website content/en/docs/concepts/configuration/secret.md).
 *
 * The delete carries the uid and resourceVersion the user saw, so a secret changed meanwhile is not deleted. If the
 * create then fails, the old secret is created again as it was, so nothing is lost; the values stay in memory only.
 */
import type { V1Secret } from '@kubernetes/client-node';
import { classifyClusterError } from '../kubeApi/clusterProblem';
import { failed, succeeded } from '../outcome';
import { applyDataChanges, type KeyEdit, planKeyEdit } from './secretEdits';
import { toSecretMeta, type SecretMeta } from './secretMeta';
import type { SecretsApi } from './secretsApi';
import { editFailure, type SecretEditOutcome, type SecretVersion } from './secretUpdate';

/** Deletes the secret the user saw and creates it again with `edit` applied, keeping its type, labels and flag. */
export async function recreateSecretWithEdit(
  api: SecretsApi,
  seen: SecretVersion,
  edit: KeyEdit,
): Promise<SecretEditOutcome<SecretMeta>> {
  const name = seen.name;
  const fail = (verb: string, err: unknown) =>
    editFailure(name, classifyClusterError(err, { verb, resource: 'secrets', namespace: api.namespace, name }));
  let old: V1Secret;
  try {
    old = await api.read(name);
  } catch (err) {
    return fail('get', err);
  }
  const version = old.metadata?.resourceVersion;
  if (version !== seen.resourceVersion) {
    const reason = `version ${seen.resourceVersion ?? '?'} is now ${version ?? '?'}`;
    return editFailure(name, { problem: 'conflict', status: 409, reason });
  }
  const data = old.data ?? {};
  const plan = planKeyEdit(name, Object.keys(data), edit, (key) => data[key]);
  if (!plan.ok) return plan;
  const next = freshCopy(old, applyDataChanges(data, plan.value));
  try {
    await api.delete(name, { uid: old.metadata?.uid, resourceVersion: version });
  } catch (err) {
    return fail('delete', err);
  }
  try {
    return succeeded(toSecretMeta(await api.create(next, false), api.namespace));
  } catch (err) {
    const createFailure = fail('create', err);
    try {
      await api.create(freshCopy(old, data), false);
    } catch {
      return failed(
        `Secret "${name}" was deleted, and neither the changed nor the old secret could be created again ` +
          `(${createFailure.message}). Create it again from your own copy.`,
        { kind: createFailure.kind, problem: createFailure.problem },
      );
    }
    return failed(`Secret "${name}" was recreated unchanged: ${createFailure.message}`, {
      kind: createFailure.kind,
      problem: createFailure.problem,
    });
  }
}

/**
 * The object to create: what the user made (name, labels, annotations, owner references, type, immutable) with
 * `data`. Owner references are kept because the owner still exists, so the new secret is collected with it as the
 * old one was. What the API server sets (uid, resourceVersion, creationTimestamp, managedFields) is left for it to
 * set again, and finalizers are dropped: they belong to the controller that added them to the old object.
 */
function freshCopy(old: V1Secret, data: Record<string, string>): V1Secret {
  const md = old.metadata ?? {};
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: md.name,
      namespace: md.namespace,
      ...(md.labels ? { labels: md.labels } : {}),
      ...(md.annotations ? { annotations: md.annotations } : {}),
      ...(md.ownerReferences ? { ownerReferences: md.ownerReferences } : {}),
    },
    type: old.type,
    ...(old.immutable ? { immutable: true } : {}),
    data,
  };
}
