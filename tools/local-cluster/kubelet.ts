/**
 * What a kubelet would report for a pod, given the secrets the cluster holds: the pod's status and the Events it
 * records. The messages are kubelet's own (kubernetes/kubernetes pkg/kubelet/kubelet_pods.go
 * makeEnvironmentVariables and getPullSecretsForPod, pkg/volume/util/operationexecutor for FailedMount,
 * pkg/kubelet/kuberuntime/kuberuntime_container.go for the `Error: …` events), so what the extension parses here
 * is what it meets on a cluster.
 *
 * The order is kubelet's: image pull secrets are looked up first (a missing one is only a warning), then the pod's
 * volumes are mounted (a missing secret volume keeps every container waiting behind the init container), then
 * each container's environment is resolved (a missing secret or key is CreateContainerConfigError for that
 * container alone). A real kubelet resolves the environment when it (re)starts a container; this one re-evaluates
 * as soon as a secret changes, as if the container had just restarted.
 */
import type { K8sObject } from './objects';

type Json = Record<string, unknown>;

/** A failure set on purpose (admin call) instead of derived from the secrets. */
export interface PodFailure {
  /** A waiting reason pachd counts as failing (ErrImagePull, …) or `Unschedulable` (a PodScheduled condition). */
  reason: string;
  message?: string;
  /** The container that fails (default `user`); ignored for Unschedulable. */
  container?: string;
}

export interface KubeletEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  /** `spec.containers{user}` when the event is about one container. */
  fieldPath?: string;
  component?: string;
}

export interface PodReport {
  status: Json;
  scheduled: boolean;
  events: KubeletEvent[];
}

/** The cluster's secrets as the kubelet's secret manager sees them: the data keys of a secret, or undefined. */
export type SecretKeys = (name: string) => string[] | undefined;

const notFound = (name: string): string => `secret "${name}" not found`;

/** makeEnvironmentVariables: envFrom first, then env in order; the first failure is the container's error. */
function envError(container: Json, namespace: string, keysOf: SecretKeys): string | undefined {
  for (const from of (container.envFrom as Json[] | undefined) ?? []) {
    const ref = from.secretRef as { name: string; optional?: boolean } | undefined;
    if (ref && !ref.optional && !keysOf(ref.name)) return notFound(ref.name);
  }
  for (const env of (container.env as Json[] | undefined) ?? []) {
    const ref = (env.valueFrom as Json | undefined)?.secretKeyRef as
      { name: string; key: string; optional?: boolean } | undefined;
    if (!ref || ref.optional) continue;
    const keys = keysOf(ref.name);
    if (!keys) return notFound(ref.name);
    if (!keys.includes(ref.key)) return `couldn't find key ${ref.key} in Secret ${namespace}/${ref.name}`;
  }
  return undefined;
}

/** A pull secret the kubelet can use: it exists and holds a Docker config (credentialprovider reads only those). */
const usablePullSecret = (keysOf: SecretKeys, name: string): boolean =>
  !!keysOf(name)?.some((k) => k === '.dockerconfigjson' || k === '.dockercfg');

const waiting = (reason: string, message?: string): Json => ({ waiting: { reason, ...(message ? { message } : {}) } });

function containerStatus(c: Json, state: Json, startedAt: string): Json {
  const running = state.running !== undefined;
  return {
    name: c.name,
    state: running ? { running: { startedAt } } : state,
    lastState: {},
    ready: running,
    restartCount: 0,
    image: c.image,
    imageID: running ? `${String(c.image)}@sha256:${'0'.repeat(64)}` : '',
    ...(running ? { containerID: `containerd://${String(c.name)}-${startedAt}` } : {}),
    started: running,
  };
}

const condition = (type: string, ok: boolean, reason?: string, message?: string): Json => ({
  type,
  status: ok ? 'True' : 'False',
  ...(reason ? { reason } : {}),
  ...(message ? { message } : {}),
});

export const DEFAULT_FAILURE_MESSAGES: Record<string, (image: string) => string> = {
  ErrImagePull: (image) =>
    `failed to pull and unpack image "docker.io/${image}": failed to resolve reference "docker.io/${image}": ` +
    'pull access denied, repository does not exist or may require authorization: server message: ' +
    'insufficient_scope: authorization failed',
  ImagePullBackOff: (image) => `Back-off pulling image "${image}"`,
  InvalidImageName: (image) =>
    `Failed to apply default image tag "${image}": couldn't parse image name "${image}": invalid reference format`,
  CreateContainerError: () => 'context deadline exceeded',
  CreateContainerConfigError: () => 'failed to prepare container config',
  Unschedulable: () =>
    '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims ' +
    'found for incoming pod.',
};

function unschedulable(failure: PodFailure): PodReport {
  const message = failure.message ?? DEFAULT_FAILURE_MESSAGES.Unschedulable('');
  return {
    status: {
      phase: 'Pending',
      conditions: [condition('PodScheduled', false, 'Unschedulable', message)],
      qosClass: 'BestEffort',
    },
    scheduled: false,
    events: [{ type: 'Warning', reason: 'FailedScheduling', message, component: 'default-scheduler' }],
  };
}

