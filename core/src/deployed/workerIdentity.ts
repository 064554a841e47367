/**
 * Which deployed pipeline a worker ReplicationController or pod belongs to, read from the labels and annotations
 * pachd writes on both (the pod template carries the RC's own).
 *
 * - 2.4 and later (pachyderm/pachyderm src/server/pps/server/api_server.go `pipelineLabels`): `app=pipeline`,
 *   `pipelineName`, `pipelineVersion`, `suite=pachyderm`, `component=worker`, and `pipelineProject` when the
 *   pipeline is in a project.
 * - Before 2.4 (pachyderm/pachyderm v2.2.0 src/server/pps/server/api_server.go `labels`): `app=<RC name>`,
 *   `suite=pachyderm`, `component=worker`, plus `pipelineName` (worker_rc.go); the version is only in the
 *   `pipelineVersion` annotation and the RC name. pachd itself still finds such pods by `app=<RC name>`
 *   (api_server.go `rcPods`, "Look for the pre-2.4–style pods").
 * - `app=spout` (api_server.go `spoutLabels`) has no version label; pachd puts it on a spout's pachctl secret,
 *   and an object carrying it is read like the others, the version from the annotation or the RC name.
 *
 * The annotations `pipelineName`, `pipelineProject` and `pipelineVersion` (worker_rc.go, the constants at the
 * top) are what pachd's own pod watch reads (poller.go `pollPipelinePods`), so they fill in what labels miss.
 */
import type { ObjectMeta } from './workerObjects';

/** A deployed pipeline: pachd's key for it (master.go `toKey`) plus the spec version its workers run. */
export interface DeployedPipelineId {
  /** `''` for a pipeline outside any project (before 2.5). */
  project: string;
  name: string;
  version: number;
}

/** The label every object pachd makes carries, and the one the watches select on. */
export const PACHYDERM_SUITE_SELECTOR = 'suite=pachyderm';

const WORKER_COMPONENT = 'worker';

/** `pipeline-<name>-v<version>` or `<project>-<name>-v<version>` (src/internal/ppsutil/util.go `PipelineRcName`). */
const RC_NAME_VERSION = /-v(\d+)$/;

/**
 * The pipeline a worker object belongs to, or undefined for anything else in the namespace (pachd, etcd, a
 * user's own pods). An object counts as a worker when it has `component=worker` and names a pipeline.
 */
export function workerIdentity(meta: ObjectMeta | undefined, rcName?: string): DeployedPipelineId | undefined {
  const labels = meta?.labels ?? {};
  const notes = meta?.annotations ?? {};
  if (labels.component !== WORKER_COMPONENT) return undefined;
  const name = labels.pipelineName || notes.pipelineName;
  if (!name) return undefined;
  const version =
    parseVersion(labels.pipelineVersion) ??
    parseVersion(notes.pipelineVersion) ??
    versionFromRcName(labels.app) ??
    versionFromRcName(rcName);
  if (version === undefined) return undefined;
  return { project: labels.pipelineProject || notes.pipelineProject || '', name, version };
}

/** One string per deployed pipeline: project, name and version cannot contain `/` or `@` in pachd. */
export function deployedKey(id: DeployedPipelineId): string {
  return `${id.project}/${id.name}@${id.version}`;
}

/** `project/name v3`, or `name v3` outside projects: how pachctl and the product name a pipeline version. */
export function deployedLabel(id: DeployedPipelineId): string {
  return `${id.project ? `${id.project}/` : ''}${id.name} v${id.version}`;
}

/** The name of the RC that owns a pod, from its owner references (what the RC controller sets). */
export function owningRcName(meta: ObjectMeta | undefined): string | undefined {
  return meta?.ownerReferences?.find((o) => o.kind === 'ReplicationController')?.name || undefined;
}

function parseVersion(text: string | undefined): number | undefined {
  if (!text || !/^\d{1,15}$/.test(text)) return undefined;
  return Number(text);
}

function versionFromRcName(name: string | undefined): number | undefined {
  const m = name ? RC_NAME_VERSION.exec(name) : null;
  return m ? parseVersion(m[1]) : undefined;
}
