/**
 * What the Secrets tree and the confirmations say about deployed pipelines (core's `DeployedWatcher`), as plain
 * data with no `vscode` import: which pipelines use a secret or key, how, and whether their workers fail because
 * of it. Only names, keys, paths and kubelet's bounded message reach a row; a pod spec's values never do.
 */
import {
  deployedLabel,
  secretUseText as useText,
  usesKey,
  type DeployedPipeline,
  type WorkerSecretUse,
} from '../../../core/src/deployed';
import type { SecretMeta } from '../../../core/src/catalog';
import type { SecretDecoration, TreeRow } from './treeRow';

/** A deployed pipeline that uses one secret: how, and the failure blamed on that secret if any. */
export interface DeployedUser {
  /** `project/name v3`. */
  label: string;
  pipeline: DeployedPipeline;
  uses: WorkerSecretUse[];
  failure?: { reason: string; message: string; key?: string };
}

/** Every secret's deployed users, computed once per snapshot for the whole tree. */
export function usersBySecret(pipelines: readonly DeployedPipeline[]): Map<string, DeployedUser[]> {
  const names = new Set(pipelines.flatMap((p) => p.uses.map((u) => u.secret)));
  return new Map([...names].map((n) => [n, deployedUsers(pipelines, n)]));
}

/** The deployed pipelines that use `secret` (and `key`, when given), in the snapshot's order. */
export function deployedUsers(pipelines: readonly DeployedPipeline[], secret: string, key?: string): DeployedUser[] {
  const users: DeployedUser[] = [];
  for (const p of pipelines) {
    const uses = p.uses.filter((u) => u.secret === secret && (key === undefined || usesKey(u, key)));
    if (!uses.length) continue;
    users.push({ label: deployedLabel(p), pipeline: p, uses, failure: failureOf(p, secret, key) });
  }
  return users;
}

function failureOf(p: DeployedPipeline, secret: string, key?: string): DeployedUser['failure'] {
  if (p.health.kind !== 'failing') return undefined;
  for (const f of p.health.failures) {
    const blame = f.blame.find((b) => b.secret === secret && (key === undefined || !b.key || b.key === key));
    if (blame) return { reason: f.reason, message: f.message, ...(blame.key ? { key: blame.key } : {}) };
  }
  return undefined;
}

/** The secret row's note: `2 deployed`, `1 failing`; undefined when no deployed pipeline uses it. */
export function deployedDecoration(users: readonly DeployedUser[]): SecretDecoration | undefined {
  if (!users.length) return undefined;
  const failing = users.filter((u) => u.failure);
  return {
    notes: [`${users.length} deployed`, ...(failing.length ? [`${failing.length} failing`] : [])],
    expandable: true,
    tooltip: [
      `Deployed pipelines using it: ${users.map((u) => u.label).join(', ')}.`,
      ...failing.map((u) => `${u.label} fails because of it: ${u.failure?.reason}.`),
    ],
  };
}

/** The rows under a secret's keys: one per deployed pipeline using it. */
export function deployedRows(meta: SecretMeta, users: readonly DeployedUser[]): TreeRow[] {
  const secret = meta.name;
  return users.map((u) => {
    const how = u.uses.map(useText).join('; ');
    const f = u.failure;
    return {
      id: `deployed/${meta.namespace}/${secret}/${u.label}`,
      kind: 'deployed',
      label: u.label,
      description: f ? `${how} · failing: ${f.reason}` : `${how} · running`,
      tooltip: [
        `Deployed pipeline ${u.label}${u.pipeline.rc ? ` (RC ${u.pipeline.rc})` : ''}, ${u.pipeline.pods} pod(s).`,
        `Uses "${secret}": ${how}.`,
        f ? `Failing because of "${secret}"${f.key ? ` → ${f.key}` : ''}: ${f.message}` : 'Running.',
      ].join('\n'),
      icon: f ? 'error' : 'vm-running',
      ...(f ? { iconColor: 'list.errorForeground' } : {}),
      contextValue: f ? 'pachyderm.deployed.failing' : 'pachyderm.deployed.running',
      collapsible: false,
      secret: meta,
    };
  });
}

/**
 * For confirmations: the deployed pipelines whose new workers fail without the secret (or `key`), then those that
 * use it but start without it; '' when none uses it.
 */
export function deployedBreakDetail(users: readonly DeployedUser[], what: string, key?: string): string {
  if (!users.length) return '';
  const names = (list: readonly DeployedUser[]) =>
    list.map((u) => `${u.label} (${u.uses.map(useText).join('; ')})`).join(', ');
  const breaking = users.filter((u) => u.uses.some((use) => needsToStart(use, key)));
  const others = users.filter((u) => !breaking.includes(u));
  const lines: string[] = [];
  if (breaking.length)
    lines.push(
      `${breaking.length} deployed pipeline(s) use ${what} and will fail to start new workers: ${names(breaking)}.`,
    );
  if (others.length)
    lines.push(`${others.length} deployed pipeline(s) use ${what} but start without it: ${names(others)}.`);
  return `\n\n${lines.join('\n')}`;
}

/**
 * Whether kubelet stops a worker from starting when the secret (or `key`) is gone: a required env var
 * (CreateContainerConfigError), a required `envFrom` or volume of the secret, a volume whose `items` name the key
 * (FailedMount), a pull secret (kept with them: a pipeline names one for a private image). A whole-secret volume
 * or `envFrom` without the key still starts (the key is just absent), and an optional use always does.
 */
function needsToStart(use: WorkerSecretUse, key: string | undefined): boolean {
  if (use.how !== 'imagePull' && use.optional) return false;
  if (key === undefined) return true;
  if (use.how === 'env') return use.key === key;
  if (use.how === 'envFrom' || use.how === 'imagePull') return false;
  return !!use.keys?.includes(key);
}

/** For the notice after a key edit: the deployed pipelines that read the key, and when they see the change. */
export function deployedNotice(users: readonly DeployedUser[], key: string): string {
  if (!users.length) return '';
  const env = users.some((u) => u.uses.some((use) => use.how === 'env' || use.how === 'envFrom'));
  const when = env ? ' (those reading it as an environment variable see it when their workers restart)' : '';
  return ` Deployed pipelines using ${key}: ${users.map((u) => u.label).join(', ')}${when}.`;
}
