/**
 * The cluster half of `create secret`: resolve the target as kubectl would (--kubeconfig, --context,
 * -n/--namespace), then create or server-dry-run through core/src/manifest/sendManifest.ts, which uses the
 * extension's own create path.
 */
import { resolveTarget } from '../../core/src/cluster/clusterTarget';
import { DEFAULT_TIMEOUT_MS } from '../../core/src/cluster/loadCatalog';
import { SecretsApi } from '../../core/src/cluster/secretsApi';
import { createFailure, createInCluster, serverDryRun } from '../../core/src/manifest/sendManifest';
import { goJsonIndent, type GoJsonValue } from '../../core/src/manifest/goJson';
import { toKubectlYaml } from '../../core/src/manifest/kubectlYaml';
import type { OutputFormat } from '../../core/src/manifest';

export interface ClusterOptions {
  kubeconfig?: string;
  context?: string;
  namespace?: string;
}

export type SendResult = { ok: true; text: string } | { ok: false; message: string };

async function openApi(cluster: ClusterOptions): Promise<SecretsApi | string> {
  const target = await resolveTarget(cluster);
  if (!target.ok) return target.reason;
  return SecretsApi.open(target, DEFAULT_TIMEOUT_MS);
}

export async function sendCreated(manifestJson: string, cluster: ClusterOptions, output: OutputFormat | undefined): Promise<SendResult> {
  const api = await openApi(cluster);
  if (typeof api === 'string') return { ok: false, message: api };
  // pachctl create secret replaces a secret that already exists.
  const outcome = await createInCluster(api, manifestJson, true);
  const failure = createFailure(outcome);
  if (failure !== undefined) return { ok: false, message: failure };
  const name = (outcome as { name: string }).name;
  const verb = outcome.kind === 'replaced' ? 'replaced' : 'created';
  return { ok: true, text: output === 'name' ? `secret/${name}\n` : `secret/${name} ${verb}\n` };
}

export async function sendServerDryRun(manifestJson: string, cluster: ClusterOptions, output: OutputFormat | undefined): Promise<SendResult> {
  const api = await openApi(cluster);
  if (typeof api === 'string') return { ok: false, message: api };
  const outcome = await serverDryRun(api, manifestJson);
  if (outcome.kind !== 'ok') return { ok: false, message: outcome.message };
  const name = outcome.secret.metadata?.name ?? '';
  if (!output) return { ok: true, text: `secret/${name} created (server dry run)\n` };
  if (output === 'name') return { ok: true, text: `secret/${name}\n` };
  const obj = kubectlOrder(plain(outcome.secret) as Map<string, GoJsonValue>);
  return { ok: true, text: output === 'json' ? goJsonIndent(obj) + '\n' : toKubectlYaml(obj) };
}

/** client-node's object as the API server's JSON: RFC 3339 times without milliseconds, no undefined fields. */
function plain(v: unknown): GoJsonValue {
  if (v instanceof Date) return v.toISOString().replace(/\.\d{3}Z$/, 'Z');
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') {
    // A Map keeps data keys such as "9" where they were (a plain object would move them first).
    const out = new Map<string, GoJsonValue>();
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out.set(k, plain(x));
    return out;
  }
  return (v ?? null) as GoJsonValue;
}

function kubectlOrder(obj: Map<string, GoJsonValue>): Map<string, GoJsonValue> {
  const out = new Map<string, GoJsonValue>();
  for (const k of ['kind', 'apiVersion', 'metadata', 'data', 'stringData', 'immutable', 'type']) if (obj.has(k)) out.set(k, obj.get(k)!);
  for (const [k, v] of obj) if (!out.has(k)) out.set(k, v);
  return out;
}
