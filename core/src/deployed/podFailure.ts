/**
 * Whether a worker pod fails, judged as pachd judges it: pachyderm/pachyderm src/server/pps/server/poller.go
 * `pollPipelinePods` marks the pipeline CRASHING when a container's waiting reason is one of `failures`
 * (master.go), or when the `PodScheduled` condition is not true for one of them (`Unschedulable`), and passes
 * the waiting message on as the reason.
 */
import type { ContainerStatus, PodObject } from './workerObjects';

/** pachyderm/pachyderm src/server/pps/server/master.go `failures`, in its order. */
export const PACHD_FAILURE_REASONS: readonly string[] = Object.freeze([
  'ErrImagePull',
  'InvalidImageName',
  'ImagePullBackOff',
  'Unschedulable',
  'CreateContainerConfigError',
  'CreateContainerError',
]);

/** The reasons of an image pull that failed: where a pull secret may be the cause. */
export const IMAGE_PULL_REASONS: readonly string[] = Object.freeze(['ErrImagePull', 'ImagePullBackOff']);

/** Kubelet's messages name images and secrets, never values; this bound only keeps a long one from growing memory. */
export const MAX_MESSAGE_CHARS = 1024;

export interface PodFailure {
  reason: string;
  message: string;
  /** The container whose waiting state says it; none for a scheduling failure. */
  container?: string;
}

/** What the model keeps of a pod's status. */
export interface PodState {
  /**
   * Its volumes are set up, so an old `FailedMount` event no longer applies: a container ran or runs, or waits for
   * a reason kubelet gives only after mounting (kubelet's SyncPod waits for every volume before it pulls an image
   * or builds a container), anything but `ContainerCreating` and `PodInitializing`.
   */
  mounted: boolean;
  failure?: PodFailure;
}

export function podState(pod: PodObject): PodState {
  const status = pod.status ?? {};
  const statuses = status.containerStatuses ?? [];
  const mounted =
    status.phase === 'Running' ||
    status.phase === 'Succeeded' ||
    status.phase === 'Failed' ||
    [...statuses, ...(status.initContainerStatuses ?? [])].some(
      (s) => !!(s.state?.running || s.state?.terminated) || afterMounting(s.state?.waiting?.reason),
    );
  const failure = waitingFailure(statuses) ?? schedulingFailure(pod);
  return failure ? { mounted, failure } : { mounted };
}

/** kubelet's waiting reasons before a pod's volumes are set up (pkg/kubelet/kubelet_pods.go, kuberuntime). */
const BEFORE_MOUNTING = ['ContainerCreating', 'PodInitializing'];

function afterMounting(reason: string | undefined): boolean {
  return !!reason && !BEFORE_MOUNTING.includes(reason);
}

function waitingFailure(statuses: ContainerStatus[]): PodFailure | undefined {
  for (const s of statuses) {
    const waiting = s.state?.waiting;
    if (waiting?.reason && PACHD_FAILURE_REASONS.includes(waiting.reason)) {
      return { reason: waiting.reason, message: bounded(waiting.message), ...(s.name ? { container: s.name } : {}) };
    }
  }
  return undefined;
}

function schedulingFailure(pod: PodObject): PodFailure | undefined {
  for (const c of pod.status?.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.status !== 'True' && c.reason && PACHD_FAILURE_REASONS.includes(c.reason)) {
      return { reason: c.reason, message: bounded(c.message) };
    }
  }
  return undefined;
}

export function bounded(message: string | undefined): string {
  const text = message ?? '';
  return text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS)}…` : text;
}
