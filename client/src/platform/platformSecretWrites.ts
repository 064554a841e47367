/**
 * The cluster writes behind the platform commands. Each returns false (after telling the user why) instead of
 * throwing; messages name secrets and keys, never values.
 */
import type { V1Secret } from '@kubernetes/client-node';
import * as vscode from 'vscode';
import { classifyClusterError } from '../../../core/src/kubeApi';
import { addKey, newDraft, printSecret } from '../../../core/src/manifest';
import { failed, type Outcome, succeeded } from '../../../core/src/outcome';
import type { ClusterArea } from '../cluster/clusterArea';

function fail(message: string): false {
  void vscode.window.showErrorMessage(message);
  return false;
}

/**
 * Creates a Secret from a kubectl-shaped manifest the way `kubectl create -f` does: server-side dry run, then
 * create; an existing secret is replaced only after asking. Unlike the pachctl path it adds no pachctl labels:
 * `pachctl delete all` deletes every `secret-source=pachyderm-user` secret, and must not take pachd's own with it.
 */
export async function createPlatformSecret(area: ClusterArea, manifestJson: string): Promise<Outcome<void>> {
  const body = JSON.parse(manifestJson) as V1Secret;
  const name = body.metadata?.name ?? '';
  const keys = Object.keys({ ...body.data, ...body.stringData }).join(', ');
  const connected = area.api();
  if (!connected.ok) return connected;
  const api = connected.value;
  const namespace = api.namespace;
  let verb: 'create' | 'update' = 'create';
  try {
    for (const dryRun of [true, false]) await api.create(body, dryRun);
  } catch (err) {
    const problem = classifyClusterError(err, { verb, resource: 'secrets', namespace, name });
    if (problem.problem !== 'conflict') return failed(`Could not create Secret "${name}": ${problem.reason}`);
    const REPLACE = 'Replace';
    const answer = await vscode.window.showWarningMessage(
      `Secret "${name}" already exists in namespace "${namespace}". Replace it?`,
      { modal: true, detail: `Its keys are replaced by: ${keys}.` },
      REPLACE,
    );
    if (answer !== REPLACE) return failed(`Secret "${name}" already exists and was not replaced.`);
    verb = 'update';
    try {
      for (const dryRun of [true, false]) await api.replace(name, body, dryRun);
    } catch (err2) {
      const problem2 = classifyClusterError(err2, { verb, resource: 'secrets', namespace, name });
      return failed(`Could not replace Secret "${name}": ${problem2.reason}`);
    }
  }
  area.host.output.info(`[platform] ${verb === 'create' ? 'created' : 'replaced'} secret ${name} (keys ${keys})`);
  await area.catalog.refresh();
  return succeeded(undefined);
}

/** Creates Secret `name` holding `value` under `key`, as `kubectl create secret generic --from-literal` builds it. */
export async function createOneKeySecret(
  area: ClusterArea,
  name: string,
  key: string,
  value: string,
): Promise<boolean> {
  let manifest: string;
  try {
    const draft = newDraft(name, '');
    addKey(draft, key, Buffer.from(value, 'utf8'));
    manifest = printSecret(draft, 'json');
  } catch (err) {
    return fail(`Could not create Secret "${name}": ${err instanceof Error ? err.message : String(err)}`);
  }
  const result = await createPlatformSecret(area, manifest);
  return result.ok ? true : fail(result.message);
}

async function updateData(
  area: ClusterArea,
  name: string,
  change: (data: Record<string, string>) => string | undefined,
): Promise<boolean> {
  const connected = area.api();
  if (!connected.ok) return fail(`Could not update Secret "${name}": ${connected.message}`);
  const api = connected.value;
  try {
    const secret: V1Secret = await api.read(name);
    const data = { ...(secret.data ?? {}) };
    const refusal = change(data);
    if (refusal) return fail(refusal);
    // resourceVersion stays in metadata: a concurrent change makes the replace fail instead of being lost.
    await api.replace(name, { ...secret, data, stringData: undefined }, false);
    await area.catalog.refresh();
    return true;
  } catch (err) {
    const problem = classifyClusterError(err, {
      verb: 'update',
      resource: 'secrets',
      namespace: area.catalog.target().namespace,
      name,
    });
    return fail(`Could not update Secret "${name}": ${problem.reason}`);
  }
}

export function copyKeyInSecret(area: ClusterArea, name: string, from: string, to: string): Promise<boolean> {
  return updateData(area, name, (data) => {
    if (data[from] === undefined) return `Secret "${name}" has no key "${from}" any more; nothing to copy.`;
    if (data[to] !== undefined) return `Secret "${name}" already has key "${to}"; nothing copied.`;
    data[to] = data[from];
    return undefined;
  });
}

export async function removeKeyFromSecret(area: ClusterArea, name: string, key: string): Promise<boolean> {
  const ok = await updateData(area, name, (data) => {
    if (data[key] === undefined) return `Secret "${name}" has no key "${key}"; nothing removed.`;
    delete data[key];
    return undefined;
  });
  if (ok) area.host.output.info(`[platform] removed key ${key} from secret ${name}`);
  return ok;
}
