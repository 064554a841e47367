/**
 * The cluster writes behind the platform commands. Each returns false (after telling the user why) instead of
 * throwing; messages name secrets and keys, never values.
 */
import type { V1Secret } from '@kubernetes/client-node';
import * as vscode from 'vscode';
import { classifyClusterError } from '../../../core/src/cluster/clusterProblem';
import { addKey, newDraft, printSecret } from '../../../core/src/manifest';
import { createFailure, createInCluster } from '../../../core/src/manifest/sendManifest';
import type { ClusterArea } from '../cluster/clusterArea';

function fail(message: string): false {
  void vscode.window.showErrorMessage(message);
  return false;
}

/** Creates Secret `name` holding `value` under `key`, as `kubectl create secret generic --from-literal` builds it. */
export async function createOneKeySecret(area: ClusterArea, name: string, key: string, value: string): Promise<boolean> {
  try {
    const draft = newDraft(name, '');
    addKey(draft, key, Buffer.from(value, 'utf8'));
    const manifest = printSecret(draft, 'json');
    const api = area.api();
    let outcome = await createInCluster(api, manifest, false);
    if (outcome.kind === 'exists') {
      const REPLACE = 'Replace';
      const answer = await vscode.window.showWarningMessage(
        `Secret "${name}" already exists in namespace "${api.namespace}". Replace it?`,
        { modal: true, detail: `Its keys are replaced by the single key "${key}".` },
        REPLACE,
      );
      if (answer !== REPLACE) return false;
      outcome = await createInCluster(api, manifest, true);
    }
    const failure = createFailure(outcome);
    if (failure) return fail(`Could not create Secret "${name}": ${failure}`);
    area.host.output.info(`[platform] created secret ${name} with key ${key}`);
    await area.catalog.refresh();
    return true;
  } catch (err) {
    return fail(`Could not create Secret "${name}": ${err instanceof Error ? err.message : String(err)}`);
  }
}

async function updateData(area: ClusterArea, name: string, change: (data: Record<string, string>) => string | undefined): Promise<boolean> {
  try {
    const api = area.api();
    const secret: V1Secret = await api.read(name);
    const data = { ...(secret.data ?? {}) };
    const refusal = change(data);
    if (refusal) return fail(refusal);
    // resourceVersion stays in metadata: a concurrent change makes the replace fail instead of being lost.
    await api.replace(name, { ...secret, data, stringData: undefined }, false);
    await area.catalog.refresh();
    return true;
  } catch (err) {
    const problem = classifyClusterError(err, { verb: 'update', resource: 'secrets', namespace: area.catalog.target().namespace, name });
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
