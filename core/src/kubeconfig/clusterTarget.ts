/**
 * Which cluster, context and namespace the extension talks to, resolved the way kubectl does it:
 * several kubeconfig files merge with the first file winning, the context's namespace is the default
 * namespace, and only the chosen context is ever contacted.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { KubeConfig } from '@kubernetes/client-node';
import type { CatalogProblem } from '../catalog/snapshot';
import { loadClientNode } from './clientNode';
import { guardExecPluginOutput } from './execPluginOutput';
import { removedAuthProviderMessage } from './removedAuthProviders';
import { insecurityOf, refusedTlsSettings, type Insecurity } from './tlsVerification';

/** The settings `pachyderm.kubeconfig`, `pachyderm.context`, `pachyderm.namespace`, already trust-filtered. */
export interface TargetSettings {
  /**
   * One path or several joined with the platform's path delimiter, like `KUBECONFIG`. Empty: `KUBECONFIG`, then
   * ~/.kube/config.
   */
  kubeconfig?: string;
  context?: string;
  namespace?: string;
  /** Settings that were set at workspace level but ignored because the workspace is not trusted. */
  ignoredSettings?: string[];
}

export interface ResolvedTarget {
  ok: true;
  kubeConfig: KubeConfig;
  /** The kubeconfig files that were read, in merge order. */
  files: string[];
  context: string;
  contexts: string[];
  namespace: string;
  server: string;
  /** Set when the server's identity is not checked (skip-TLS-verify) or nothing is encrypted (http://). */
  insecurity?: Insecurity;
}

export interface UnresolvedTarget {
  ok: false;
  problem: CatalogProblem;
  reason: string;
  context: string;
  contexts: string[];
  namespace: string;
}

export type TargetResolution = ResolvedTarget | UnresolvedTarget;

/** The kubeconfig paths kubectl would read for these settings, existing or not. */
export function kubeconfigPaths(setting: string | undefined, env: NodeJS.ProcessEnv = process.env): string[] {
  const raw = setting?.trim() || env.KUBECONFIG || '';
  const listed = raw
    .split(path.delimiter)
    .map((p) => p.trim())
    .filter(Boolean)
    .map(expandHome);
  return listed.length ? listed : [path.join(os.homedir(), '.kube', 'config')];
}

function expandHome(p: string): string {
  return p === '~' || p.startsWith('~/') ? path.join(os.homedir(), p.slice(1)) : p;
}

export async function resolveTarget(
  settings: TargetSettings,
  env: NodeJS.ProcessEnv = process.env,
): Promise<TargetResolution> {
  const requestedNamespace = settings.namespace?.trim() || '';
  const fail: Fail = (problem, reason, context = '', contexts = []) => ({
    ok: false,
    problem,
    reason,
    context,
    contexts,
    namespace: requestedNamespace || 'default',
  });
  const candidates = kubeconfigPaths(settings.kubeconfig, env);
  const files = candidates.filter((f) => isFile(f));
  if (!files.length) return noKubeconfigFound(candidates, settings.ignoredSettings ?? [], fail);
  const loaded = await loadKubeconfig(files);
  if (typeof loaded === 'string') return fail('no-kubeconfig', loaded);
  return resolveContext(
    loaded,
    files,
    settings.context?.trim() || loaded.getCurrentContext(),
    requestedNamespace,
    fail,
  );
}

/** An unresolved target for a problem, with the context and contexts known so far. */
type Fail = (problem: CatalogProblem, reason: string, context?: string, contexts?: string[]) => UnresolvedTarget;

/** No candidate file exists: say so, and say when an ignored workspace setting might have named one. */
function noKubeconfigFound(candidates: string[], ignored: string[], fail: Fail): UnresolvedTarget {
  if (ignored.includes('pachyderm.kubeconfig')) {
    return fail(
      'untrusted',
      `The workspace setting pachyderm.kubeconfig is ignored because the workspace is not trusted, and no other ` +
        `kubeconfig was found (${candidates.join(', ')}).`,
    );
  }
  return fail(
    'no-kubeconfig',
    `No kubeconfig found (looked for ${candidates.join(', ')}). Set pachyderm.kubeconfig or KUBECONFIG.`,
  );
}

/** The files merged as kubectl merges them, or the message for the first that cannot be read. */
async function loadKubeconfig(files: string[]): Promise<KubeConfig | string> {
  const { KubeConfig } = await loadClientNode();
  const kc = new KubeConfig();
  guardExecPluginOutput(kc);
  try {
    mergeFirstWins(kc, files, KubeConfig);
  } catch (err) {
    return `Cannot read kubeconfig: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`;
  }
  return kc;
}

/** The chosen context, its cluster and user checked for what the extension cannot or will not use. */
function resolveContext(
  kc: KubeConfig,
  files: string[],
  contextName: string,
  requestedNamespace: string,
  fail: Fail,
): TargetResolution {
  const contexts = kc.getContexts().map((c) => c.name);
  if (!contextName) {
    return fail(
      'no-kubeconfig',
      `The kubeconfig (${files.join(', ')}) has no current-context; pick one with "Pachyderm: Switch Context".`,
      '',
      contexts,
    );
  }
  const ctx = kc.getContextObject(contextName);
  if (!ctx) {
    return fail(
      'no-kubeconfig',
      `Context "${contextName}" is not in the kubeconfig (${files.join(', ')}).`,
      contextName,
      contexts,
    );
  }
  kc.setCurrentContext(contextName);
  const cluster = kc.getCluster(ctx.cluster);
  if (!cluster) {
    return fail(
      'no-kubeconfig',
      `Context "${contextName}" names cluster "${ctx.cluster}", which the kubeconfig does not define.`,
      contextName,
      contexts,
    );
  }
  const removedAuth = removedAuthProviderMessage(kc.getUser(ctx.user));
  if (removedAuth) return fail('unauthorized', `Context "${contextName}": ${removedAuth}`, contextName, contexts);
  const refusedTls = refusedTlsSettings(cluster);
  if (refusedTls) return fail('other', `Context "${contextName}": ${refusedTls}`, contextName, contexts);
  return {
    ok: true,
    kubeConfig: kc,
    files,
    context: contextName,
    contexts,
    namespace: requestedNamespace || ctx.namespace || 'default',
    server: cluster.server,
    insecurity: insecurityOf(cluster),
  };
}

/** kubectl's merge: the first file to define a name or the current-context wins; later duplicates are ignored. */
function mergeFirstWins(target: KubeConfig, files: string[], Ctor: new () => KubeConfig): void {
  for (const file of files) {
    const kc = new Ctor();
    kc.loadFromFile(file);
    if (!target.currentContext && kc.currentContext) target.currentContext = kc.currentContext;
    for (const c of kc.clusters ?? []) if (!target.getCluster(c.name)) target.addCluster(c);
    for (const u of kc.users ?? []) if (!target.getUser(u.name)) target.addUser(u);
    for (const c of kc.contexts ?? []) if (!target.getContextObject(c.name)) target.addContext(c);
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
