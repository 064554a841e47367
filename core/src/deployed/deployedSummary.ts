/**
 * What the language server learns of the deployed pipelines (`DeployedNotification`): per pipeline its project,
 * name and version, the secret uses of its worker pod template, and its failures as pachd's reason with the
 * secret and key they are blamed on. Never kubelet's message or a pod's name: a message quotes what a pod spec
 * holds, and the server needs only the attributed fields. The client builds it from a `DeployedSnapshot`; hover and
 * PS060 read it through a `DeployedIndex`.
 */
import type { BlameCause } from './attribution';
import type { DeployedPipeline } from './deployedModel';
import type { DeployedSnapshot, DeployedWatchState } from './deployedWatcher';
import type { WorkerSecretUse } from './podSecretUses';
import type { DeployedPipelineId } from './workerIdentity';

/** One reason a pipeline's workers fail; `secret` (and `key`) when the failure is blamed on one. */
export interface DeployedFailureSummary {
  /** One of pachd's failure reasons (podFailure.ts), or `FailedMount`. */
  reason: string;
  secret?: string;
  key?: string;
  cause?: BlameCause;
}

export interface DeployedPipelineSummary extends DeployedPipelineId {
  uses: WorkerSecretUse[];
  /** Empty while it runs; each reason and blame once, however many pods say it. */
  failures: DeployedFailureSummary[];
}

export interface DeployedSummary {
  context: string;
  namespace: string;
  state: DeployedWatchState['kind'];
  /** Empty unless `state` is `ready`. */
  pipelines: DeployedPipelineSummary[];
}

export function emptyDeployedSummary(): DeployedSummary {
  return { context: '', namespace: 'default', state: 'unknown', pipelines: [] };
}

export function summarizeDeployed(snapshot: DeployedSnapshot): DeployedSummary {
  const { context, namespace, state } = snapshot;
  return { context, namespace, state: state.kind, pipelines: snapshot.pipelines.map(summarizePipeline) };
}

function summarizePipeline(p: DeployedPipeline): DeployedPipelineSummary {
  const failures: DeployedFailureSummary[] = [];
  const seen = new Set<string>();
  const add = (f: DeployedFailureSummary) => {
    const id = [f.reason, f.cause ?? '', f.secret ?? '', f.key ?? ''].join('\u0000');
    if (seen.has(id)) return;
    seen.add(id);
    failures.push(f);
  };
  for (const f of p.health.kind === 'failing' ? p.health.failures : []) {
    if (!f.blame.length) add({ reason: f.reason });
    for (const b of f.blame) {
      add({ reason: f.reason, secret: b.secret, cause: b.cause, ...(b.key ? { key: b.key } : {}) });
    }
  }
  return { project: p.project, name: p.name, version: p.version, uses: p.uses, failures };
}

/**
 * pachd's default project, `default`, which Pachyderm 2.5 and later always have: where a spec without
 * `pipeline.project` goes unless pachctl's context or `--project` names another, which a file cannot tell.
 */
export const DEFAULT_PROJECT = 'default';

/**
 * The deployed pipelines by project and name, for what a workspace spec deploys as. A spec without
 * `pipeline.project.name` deploys into the default project; a pipeline of a pachd before projects has none.
 */
export class DeployedIndex {
  private readonly byName = new Map<string, DeployedPipelineSummary>();

  constructor(readonly summary: DeployedSummary) {
    for (const p of summary.pipelines) {
      const id = nameKey(p.project || DEFAULT_PROJECT, p.name);
      const known = this.byName.get(id);
      // While pachd replaces a pipeline's workers, the old version's RC may still be listed: the newest is the spec's.
      if (!known || known.version < p.version) this.byName.set(id, p);
    }
  }

  get ready(): boolean {
    return this.summary.state === 'ready';
  }

  /** The deployed pipeline a spec with this project (undefined: none written) and name deploys as. */
  pipeline(project: string | undefined, name: string): DeployedPipelineSummary | undefined {
    if (!this.ready) return undefined;
    return this.byName.get(nameKey(project || DEFAULT_PROJECT, name));
  }

  /** Every secret a failure is blamed on: what a new summary can change PS060 for. */
  blamedSecrets(): Set<string> {
    const names = new Set<string>();
    for (const p of this.summary.pipelines) for (const f of p.failures) if (f.secret) names.add(f.secret);
    return names;
  }
}

function nameKey(project: string, name: string): string {
  return `${project}\u0000${name}`;
}

/** The failures of `p` blamed on `secret`, whatever key they name (hover on the secret). */
export function failuresBlaming(p: DeployedPipelineSummary, secret: string): DeployedFailureSummary[] {
  return p.failures.filter((f) => f.secret === secret);
}

/**
 * The failures of `p` that a reference to `secret` (and `key`, when it names one) causes: a failure that names a
 * key is only the reference's to that key, so a mount of the whole secret beside it is not blamed.
 */
export function failuresOfReference(
  p: DeployedPipelineSummary,
  secret: string,
  key: string | undefined,
): DeployedFailureSummary[] {
  return failuresBlaming(p, secret).filter((f) => !f.key || f.key === key);
}

/** A failure in words, without a value: `CreateContainerConfigError, key "password" not found in secret "db"`. */
export function failureText(f: DeployedFailureSummary, quote = (s: string) => `"${s}"`): string {
  if (!f.secret) return f.reason;
  const secret = `secret ${quote(f.secret)}`;
  const what =
    f.cause === 'missing-key'
      ? `key ${quote(f.key ?? '')} not found in ${secret}`
      : f.cause === 'not-registry-credential'
        ? `${secret} is not a registry credential`
        : `${secret} not found`;
  return `${f.reason}, ${what}`;
}
