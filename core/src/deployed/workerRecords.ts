/**
 * The one place a worker RC, pod or event as the API sends it becomes what the model keeps: a record whose size
 * follows the secret uses, never the pod spec. The list and the watch call it on each object as it arrives, so a
 * page of large pod specs is dropped as soon as it is read.
 */
import {
  FAILED_MOUNT,
  FAILED_PULL_IMAGE,
  FAILED_PULL_SECRET,
  parseMountFailure,
  parsePullFailure,
  parsePullSecretFailure,
} from './kubeletMessages';
import type { MountFailure } from './kubeletMessages';
import { bounded, podState, type PodState } from './podFailure';
import { podSecretUses, type WorkerSecretUse } from './podSecretUses';
import { deployedKey, owningRcName, workerIdentity, type DeployedPipelineId } from './workerIdentity';
import type { EventObject, ObjectMeta, PodObject, ReplicationControllerObject } from './workerObjects';

export type WorkerKind = 'rcs' | 'pods' | 'events';

export type ObjectOf<K extends WorkerKind> = K extends 'rcs'
  ? ReplicationControllerObject
  : K extends 'pods'
    ? PodObject
    : EventObject;

/** What an object is kept as; `pipeline` and the facts are absent for one that is not a worker's. */
export interface RecordBase {
  name: string;
  resourceVersion?: string;
}

export interface Pipelined {
  id: DeployedPipelineId;
  key: string;
}

export interface RcRecord extends RecordBase {
  worker?: Pipelined & { uses: WorkerSecretUse[] };
}

export interface PodRecord extends RecordBase {
  worker?: Pipelined & { uid?: string; state: PodState; uses: WorkerSecretUse[] };
}

export interface EventRecord extends RecordBase {
  facts?: EventFacts;
}

export interface EventFacts {
  pod: string;
  podUid?: string;
  /** When kubelet last said it, to pick the latest of several (RFC 3339 compares as text). */
  at: string;
  message: string;
  mount?: MountFailure;
  pullSecrets?: string[];
  /** A failed image pull, and whether the registry said the image does not exist. */
  pullFailure?: { notFound: boolean };
}

export type RecordOf<K extends WorkerKind> = K extends 'rcs' ? RcRecord : K extends 'pods' ? PodRecord : EventRecord;

export function workerRecord<K extends WorkerKind>(kind: K, raw: ObjectOf<K>): RecordOf<K> {
  const base = baseOf(raw?.metadata);
  if (kind === 'rcs') return rcRecord(base, raw as ReplicationControllerObject) as RecordOf<K>;
  if (kind === 'pods') return podRecord(base, raw as PodObject) as RecordOf<K>;
  const facts = eventFacts(raw as EventObject);
  return (facts ? { ...base, facts } : base) as RecordOf<K>;
}

function baseOf(meta: ObjectMeta | undefined): RecordBase {
  const base: RecordBase = { name: meta?.name ?? '' };
  if (meta?.resourceVersion) base.resourceVersion = meta.resourceVersion;
  return base;
}

function rcRecord(base: RecordBase, rc: ReplicationControllerObject): RcRecord {
  const id = workerIdentity(rc.spec?.template?.metadata ?? rc.metadata, base.name);
  if (!id) return base;
  return { ...base, worker: { id, key: deployedKey(id), uses: podSecretUses(rc.spec?.template?.spec) } };
}

function podRecord(base: RecordBase, pod: PodObject): PodRecord {
  // Pods carry their RC's template labels; the owner reference only helps read a version from the RC's name.
  const id = workerIdentity(pod.metadata, owningRcName(pod.metadata));
  if (!id) return base;
  const uid = pod.metadata?.uid;
  const state = podState(pod);
  return {
    ...base,
    worker: { id, key: deployedKey(id), state, uses: podSecretUses(pod.spec), ...(uid ? { uid } : {}) },
  };
}

function eventFacts(event: EventObject): EventFacts | undefined {
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
  if (event.reason === FAILED_PULL_IMAGE) {
    const pullFailure = parsePullFailure(event.message ?? '');
    // Only whether the image exists is needed: the message (an image name and a registry's words) is not kept.
    return pullFailure ? { ...base, message: '', pullFailure } : undefined;
  }
  return undefined;
}
