/**
 * Deterministic pipeline specs and catalogs for the benchmarks: a typical spec of about 40 lines
 * (secrets as env var and as mount, an image pull secret, an egress SQL secret), and files of many such specs
 * in JSON (documents separated by `---`) and YAML.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { stringify as toYaml } from 'yaml';
import { prng, pick } from '../../test/support/random';

export interface GeneratedSecret {
  apiVersion: 'v1';
  kind: 'Secret';
  metadata: { name: string; namespace: string; labels?: Record<string, string>; creationTimestamp: string };
  type: string;
  data: Record<string, string>;
}

const repos = ['images', 'logs', 'customers', 'events', 'models', 'raw'];
const images = ['python:3.11-slim', 'pachyderm/opencv:1.0', 'ubuntu:22.04', 'ghcr.io/acme/etl:2.3.1'];

export function secretName(i: number): string {
  return `app-secret-${i.toString().padStart(5, '0')}`;
}

export function keyName(j: number): string {
  return `KEY_${j}`;
}

/** One spec object; secret references point at `secretName(0..secretCount-1)` keys `KEY_0..KEY_7`. */
export function specObject(i: number, rand: () => number, secretCount: number): Record<string, unknown> {
  const s = () => secretName(Math.floor(rand() * secretCount));
  return {
    pipeline: { name: `pipeline-${i}` },
    input: { pfs: { repo: pick(rand, repos), glob: '/*', branch: 'master' } },
    transform: {
      image: pick(rand, images),
      cmd: ['python3', '/app/main.py'],
      env: { LOG_LEVEL: 'info', WORKERS: '4' },
      secrets: [
        { name: s(), key: keyName(Math.floor(rand() * 8)), envVar: 'DB_PASSWORD' },
        { name: s(), key: keyName(Math.floor(rand() * 8)), envVar: 'API_TOKEN' },
        { name: s(), mountPath: '/var/secrets/app' },
      ],
      imagePullSecrets: ['regcred'],
    },
    datumTries: 3,
    egress: {
      sqlDatabase: {
        url: 'postgresql://app@db.example.com:5432/warehouse',
        fileFormat: { type: 'CSV' },
        secret: { name: s(), key: keyName(0) },
      },
    },
  };
}

export function typicalSpecJson(secretCount = 100): string {
  return JSON.stringify(specObject(0, prng(1), secretCount), null, 2) + '\n';
}

export function typicalSpecYaml(secretCount = 100): string {
  return toYaml(specObject(0, prng(1), secretCount));
}

export function manySpecsJson(count: number, secretCount = 100, seed = 7): string {
  const rand = prng(seed);
  const docs: string[] = [];
  for (let i = 0; i < count; i++) docs.push(JSON.stringify(specObject(i, rand, secretCount), null, 2));
  return docs.join('\n---\n') + '\n';
}

export function manySpecsYaml(count: number, secretCount = 100, seed = 7): string {
  const rand = prng(seed);
  const docs: string[] = [];
  for (let i = 0; i < count; i++) docs.push(toYaml(specObject(i, rand, secretCount)));
  return docs.join('---\n');
}

/**
 * A workspace of `count` spec files, one spec each, in 40 team folders, JSON and YAML alternating; their references
 * point at `secretName(0..secretCount-1)`. Returns the files' paths.
 */
export function writeSpecWorkspace(dir: string, count: number, secretCount: number, seed = 11): string[] {
  const rand = prng(seed);
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const folder = path.join(dir, `team-${i % 40}`);
    mkdirSync(folder, { recursive: true });
    const spec = specObject(i, rand, secretCount);
    const json = i % 2 === 0;
    const file = path.join(folder, `p${i}.pipeline.${json ? 'json' : 'yaml'}`);
    writeFileSync(file, json ? JSON.stringify(spec, null, 2) + '\n' : toYaml(spec));
    files.push(file);
  }
  return files;
}

/** `count` Opaque secrets with `keys` keys of `valueBytes` bytes each, plus a registry credential `regcred`. */
export function generatedSecrets(count: number, keys: number, valueBytes: number, seed = 3): GeneratedSecret[] {
  const rand = prng(seed);
  const out: GeneratedSecret[] = [];
  for (let i = 0; i < count; i++) {
    const data: Record<string, string> = {};
    for (let j = 0; j < keys; j++) {
      const buf = Buffer.alloc(valueBytes);
      for (let b = 0; b < valueBytes; b++) buf[b] = 97 + Math.floor(rand() * 26);
      data[keyName(j)] = buf.toString('base64');
    }
    out.push({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: secretName(i),
        namespace: 'default',
        labels: i % 3 === 0 ? { suite: 'pachyderm', 'secret-source': 'pachyderm-user' } : undefined,
        creationTimestamp: '2026-01-01T00:00:00Z',
      },
      type: 'Opaque',
      data,
    });
  }
  out.push({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'regcred', namespace: 'default', creationTimestamp: '2026-01-01T00:00:00Z' },
    type: 'kubernetes.io/dockerconfigjson',
    data: { '.dockerconfigjson': Buffer.from('{"auths":{}}').toString('base64') },
  });
  return out;
}
