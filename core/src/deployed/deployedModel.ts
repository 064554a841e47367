/**
 * The deployed pipelines of a namespace, built from its worker ReplicationControllers, pods and events as the
 * API server sends them, one kind at a time (each kind is listed and watched on its own).
 *
 * What is kept is small on purpose: per RC its pipeline and secret uses (podSecretUses.ts), per pod its
 * pipeline and status (podFailure.ts), per event the parsed facts of the two reasons that concern secrets
 * (kubeletMessages.ts). No pod spec, no env value and no Secret is kept, so memory grows with the uses, not with
 * the size of the pod specs.
 */
import { blameContainerMessage, blameMountFailure, blamePullSecrets, type SecretBlame } from './attribution';
import { FAILED_MOUNT, FAILED_PULL_SECRET, parseMountFailure, parsePullSecretFailure } from './kubeletMessages';
import type { MountFailure } from './kubeletMessages';
import { bounded, podState, type PodState } from './podFailure';
import { podSecretUses, type SecretUse } from './podSecretUses';
import { deployedKey, owningRcName, workerIdentity, type DeployedPipelineId } from './workerIdentity';
import type { EventObject, PodObject, ReplicationControllerObject } from './workerObjects';

export interface DeployedFailure {
  pod: string;
  /** One of pachd's failure reasons (podFailure.ts), or `FailedMount`. */
  reason: string;
  /** Kubelet's message, bounded. It names secrets, keys, volumes and images, never a value. */
  message: string;
  blame: SecretBlame[];
}

export type DeployedState = { kind: 'running' } | { kind: 'failing'; failures: DeployedFailure[] };

export interface DeployedPipeline extends DeployedPipelineId {
  /** The worker RC's name; absent while only pods of the pipeline are known. */
  rc?: string;
  uses: SecretUse[];
  pods: number;
  /** `running` means no pod fails for a reason pachd counts (or for a secret mount), pods or none. */
  state: DeployedState;
}

export type WorkerKind = 'rcs' | 'pods' | 'events';
export type ObjectOf<K extends WorkerKind> = K extends 'rcs'
  ? ReplicationControllerObject
  : K extends 'pods'
    ? PodObject
    : EventObject;
export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

interface RcEntry {
  id: DeployedPipelineId;
  key: string;
  uses: SecretUse[];
}

interface PodEntry {
  id: DeployedPipelineId;
  key: string;
  uid?: string;
  state: PodState;
  /** The pod's own uses, kept only while its pipeline has no known RC. */
  uses?: SecretUse[];
}

interface EventEntry {
  pod: string;
  podUid?: string;
  at: string;
  message: string;
  mount?: MountFailure;
  pullSecrets?: string[];
}

export class DeployedModel {
  private readonly rcs = new Map<string, RcEntry>();
  private readonly rcByKey = new Map<string, string>();
  private readonly pods = new Map<string, PodEntry>();
  private readonly events = new Map<string, EventEntry>();
  private cached: DeployedPipeline[] | undefined;

  /** Replaces every object of one kind (a fresh list); the other kinds stay. */
  replace<K extends WorkerKind>(kind: K, items: readonly ObjectOf<K>[]): void {
    this.table(kind).clear();
    if (kind === 'rcs') this.rcByKey.clear();
    for (const item of items) this.apply(kind, 'ADDED', item);
    this.cached = undefined;
  }

  /** One watch event. Returns whether anything the snapshot shows may have changed. */
  apply<K extends WorkerKind>(kind: K, type: ChangeType, object: ObjectOf<K>): boolean {
    const name = object.metadata?.name;
    if (!name) return false;
    const changed =
      kind === 'rcs'
        ? this.applyRc(name, type, object as ReplicationControllerObject)
        : kind === 'pods'
          ? this.applyPod(name, type, object as PodObject)
          : this.applyEvent(name, type, object as EventObject);
    if (changed) this.cached = undefined;
    return changed;
  }

  /** How many objects of each kind are kept (events: only those about secrets and mounts). */
  counts(): Record<WorkerKind, number> {
    return { rcs: this.rcs.size, pods: this.pods.size, events: this.events.size };
  }

  clear(): void {
    for (const kind of ['rcs', 'pods', 'events'] as const) this.table(kind).clear();
    this.rcByKey.clear();
    this.cached = undefined;
  }

  /** Every deployed pipeline, sorted by project, name and version. */
  pipelines(): DeployedPipeline[] {
    this.cached ??= this.build();
    return this.cached;
  }

  private table(kind: WorkerKind): Map<string, unknown> {
    return kind === 'rcs' ? this.rcs : kind === 'pods' ? this.pods : this.events;
  }

  private applyRc(name: string, type: ChangeType, rc: ReplicationControllerObject): boolean {
    const old = this.rcs.get(name);
    if (old && this.rcByKey.get(old.key) === name) this.rcByKey.delete(old.key);
    this.rcs.delete(name);
    const id = type === 'DELETED' ? undefined : workerIdentity(rc.spec?.template?.metadata ?? rc.metadata, name);
    if (!id) return !!old;
    const key = deployedKey(id);
    this.rcs.set(name, { id, key, uses: podSecretUses(rc.spec?.template?.spec) });
    this.rcByKey.set(key, name);
    for (const pod of this.pods.values()) if (pod.key === key) delete pod.uses;
    return true;
  }