/** Why each container waits, or `running`; and the events that go with it. */
function containerStates(
  pod: K8sObject,
  keysOf: SecretKeys,
  failure: PodFailure | undefined,
  privateImage: boolean,
): { states: Json[]; events: KubeletEvent[] } {
  const spec = (pod.spec ?? {}) as Json;
  const namespace = pod.metadata?.namespace ?? 'default';
  const pullSecrets = ((spec.imagePullSecrets as Array<{ name: string }> | undefined) ?? []).map((s) => s.name);
  const canPull = pullSecrets.some((n) => usablePullSecret(keysOf, n));
  const events: KubeletEvent[] = [];
  const states = ((spec.containers as Json[] | undefined) ?? []).map((c) => {
    const fieldPath = `spec.containers{${String(c.name)}}`;
    const image = String(c.image);
    if (failure && (failure.container ?? 'user') === c.name) {
      const message = failure.message ?? DEFAULT_FAILURE_MESSAGES[failure.reason]?.(image);
      events.push({ type: 'Warning', reason: 'Failed', message: `Error: ${failure.reason}`, fieldPath });
      return waiting(failure.reason, message);
    }
    if (privateImage && c.name === 'user' && !canPull) {
      events.push({
        type: 'Warning',
        reason: 'Failed',
        message: `Failed to pull image "${image}": ${DEFAULT_FAILURE_MESSAGES.ErrImagePull(image)}`,
        fieldPath,
      });
      return waiting('ImagePullBackOff', DEFAULT_FAILURE_MESSAGES.ImagePullBackOff(image));
    }
    const error = envError(c, namespace, keysOf);
    if (error) {
      events.push({ type: 'Warning', reason: 'Failed', message: `Error: ${error}`, fieldPath });
      return waiting('CreateContainerConfigError', error);
    }
    return { running: {} };
  });
  return { states, events };
}

/** getPullSecretsForPod's warning, then the secret volumes that cannot be mounted and their FailedMount events. */
function podLevelChecks(spec: Json, keysOf: SecretKeys): { unmounted: Json[]; events: KubeletEvent[] } {
  const events: KubeletEvent[] = [];
  const missingPull = ((spec.imagePullSecrets as Array<{ name: string }> | undefined) ?? [])
    .map((s) => s.name)
    .filter((n) => !keysOf(n));
  if (missingPull.length)
    events.push({
      type: 'Warning',
      reason: 'FailedToRetrieveImagePullSecret',
      message:
        `Unable to retrieve some image pull secrets (${missingPull.join(', ')}); attempting to pull the image ` +
        'may not succeed.',
    });
  const unmounted = ((spec.volumes as Json[] | undefined) ?? []).filter((v) => {
    const s = v.secret as { secretName: string; optional?: boolean } | undefined;
    return s && !s.optional && !keysOf(s.secretName);
  });
  for (const v of unmounted) {
    const secretName = (v.secret as { secretName: string }).secretName;
    events.push({
      type: 'Warning',
      reason: 'FailedMount',
      message: `MountVolume.SetUp failed for volume "${String(v.name)}" : ${notFound(secretName)}`,
    });
  }
  return { unmounted, events };
}

const names = (containers: Json[]): string => containers.map((c) => String(c.name)).join(' ');

/** Nothing starts: every container keeps kubelet's default waiting state, PodInitializing behind init containers. */
function notMounted(containers: Json[], inits: Json[], since: string): Json {
  const pending = inits.length ? 'PodInitializing' : 'ContainerCreating';
  const st = (c: Json): Json => containerStatus(c, waiting(pending), since);
  const unready = `containers with unready status: [${names(containers)}]`;
  const notInit = `containers with incomplete status: [${names(inits)}]`;
  return {
    phase: 'Pending',
    conditions: [
      condition('Initialized', !inits.length, inits.length ? 'ContainersNotInitialized' : undefined, notInit),
      condition('Ready', false, 'ContainersNotReady', unready),
      condition('ContainersReady', false, 'ContainersNotReady', unready),
      condition('PodScheduled', true),
    ],
    ...(inits.length ? { initContainerStatuses: inits.map(st) } : {}),
    containerStatuses: containers.map(st),
  };
}

/** Init containers done, each container running or waiting for its own reason. */
function started(containers: Json[], inits: Json[], states: Json[], since: string): Json {
  const unready = containers.filter((_, i) => states[i].running === undefined);
  const ready = unready.length === 0;
  const why = ready ? undefined : `containers with unready status: [${names(unready)}]`;
  const done = { terminated: { exitCode: 0, reason: 'Completed', startedAt: since, finishedAt: since } };
  return {
    phase: ready ? 'Running' : 'Pending',
    conditions: [
      condition('Initialized', true),
      condition('Ready', ready, ready ? undefined : 'ContainersNotReady', why),
      condition('ContainersReady', ready, ready ? undefined : 'ContainersNotReady', why),
      condition('PodScheduled', true),
    ],
    podIP: '10.244.0.10',
    ...(inits.length ? { initContainerStatuses: inits.map((c) => containerStatus(c, done, since)) } : {}),
    containerStatuses: containers.map((c, i) => containerStatus(c, states[i], since)),
  };
}

/** The pod's status as its kubelet would report it now. `since` is when its containers (last) started. */
export function podReport(
  pod: K8sObject,
  keysOf: SecretKeys,
  options: { failure?: PodFailure; privateImage?: boolean; since: string },
): PodReport {
  const { failure, since } = options;
  if (failure?.reason === 'Unschedulable') return unschedulable(failure);
  const spec = (pod.spec ?? {}) as Json;
  const containers = (spec.containers as Json[] | undefined) ?? [];
  const inits = (spec.initContainers as Json[] | undefined) ?? [];
  const { unmounted, events } = podLevelChecks(spec, keysOf);
  const base = { hostIP: '172.18.0.2', startTime: since, qosClass: 'BestEffort' };
  if (unmounted.length)
    return { status: { ...notMounted(containers, inits, since), ...base }, scheduled: true, events };
  const { states, events: containerEvents } = containerStates(pod, keysOf, failure, options.privateImage === true);
  const status = started(containers, inits, states, since);
  return { status: { ...status, ...base }, scheduled: true, events: [...events, ...containerEvents] };
}
