/**
 * The worker ReplicationController pachd creates for a pipeline, built from a pipeline spec the way pachd builds
 * it (pachyderm/pachyderm at 2.12, src/server/pps/server/worker_rc.go: getWorkerOptions, workerPodSpec and
 * createWorkerSvcAndRc). Only what a reader of secret uses or failures meets is modelled with care: names, labels,
 * annotations, the two containers, every secret reference and where pachd puts it. Resource requests, security
 * contexts and most plain environment variables are left out.
 */
import { badRequest } from './status';
import { isPlainObject, type K8sObject } from './objects';

type Json = Record<string, unknown>;

/** What to deploy: a pipeline spec as `pachctl create pipeline` reads it (snake_case or camelCase fields). */
export interface PipelineDeployment {
  spec: Json;
  /** The pipeline version pachd gives each update (default 1). */
  version?: number;
  /** Worker pods (default: the spec's `parallelism_spec.constant`, else 1). */
  replicas?: number;
  /**
   * Labels as pachd 2.0–2.2 wrote them: `app=<rc name>` instead of `app=pipeline` and the version label (tags v2.0.0
   * to v2.2.0, worker_rc.go `labels(rcName)`; pachd's `rcPods` still falls back to it for "pre-2.4–style pods").
   */
  legacyLabels?: boolean;
  /**
   * Whether the workers use pachd's own secrets (its Postgres password, `pachyderm-storage-secret`), as every real
   * worker does (default true). Off, a test needs no platform secrets in the cluster.
   */
  platformSecrets?: boolean;
  /** The user image's registry refuses anonymous pulls: without a usable image pull secret the pull fails. */
  privateImage?: boolean;
}

export const PACH_VERSION = '2.12.0';
export const WORKER_IMAGE = `pachyderm/worker:${PACH_VERSION}`;
export const SIDECAR_IMAGE = `pachyderm/pachd:${PACH_VERSION}`;
/** api_server.go DefaultUserImage. */
const DEFAULT_USER_IMAGE = 'ubuntu:20.04';
/** The reference pachd copies from its own pod for POSTGRES_PASSWORD (the Helm chart's default). */
export const POSTGRES_SECRET = { name: 'postgres', key: 'postgresql-password' };
/** client.StorageSecretName. */
export const STORAGE_SECRET = 'pachyderm-storage-secret';

const field = (o: Json | undefined, snake: string, camel: string): unknown => o?.[snake] ?? o?.[camel];
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

interface SecretUse {
  name: string;
  key: string;
  envVar: string;
  mountPath: string;
}

/** The fields of the spec the workers depend on, checked enough that a bad one is a clear 400. */
function readSpec(spec: Json): {
  project: string;
  name: string;
  image: string;
  env: Record<string, string>;
  secrets: SecretUse[];
  pullSecrets: string[];
  egressSecret?: { name: string; key: string };
  spout: boolean;
  parallelism?: number;
} {
  const pipeline = spec.pipeline as Json | undefined;
  const name = text(pipeline?.name);
  if (!name) throw badRequest('a pipeline spec needs pipeline.name');
  const transform = (isPlainObject(spec.transform) ? spec.transform : {}) as Json;
  const secrets = ((transform.secrets as Json[] | undefined) ?? []).map((s) => ({
    name: text(s.name),
    key: text(s.key),
    envVar: text(field(s, 'env_var', 'envVar')),
    mountPath: text(field(s, 'mount_path', 'mountPath')),
  }));
  const egressSecret = (field(spec.egress as Json | undefined, 'sql_database', 'sqlDatabase') as Json | undefined)
    ?.secret as { name: string; key: string } | undefined;
  const parallelism = (field(spec, 'parallelism_spec', 'parallelismSpec') as Json | undefined)?.constant;
  return {
    project: text((pipeline?.project as Json | undefined)?.name),
    name,
    image: text(transform.image) || DEFAULT_USER_IMAGE,
    env: (transform.env as Record<string, string> | undefined) ?? {},
    secrets,
    pullSecrets: (field(transform, 'image_pull_secrets', 'imagePullSecrets') as string[] | undefined) ?? [],
    egressSecret,
    spout: spec.spout !== undefined && spec.spout !== null,
    parallelism: typeof parallelism === 'number' ? parallelism : undefined,
  };
}

/** ppsutil.PipelineRcName: `<project>-<pipeline>-v<version>`, `pipeline-<pipeline>-v<version>` without a project. */
export function pipelineRcName(project: string, pipeline: string, version: number): string {
  const clean = (s: string): string => s.replaceAll('_', '-').toLowerCase();
  return project ? `${clean(project)}-${clean(pipeline)}-v${version}` : `pipeline-${clean(pipeline)}-v${version}`;
}

