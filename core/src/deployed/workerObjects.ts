/**
 * The parts of the Kubernetes objects this module reads, as the API server sends them in JSON (a list's items, a
 * watch event's object). Everything else an object carries is ignored and never kept: a worker RC's pod spec
 * holds dozens of containers, env vars and volumes, and the model keeps only its secret uses.
 *
 * Field names are the API's (kubernetes/api core/v1/types.go); every field is optional because a hostile or
 * old server may leave any of them out.
 */

export interface ObjectMeta {
  name?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  labels?: Record<string, string> | null;
  annotations?: Record<string, string> | null;
  ownerReferences?: { kind?: string; name?: string }[] | null;
}

export interface SecretKeySelector {
  name?: string;
  key?: string;
  optional?: boolean | null;
}

export interface ContainerSpec {
  name?: string;
  env?: { name?: string; valueFrom?: { secretKeyRef?: SecretKeySelector | null } | null }[] | null;
  envFrom?: { prefix?: string; secretRef?: { name?: string; optional?: boolean | null } | null }[] | null;
  volumeMounts?: { name?: string; mountPath?: string; subPath?: string }[] | null;
}

export interface KeyToPath {
  key?: string;
  path?: string;
}

export interface VolumeSpec {
  name?: string;
  secret?: { secretName?: string; items?: KeyToPath[] | null; optional?: boolean | null } | null;
  projected?: {
    sources?: { secret?: { name?: string; items?: KeyToPath[] | null; optional?: boolean | null } | null }[] | null;
  } | null;
}

export interface PodSpec {
  containers?: ContainerSpec[] | null;
  initContainers?: ContainerSpec[] | null;
  volumes?: VolumeSpec[] | null;
  imagePullSecrets?: { name?: string }[] | null;
}

export interface ReplicationControllerObject {
  metadata?: ObjectMeta;
  spec?: { replicas?: number; template?: { metadata?: ObjectMeta; spec?: PodSpec } | null } | null;
}

export interface ContainerStatus {
  name?: string;
  state?: {
    waiting?: { reason?: string; message?: string } | null;
    running?: object | null;
    terminated?: object | null;
  } | null;
}

export interface PodObject {
  metadata?: ObjectMeta;
  spec?: PodSpec;
  status?: {
    phase?: string;
    conditions?: { type?: string; status?: string; reason?: string; message?: string }[] | null;
    containerStatuses?: ContainerStatus[] | null;
    initContainerStatuses?: ContainerStatus[] | null;
  } | null;
}

export interface EventObject {
  metadata?: ObjectMeta;
  involvedObject?: { kind?: string; name?: string; namespace?: string; uid?: string };
  reason?: string;
  message?: string;
  type?: string;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  series?: { lastObservedTime?: string } | null;
}
