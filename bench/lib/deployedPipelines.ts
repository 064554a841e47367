/**
 * Deterministic deployed pipelines for bench rows 12 and 13: pipeline specs the local cluster deploys as pachd
 * would (worker RCs and their pods, tools/local-cluster/pachdWorkers.ts), and the secrets they use.
 *
 * Every pipeline uses the same kinds of secrets: two keys as env vars, a secret mounted as a volume, an image pull
 * secret on every other one, and pachd's own (Postgres password, storage secret). One in a hundred names a key
 * its secret lacks, so some pods fail with CreateContainerConfigError and the model keeps failures too.
 *
 * `padded` makes each pod spec about ten times larger with what grows a real one and names no secret: many plain
 * env vars (`transform.env`) and large annotations (`metadata.annotations`, which pachd copies to the pods). The
 * secret uses stay exactly the same.
 */
import { generatedSecrets, keyName, secretName, type GeneratedSecret } from './specs';

/** What `npm run local-cluster -- --pipelines FILE` reads. */
export interface PipelinesFile {
  namespace: string;
  pipelines: Array<{ spec: Record<string, unknown>; version: number; replicas: number }>;
}

const USER_SECRETS = 20;
const PADDED_ENV_VARS = 60;
const PADDED_ANNOTATION_BYTES = 15 * 1024;

function filler(i: number, bytes: number): string {
  const word = `pipeline-${i}-configuration-`;
  return word.repeat(Math.ceil(bytes / word.length)).slice(0, bytes);
}

function padding(i: number): { env: Record<string, string>; metadata: Record<string, unknown> } {
  const env: Record<string, string> = {};
  for (let j = 0; j < PADDED_ENV_VARS; j++) env[`SETTING_${j}`] = filler(i + j, 120);
  const metadata = {
    annotations: {
      'example.com/lineage': filler(i, PADDED_ANNOTATION_BYTES / 2),
      'example.com/owners': filler(i + 1, PADDED_ANNOTATION_BYTES / 2),
    },
  };
  return { env, metadata };
}

function pipelineSpec(i: number, padded: boolean): Record<string, unknown> {
  const first = secretName(i % USER_SECRETS);
  const second = secretName((i + 7) % USER_SECRETS);
  // One pipeline in a hundred reads a key its secret lacks: its pods fail as kubelet reports it.
  const key = i % 100 === 99 ? 'KEY_MISSING' : keyName(1);
  const pad = padded ? padding(i) : undefined;
  return {
    pipeline: { name: `pipe-${i.toString().padStart(4, '0')}`, ...(i % 2 ? { project: { name: 'etl' } } : {}) },
    ...(pad ? { metadata: pad.metadata } : {}),
    input: { pfs: { repo: `raw-${i % 13}`, glob: '/*' } },
    transform: {
      image: i % 2 ? 'registry.example.com/etl/step:2.3' : 'python:3.11-slim',
      cmd: ['python3', '/app/step.py'],
      ...(pad ? { env: pad.env } : {}),
      ...(i % 2 ? { imagePullSecrets: ['regcred'] } : {}),
      secrets: [
        { name: first, key: keyName(0), envVar: 'API_TOKEN' },
        { name: first, key, envVar: 'API_SECRET' },
        { name: second, mountPath: '/secrets/store' },
      ],
    },
  };
}

/** `count` pipelines of three worker pods each, in namespace `default`. */
export function deployedPipelines(count: number, padded: boolean, replicas = 3): PipelinesFile {
  const pipelines = [];
  for (let i = 0; i < count; i++) pipelines.push({ spec: pipelineSpec(i, padded), version: 1 + (i % 3), replicas });
  return { namespace: 'default', pipelines };
}

/** The secrets the pipelines use, pachd's own included, so the workers run (but the one in a hundred). */
export function deployedSecrets(): GeneratedSecret[] {
  const meta = (name: string) => ({ name, namespace: 'default', creationTimestamp: '2026-01-01T00:00:00Z' });
  const opaque = (name: string, data: Record<string, string>): GeneratedSecret => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: meta(name),
    type: 'Opaque',
    data,
  });
  return [
    ...generatedSecrets(USER_SECRETS, 4, 32),
    opaque('postgres', { 'postgresql-password': Buffer.from('bench-postgres').toString('base64') }),
    opaque('pachyderm-storage-secret', { 'minio-secret': Buffer.from('bench-storage').toString('base64') }),
  ];
}
