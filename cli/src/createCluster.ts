/**
 * The cluster half of `create secret`: resolve the target as kubectl would (--kubeconfig, --context,
 * -n/--namespace), then create or server-dry-run through core/src/manifest/sendManifest.ts, which uses the
 * extension's own create path. An existing secret is refused as kubectl refuses it; --replace replaces it, and a
 * platform secret of the Helm chart needs --allow-platform-secret as well.
 */
import { insecurityText, resolveTarget } from '../../core/src/kubeconfig';
import { createSecretLikePachctl, DEFAULT_TIMEOUT_MS, SecretsApi } from '../../core/src/catalog';
import { platformSecret } from '../../core/src/helm';
import {
  createFailure,
  createInCluster,
  goJsonIndent,
  type GoJsonValue,
  serverDryRun,
  toKubectlYaml,
} from '../../core/src/manifest';
import type { OutputFormat } from '../../core/src/manifest';

export interface ClusterOptions {
  kubeconfig?: string;
  context?: string;
  namespace?: string;
}

/**
 * On failure, `message` is one line (kubectl's where kubectl has one); `hints` are further lines of advice.
 * `warning` is a line for stderr either way, such as that the cluster's certificate was not verified.
 */
export type SendResult = ({ ok: true; text: string } | { ok: false; message: string; hints?: string[] }) & {
  warning?: string;
};

async function openApi(cluster: ClusterOptions): Promise<{ api: SecretsApi; warning?: string } | string> {
  const target = await resolveTarget(cluster);
  if (!target.ok) return target.reason;
  // kubectl is silent when insecure-skip-tls-verify is set; we say so every time, as the tree and status bar do.
  const warning = target.insecurity ? `warning: ${insecurityText(target.insecurity).sentence}` : undefined;
  return { api: await SecretsApi.open(target, DEFAULT_TIMEOUT_MS), ...(warning ? { warning } : {}) };
}

/** What the user allowed to happen to a secret that already exists. */
export interface ReplacePolicy {
  /** --replace: an existing secret may be replaced. */
  replace: boolean;
  /** --allow-platform-secret: with --replace, a secret the Pachyderm Helm chart owns may be replaced too. */
  allowPlatformSecret: boolean;
}

export async function sendCreated(
  manifestJson: string,
  cluster: ClusterOptions,
  output: OutputFormat | undefined,
  policy: ReplacePolicy,
): Promise<SendResult> {
  const opened = await openApi(cluster);
  if (typeof opened === 'string') return { ok: false, message: opened };
  const { api, warning } = opened;
  const result = await createOrRefuse(api, manifestJson, output, policy);
  return warning ? { ...result, warning } : result;
}

async function createOrRefuse(
  api: SecretsApi,
  manifestJson: string,
  output: OutputFormat | undefined,
  policy: ReplacePolicy,
): Promise<SendResult> {
  // Like kubectl, an existing secret is refused unless --replace says otherwise: replacing it silently lost
  // the keys of secrets other things rely on (the chart's own "postgres" among them).
  let outcome = await createInCluster(api, manifestJson, false);
  if (outcome.kind === 'exists') {
    const refusal = replaceRefusal(outcome.name, policy);
    if (refusal) return { ok: false, ...refusal };
    outcome = await createSecretLikePachctl(api, manifestJson, { replace: true });
  }
  const failure = createFailure(outcome);
  if (failure !== undefined) return { ok: false, message: failure };
  const name = (outcome as { name: string }).name;
  const verb = outcome.kind === 'replaced' ? 'replaced' : 'created';
  return { ok: true, text: output === 'name' ? `secret/${name}\n` : `secret/${name} ${verb}\n` };
}

/** Why an existing secret is not replaced (kubectl's words first), or undefined when the flags allow it. */
function replaceRefusal(name: string, policy: ReplacePolicy): { message: string; hints: string[] } | undefined {
  const platform = platformSecret(name);
  const risk = 'Replacing it can stop pachd or its database, auth or storage from working.';
  if (!policy.replace) {
    const hints = platform
      ? [`"${name}" is a platform secret of the Pachyderm Helm chart (${platform.role}). ${risk}`]
      : [];
    hints.push(`Add ${platform ? '--replace --allow-platform-secret' : '--replace'} to replace it.`);
    return { message: `failed to create secret secrets "${name}" already exists`, hints };
  }
  if (platform && !policy.allowPlatformSecret) {
    return {
      message: `not replacing secret "${name}": it is a platform secret of the Pachyderm Helm chart (${platform.role})`,
      hints: [risk, 'Add --allow-platform-secret as well as --replace to replace it anyway.'],
    };
  }
  return undefined;
}

export async function sendServerDryRun(
  manifestJson: string,
  cluster: ClusterOptions,
  output: OutputFormat | undefined,
): Promise<SendResult> {
  const opened = await openApi(cluster);
  if (typeof opened === 'string') return { ok: false, message: opened };
  const result = await dryRunOnServer(opened.api, manifestJson, output);
  return opened.warning ? { ...result, warning: opened.warning } : result;
}

async function dryRunOnServer(
  api: SecretsApi,
  manifestJson: string,
  output: OutputFormat | undefined,
): Promise<SendResult> {
  const outcome = await serverDryRun(api, manifestJson);
  if (!outcome.ok) return { ok: false, message: outcome.message };
  const name = outcome.value.metadata?.name ?? '';
  if (!output) return { ok: true, text: `secret/${name} created (server dry run)\n` };
  if (output === 'name') return { ok: true, text: `secret/${name}\n` };
  const obj = kubectlOrder(plain(outcome.value) as Map<string, GoJsonValue>);
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
  for (const k of ['kind', 'apiVersion', 'metadata', 'data', 'stringData', 'immutable', 'type'])
    if (obj.has(k)) out.set(k, obj.get(k)!);
  for (const [k, v] of obj) if (!out.has(k)) out.set(k, v);
  return out;
}