/** api_server.go pipelineLabels (2.3 and later), or the 2.0–2.2 `labels(rcName)` plus pipelineName. */
function workerLabels(
  project: string,
  name: string,
  version: number,
  rcName: string,
  legacy: boolean,
): Record<string, string> {
  if (legacy) return { app: rcName, component: 'worker', pipelineName: name, suite: 'pachyderm' };
  return {
    app: 'pipeline',
    component: 'worker',
    pipelineName: name,
    ...(project ? { pipelineProject: project } : {}),
    pipelineVersion: String(version),
    suite: 'pachyderm',
  };
}

const secretKeyEnv = (name: string, secret: string, key: string): Json => ({
  name,
  valueFrom: { secretKeyRef: { name: secret, key } },
});
const secretVolume = (name: string, secretName: string): Json => ({ name, secret: { secretName } });
const emptyDir = (name: string): Json => ({ name, emptyDir: {} });

type Spec = ReturnType<typeof readSpec>;

/** getWorkerOptions: the user's env, and a volume and mount per transform.secrets entry with a mount path. */
function workerOptions(s: Spec): { userEnv: Json[]; volumes: Json[]; mounts: Json[] } {
  const userEnv: Json[] = Object.entries(s.env).map(([name, value]) => ({ name, value: String(value) }));
  const volumes: Json[] = [];
  const mounts: Json[] = [];
  for (const secret of s.secrets) {
    if (secret.mountPath) {
      // The volume is named after the secret (worker_rc.go), so the name must be a DNS label to mount.
      volumes.push(secretVolume(secret.name, secret.name));
      mounts.push({ name: secret.name, mountPath: secret.mountPath });
    }
    if (secret.envVar) userEnv.push(secretKeyEnv(secret.envVar, secret.name, secret.key));
  }
  volumes.push(emptyDir('pach-bin'), emptyDir('pachyderm-worker'));
  mounts.push({ name: 'pach-bin', mountPath: '/pach-bin' }, { name: 'pachyderm-worker', mountPath: '/pfs' });
  return { userEnv, volumes, mounts };
}

/** workerPodSpec's volumes and mounts: scratch space, pachd's storage secret, a spout's pachctl secret. */
function workerMounts(s: Spec, platform: boolean, volumes: Json[], mounts: Json[]): { user: Json[]; sidecar: Json[] } {
  volumes.push(emptyDir('pach-dir-volume'), emptyDir('user-tmp'), emptyDir('tmp'));
  const user = [...mounts, { name: 'pach-dir-volume', mountPath: '/pach' }, { name: 'user-tmp', mountPath: '/tmp' }];
  const sidecar: Json[] = [{ name: 'pach-dir-volume', mountPath: '/pach' }];
  if (platform) {
    // GetBackendSecretVolumeAndMount.
    const storageMount = { name: STORAGE_SECRET, mountPath: `/${STORAGE_SECRET}` };
    volumes.push(secretVolume(STORAGE_SECRET, STORAGE_SECRET));
    sidecar.push(storageMount);
    user.push(storageMount);
  }
  sidecar.push({ name: 'tmp', mountPath: '/tmp' });
  if (s.spout) {
    // getPachctlSecretVolumeAndMount: the secret pachd creates for a spout (spoutSecretName), mounted at /pachctl.
    volumes.push(secretVolume('pachyderm-pachctl-secret', spoutSecretName(s.project, s.name)));
    const pachctl = { name: 'pachyderm-pachctl-secret', mountPath: '/pachctl' };
    sidecar.push(pachctl);
    user.push(pachctl);
  }
  return { user, sidecar };
}

