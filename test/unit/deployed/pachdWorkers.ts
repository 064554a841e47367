/**
 * Worker ReplicationControllers, pods and events shaped as pachd and kubelet write them, written for these tests
 * from pachyderm/pachyderm src/server/pps/server/worker_rc.go (`getWorkerOptions`, `workerPodSpec`,
 * `GetBackendSecretVolumeAndMount`, `getEgressSecretEnvVars`), api_server.go (`pipelineLabels`, `spoutLabels`,
 * v2.2.0's `labels`) and src/internal/ppsutil/util.go (`PipelineRcName`).
 */
import type {
  EventObject,
  PodObject,
  PodSpec,
  ReplicationControllerObject,
} from '../../../core/src/deployed/workerObjects';

/** A value that must never appear in anything the model keeps or shows. */
export const CANARY = 'CANARY-env-value-7f3c';

export type LabelStyle = 'current' | 'pre-2.4' | 'spout';

export interface PipelineFixture {
  project?: string;
  name: string;
  version: number;
  /** `transform.secrets`: `envVar` + `key`, or `mountPath`. */
  secrets?: { name: string; key?: string; envVar?: string; mountPath?: string }[];
  imagePullSecrets?: string[];
  egressSecret?: { name: string; key: string };
  style?: LabelStyle;
  /** Padding env vars with plain values, to grow the spec without growing its secret uses. */
  padding?: number;
}

/** A pipeline in a project with an env secret, a mounted secret and an image pull secret. */
export const EDGES: PipelineFixture = {
  project: 'images',
  name: 'edges',
  version: 2,
  secrets: [
    { name: 's3-creds', key: 'access-key', envVar: 'AWS_ACCESS_KEY_ID' },
    { name: 'tls-bundle', mountPath: '/etc/bundle' },
  ],
  imagePullSecrets: ['regcred'],
};

/** `PipelineRcName`: `<project>-<name>-v<version>` or `pipeline-<name>-v<version>`, lower case, `_` as `-`. */
export function rcName(p: PipelineFixture): string {
  const name = p.name.replaceAll('_', '-').toLowerCase();
  const prefix = p.project ? p.project.replaceAll('_', '-').toLowerCase() : 'pipeline';
  return `${prefix}-${name}-v${p.version}`;
}

export function labelsOf(p: PipelineFixture): Record<string, string> {
  const style = p.style ?? 'current';
  const project: Record<string, string> = p.project ? { pipelineProject: p.project } : {};
  if (style === 'pre-2.4') return { app: rcName(p), suite: 'pachyderm', component: 'worker', pipelineName: p.name };
  if (style === 'spout')
    return { app: 'spout', pipelineName: p.name, suite: 'pachyderm', component: 'worker', ...project };
  return {
    app: 'pipeline',
    pipelineName: p.name,
    pipelineVersion: String(p.version),
    suite: 'pachyderm',
    component: 'worker',
    ...project,
  };
}

export function annotationsOf(p: PipelineFixture): Record<string, string> {
  return {
    pipelineName: p.name,
    pachVersion: '2.12.0',
    pipelineVersion: String(p.version),
    specCommit: 'a1b2c3d4e5f6',
    authTokenHash: 'f00dfeed',
    ...(p.project ? { pipelineProject: p.project } : {}),
  };
}

export function podSpecOf(p: PipelineFixture): PodSpec {
  const secrets = p.secrets ?? [];
  const userEnv = [
    { name: 'PPS_PIPELINE_NAME', value: p.name },
    { name: 'PLAIN', value: CANARY },
    ...Array.from({ length: p.padding ?? 0 }, (_, i) => ({ name: `PAD_${i}`, value: `${CANARY}-${'x'.repeat(64)}` })),
    ...secrets
      .filter((s) => s.envVar)
      .map((s) => ({ name: s.envVar!, valueFrom: { secretKeyRef: { name: s.name, key: s.key ?? '' } } })),
    ...(p.egressSecret ? [{ name: 'PACHYDERM_SQL_PASSWORD', valueFrom: { secretKeyRef: { ...p.egressSecret } } }] : []),
  ];
  const mounted = secrets.filter((s) => s.mountPath);
  // Built untyped, as the API sends it: the model's types name only what it reads.
  const spec = {
    initContainers: [{ name: 'init', volumeMounts: [{ name: 'pach-bin', mountPath: '/pach-bin' }] }],
    containers: [
      {
        name: 'user',
        env: userEnv,
        volumeMounts: [
          ...mounted.map((s) => ({ name: s.name, mountPath: s.mountPath! })),
          { name: 'pach-bin', mountPath: '/pach-bin' },
          { name: 'pachyderm-worker', mountPath: '/pfs' },
        ],
      },
      {
        name: 'storage',
        env: [
          {
            name: 'POSTGRES_PASSWORD',
            valueFrom: { secretKeyRef: { name: 'postgres', key: 'postgresql-password' } },
          },
        ],
        envFrom: [{ secretRef: { name: 'pachyderm-storage-secret' } }],
        volumeMounts: [{ name: 'pachyderm-storage-secret', mountPath: '/pachyderm-storage-secret' }],
      },
    ],
    volumes: [
      ...mounted.map((s) => ({ name: s.name, secret: { secretName: s.name } })),
      { name: 'pach-bin', emptyDir: {} },
      { name: 'pachyderm-worker', emptyDir: {} },
      { name: 'pachyderm-storage-secret', secret: { secretName: 'pachyderm-storage-secret' } },
    ],
    imagePullSecrets: (p.imagePullSecrets ?? []).map((name) => ({ name })),
  };
  return spec;
}

export function rcOf(p: PipelineFixture): ReplicationControllerObject {
  const labels = labelsOf(p);
  const annotations = annotationsOf(p);
  return {
    metadata: { name: rcName(p), namespace: 'pach', labels, annotations, uid: `rc-${rcName(p)}` },
    spec: { replicas: 1, template: { metadata: { name: rcName(p), labels, annotations }, spec: podSpecOf(p) } },
  };
}

export type PodStatus = NonNullable<PodObject['status']>;

export const RUNNING: PodStatus = {
  phase: 'Running',
  containerStatuses: [
    { name: 'user', state: { running: {} } },
    { name: 'storage', state: { running: {} } },
  ],
};

export function waiting(reason: string, message: string, container = 'user'): PodStatus {
  return { phase: 'Pending', containerStatuses: [{ name: container, state: { waiting: { reason, message } } }] };
}

/** A pod whose volumes are not set up yet: kubelet says `ContainerCreating`, which pachd does not count. */
export const CREATING: PodStatus = waiting('ContainerCreating', '');

export function podOf(p: PipelineFixture, suffix: string, status: PodStatus = RUNNING): PodObject {
  const name = `${rcName(p)}-${suffix}`;
  return {
    metadata: {
      name,
      namespace: 'pach',
      uid: `uid-${name}`,
      labels: labelsOf(p),
      annotations: annotationsOf(p),
      ownerReferences: [{ kind: 'ReplicationController', name: rcName(p) }],
    },
    spec: podSpecOf(p),
    status,
  };
}

export function eventOf(pod: PodObject, reason: string, message: string, at = '2026-12-05T08:00:00Z'): EventObject {
  const podName = pod.metadata!.name!;
  return {
    metadata: { name: `${podName}.${reason}.${at}`, namespace: 'pach' },
    involvedObject: { kind: 'Pod', name: podName, namespace: 'pach', uid: pod.metadata!.uid },
    reason,
    message,
    type: 'Warning',
    firstTimestamp: at,
    lastTimestamp: at,
  };
}