  private applyPod(name: string, type: ChangeType, pod: PodObject): boolean {
    const old = this.pods.get(name);
    this.pods.delete(name);
    if (type === 'DELETED') return !!old;
    const rcName = owningRcName(pod.metadata);
    const id = workerIdentity(pod.metadata, rcName) ?? (rcName ? this.rcs.get(rcName)?.id : undefined);
    if (!id) return !!old;
    const key = deployedKey(id);
    const entry: PodEntry = { id, key, state: podState(pod), ...(pod.metadata?.uid ? { uid: pod.metadata.uid } : {}) };
    if (!this.rcByKey.has(key)) entry.uses = podSecretUses(pod.spec);
    this.pods.set(name, entry);
    return true;
  }

  private applyEvent(name: string, type: ChangeType, event: EventObject): boolean {
    const had = this.events.delete(name);
    if (type === 'DELETED') return had;
    const entry = eventEntry(event);
    if (!entry) return had;
    this.events.set(name, entry);
    return true;
  }

  private build(): DeployedPipeline[] {
    const byKey = new Map<string, DeployedPipeline>();
    for (const [rc, entry] of this.rcs) {
      byKey.set(entry.key, { ...entry.id, rc, uses: entry.uses, pods: 0, state: { kind: 'running' } });
    }
    const eventsByPod = this.eventsByPod();
    for (const [podName, pod] of this.pods) {
      let p = byKey.get(pod.key);
      if (!p) byKey.set(pod.key, (p = { ...pod.id, uses: pod.uses ?? [], pods: 0, state: { kind: 'running' } }));
      p.pods++;
      const failures = podFailures(podName, pod, p.uses, eventsByPod.get(podName) ?? []);
      if (failures.length === 0) continue;
      if (p.state.kind === 'running') p.state = { kind: 'failing', failures };
      else p.state.failures.push(...failures);
    }
    return [...byKey.values()].sort(comparePipelines);
  }

  private eventsByPod(): Map<string, EventEntry[]> {
    const byPod = new Map<string, EventEntry[]>();
    for (const e of this.events.values()) {
      const pod = this.pods.get(e.pod);
      if (!pod || (e.podUid && pod.uid && e.podUid !== pod.uid)) continue;
      const list = byPod.get(e.pod) ?? [];
      list.push(e);
      byPod.set(e.pod, list);
    }
    return byPod;
  }
}

/** The failures of one pod: pachd's reason with its blame, then each volume whose set-up still fails. */
function podFailures(podName: string, pod: PodEntry, uses: SecretUse[], events: EventEntry[]): DeployedFailure[] {
  const failures: DeployedFailure[] = [];
  const f = pod.state.failure;
  if (f) {
    const missingPull = events.flatMap((e) => e.pullSecrets ?? []);
    const blame = [
      ...blameContainerMessage(f.reason, f.message, uses),
      ...blamePullSecrets(f.reason, missingPull, uses),
    ];
    failures.push({ pod: podName, reason: f.reason, message: f.message, blame });
  }
  // A volume that failed to mount keeps the pod from starting; once a container ran, old events are history.
  if (pod.state.started) return failures;
  const latest = new Map<string, EventEntry>();
  for (const e of events) {
    if (!e.mount) continue;
    const seen = latest.get(e.mount.volume);
    if (!seen || seen.at < e.at) latest.set(e.mount.volume, e);
  }
  for (const e of latest.values()) {
    failures.push({ pod: podName, reason: FAILED_MOUNT, message: e.message, blame: blameMountFailure(e.mount!, uses) });
  }
  return failures;
}

function eventEntry(event: EventObject): EventEntry | undefined {
  const target = event.involvedObject;
  if (target?.kind !== 'Pod' || !target.name) return undefined;
  const message = bounded(event.message);
  const at = event.series?.lastObservedTime ?? event.lastTimestamp ?? event.eventTime ?? event.firstTimestamp ?? '';
  const base = { pod: target.name, at, message, ...(target.uid ? { podUid: target.uid } : {}) };
  if (event.reason === FAILED_MOUNT) {
    const mount = parseMountFailure(event.message ?? '');
    return mount ? { ...base, mount } : undefined;
  }
  if (event.reason === FAILED_PULL_SECRET) {
    const pullSecrets = parsePullSecretFailure(event.message ?? '');
    return pullSecrets.length ? { ...base, pullSecrets } : undefined;
  }
  return undefined;
}

function comparePipelines(a: DeployedPipeline, b: DeployedPipeline): number {
  return a.project < b.project
    ? -1
    : a.project > b.project
      ? 1
      : a.name < b.name
        ? -1
        : a.name > b.name
          ? 1
          : a.version - b.version;
}