/** workerPodSpec: the init container, the user container and the storage sidecar, with their secret uses. */
function podSpec(s: Spec, d: PipelineDeployment): Json {
  const platform = d.platformSecrets !== false;
  const { userEnv, volumes, mounts } = workerOptions(s);
  // commonEnv: both containers read pachd's Postgres password through the reference pachd copies from its pod.
  const common: Json[] = platform ? [secretKeyEnv('POSTGRES_PASSWORD', POSTGRES_SECRET.name, POSTGRES_SECRET.key)] : [];
  const sidecarEnv: Json[] = [{ name: 'PORT', value: '1650' }, ...common];
  // getEgressSecretEnvVars: the egress database password goes to the sidecar, which does the egress.
  if (s.egressSecret) sidecarEnv.push(secretKeyEnv('PACHYDERM_SQL_PASSWORD', s.egressSecret.name, s.egressSecret.key));
  const { user: userMounts, sidecar: sidecarMounts } = workerMounts(s, platform, volumes, mounts);
  const pull = { imagePullPolicy: 'IfNotPresent', terminationMessagePolicy: 'File' };
  return {
    initContainers: [{ name: 'init', image: WORKER_IMAGE, command: ['/app/init'], ...pull, volumeMounts: mounts }],
    containers: [
      {
        name: 'user',
        image: s.image,
        command: ['/pach-bin/dumb-init', '--', '/pach-bin/worker'],
        ...pull,
        env: [...userEnv, { name: 'PACH_IN_WORKER', value: 'true' }, ...common],
        volumeMounts: userMounts,
        ports: [{ name: 'metrics-user', containerPort: 9090, protocol: 'TCP' }],
      },
      {
        name: 'storage',
        image: SIDECAR_IMAGE,
        command: ['/pachd', '--mode', 'sidecar'],
        ...pull,
        env: sidecarEnv,
        ...(platform ? { envFrom: [{ secretRef: { name: STORAGE_SECRET } }] } : {}),
        volumeMounts: sidecarMounts,
        ports: [{ name: 'metrics-storage', containerPort: 9092, protocol: 'TCP' }],
      },
    ],
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 0,
    serviceAccountName: 'pachyderm-worker',
    automountServiceAccountToken: true,
    volumes,
    // transform.image_pull_secrets, then pachd's own (its ImagePullSecrets setting, none here).
    ...(s.pullSecrets.length ? { imagePullSecrets: s.pullSecrets.map((name) => ({ name })) } : {}),
  };
}

/** worker_rc.go spoutSecretName. */
export const spoutSecretName = (project: string, pipeline: string): string =>
  project ? `spout-pachctl-secret-${project}-${pipeline}` : `spout-pachctl-secret-${pipeline}`;

export interface WorkerPlan {
  rc: K8sObject;
  replicas: number;
  /** For a spout: the secret pachd creates beside the RC (createWorkerPachctlSecret), with spoutLabels. */
  spoutSecret?: K8sObject;
}

/** The spec's `metadata.annotations`, string values only (a bad entry is a clear 400, as pachd refuses it). */
function userAnnotations(spec: Json): Record<string, string> {
  const annotations = (spec.metadata as Json | undefined)?.annotations;
  if (annotations === undefined || annotations === null) return {};
  if (!isPlainObject(annotations) || Object.values(annotations).some((v) => typeof v !== 'string'))
    throw badRequest('metadata.annotations must map names to strings');
  return annotations as Record<string, string>;
}

/** The RC pachd would create for this deployment (without namespace or server fields; the store adds them). */
export function workerPlan(d: PipelineDeployment): WorkerPlan {
  if (!isPlainObject(d?.spec)) throw badRequest('each deployment needs a pipeline spec in "spec"');
  const s = readSpec(d.spec);
  const version = d.version ?? 1;
  if (!Number.isInteger(version) || version < 1) throw badRequest('version must be a whole number >= 1');
  const replicas = d.replicas ?? s.parallelism ?? 1;
  if (!Number.isInteger(replicas) || replicas < 0) throw badRequest('replicas must be a whole number >= 0');
  const rcName = pipelineRcName(s.project, s.name, version);
  const labels = workerLabels(s.project, s.name, version, rcName, d.legacyLabels === true);
  const annotations = {
    // getWorkerOptions adds the spec's `metadata.annotations` where pachd has not set the name itself, so pachd's
    // own come after them here.
    ...userAnnotations(d.spec),
    pachVersion: PACH_VERSION,
    pipelineName: s.name,
    ...(s.project ? { pipelineProject: s.project } : {}),
    pipelineVersion: String(version),
    specCommit: `spec-${rcName}`,
  };
  const rc: K8sObject = {
    metadata: { name: rcName, labels, annotations },
    spec: {
      replicas,
      selector: labels,
      template: { metadata: { name: rcName, labels, annotations }, spec: podSpec(s, d) },
    },
  };
  if (!s.spout) return { rc, replicas };
  const spoutLabels = {
    app: 'spout',
    component: 'worker',
    pipelineName: s.name,
    ...(s.project ? { pipelineProject: s.project } : {}),
    suite: 'pachyderm',
  };
  const spoutSecret = {
    metadata: { name: spoutSecretName(s.project, s.name), labels: spoutLabels },
    stringData: { 'config.json': '{"v2":{"active_context":"spout"}}' },
  };
  return { rc, replicas, spoutSecret };
}
