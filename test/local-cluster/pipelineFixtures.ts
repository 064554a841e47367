/**
 * Pipeline specs of our own for the deployed-pipeline tests, shaped as `pachctl create pipeline` reads them, and
 * the secrets they need. Values are canaries: no test output may contain them.
 */
import type { PipelineDeployment } from '../../tools/local-cluster/index';

export const CANARY = 'canary-value-7f3e';

/** A pipeline in project `vision` reading one key as an env var, mounting a secret and pulling with regcred. */
export const EDGES: PipelineDeployment = {
  spec: {
    pipeline: { name: 'edges', project: { name: 'vision' } },
    transform: {
      image: 'registry.example.com/vision/edges:1.4',
      cmd: ['python3', '/edges.py'],
      secrets: [
        { name: 'tracker', key: 'api-token', env_var: 'TRACKER_TOKEN' },
        { name: 'model-store', mount_path: '/var/model-store' },
      ],
      image_pull_secrets: ['regcred'],
    },
    parallelism_spec: { constant: 2 },
  },
};

/** A pipeline without a project (pachd names its RC `pipeline-<name>-v<version>`), camelCase fields. */
export const REPORT: PipelineDeployment = {
  spec: {
    pipeline: { name: 'daily_report' },
    transform: { image: 'python:3.12', secrets: [{ name: 'tracker', key: 'api-token', envVar: 'TOKEN' }] },
    egress: { sql_database: { url: 'snowflake://x', secret: { name: 'warehouse', key: 'password' } } },
  },
  version: 7,
};

/** A spout: pachd mounts its own pachctl secret into it. */
export const INGEST: PipelineDeployment = {
  spec: {
    pipeline: { name: 'ingest', project: { name: 'vision' } },
    transform: { image: 'alpine:3.20', cmd: ['/ingest'] },
    spout: {},
  },
};

const opaque = (name: string, keys: string[]): Record<string, unknown> => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name },
  stringData: Object.fromEntries(keys.map((k) => [k, `${CANARY}-${name}-${k}`])),
});

/** The secrets the fixtures use, pachd's own included, as a seed List. */
export const PIPELINE_SECRETS = {
  kind: 'List',
  items: [
    opaque('tracker', ['api-token']),
    opaque('model-store', ['weights.bin']),
    opaque('warehouse', ['password']),
    opaque('postgres', ['postgresql-password']),
    opaque('pachyderm-storage-secret', ['MINIO_ACCESS_KEY', 'MINIO_SECRET_KEY']),
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'regcred' },
      type: 'kubernetes.io/dockerconfigjson',
      stringData: { '.dockerconfigjson': JSON.stringify({ auths: { 'registry.example.com': { auth: CANARY } } }) },
    },
  ],
};
