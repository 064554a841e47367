/**
 * What a change to one key of a secret means for the workspace's pipelines, in words for the user: which pipelines
 * break when a key they name is removed or renamed, and when each pipeline sees a new value.
 *
 * Kubernetes hands a key to a container in two ways (kubernetes/website content/en/docs/concepts/configuration/
 * secret.md, "Using Secrets"): an environment variable is read once, when the container starts, so it keeps the
 * old value until the container restarts; a mounted secret volume is updated in place by the kubelet, after a
 * delay of up to its sync period plus its cache's time to live. A container that needs a key it cannot find does
 * not start: kubelet reports `couldn't find key KEY in Secret NAMESPACE/NAME`.
 */
import type { SecretUse } from './secretUses';

/** `name (file)` for each pipeline, once, in the order met. */
function pipelinesOf(uses: readonly SecretUse[], detail: (u: SecretUse) => string = () => ''): string {
  const seen = new Map<string, string>();
  for (const u of uses) {
    const id = `${u.pipeline}\u0000${u.file}`;
    if (!seen.has(id)) seen.set(id, `${u.pipeline} (${u.file}${detail(u)})`);
  }
  return [...seen.values()].join(', ');
}

/** The uses that name `key`, and those that mount the whole secret (every key is a file there). */
export function usesOfKey(uses: readonly SecretUse[], key: string): { named: SecretUse[]; mounted: SecretUse[] } {
  return { named: uses.filter((u) => u.key === key), mounted: uses.filter((u) => u.mountPath !== undefined) };
}

/**
 * The confirmation's words before removing `key` of secret `name` (or renaming it to `renamedTo`): which
 * pipelines will break. Empty when no pipeline in the workspace uses the key.
 */
export function keyBreakWarning(
  uses: readonly SecretUse[],
  secret: { name: string; namespace: string },
  key: string,
  renamedTo?: string,
): string {
  const { named, mounted } = usesOfKey(uses, key);
  const lines: string[] = [];
  if (named.length) {
    lines.push(
      `These pipelines name key "${key}" and will fail to start new workers ` +
        `("couldn't find key ${key} in Secret ${secret.namespace}/${secret.name}"): ${pipelinesOf(named)}.`,
    );
  }
  if (mounted.length) {
    const then = renamedTo === undefined ? 'will no longer find' : `will find it as "${renamedTo}" instead of`;
    lines.push(`These pipelines mount the secret and ${then} the file "${key}": ${pipelinesOf(mounted)}.`);
  }
  return lines.join('\n\n');
}

/** The notification's words after `key` changed: which pipelines use it and when they see the change. */
export function keyChangeNote(uses: readonly SecretUse[], key: string): string {
  const { named, mounted } = usesOfKey(uses, key);
  const env = named.filter((u) => u.envVar !== undefined);
  const parts: string[] = [];
  if (env.length) {
    parts.push(
      `Pipelines reading it as an environment variable keep the old value until their worker's container ` +
        `restarts: ${pipelinesOf(env, (u) => `, ${u.envVar}`)}.`,
    );
  }
  if (mounted.length) {
    parts.push(
      `Pipelines that mount the secret see the new file after a short delay (the kubelet's sync period): ` +
        `${pipelinesOf(mounted, (u) => `, ${u.mountPath}`)}.`,
    );
  }
  return parts.length ? parts.join(' ') : `No pipeline spec in this workspace uses key "${key}".`;
}
