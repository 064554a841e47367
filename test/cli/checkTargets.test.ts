/** `check --context A --context B …`: the first context is the main target, the others extra targets (PS070). */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { startTestCluster, type TestCluster } from '../local-cluster/helpers';
import { withContexts } from '../../tools/local-cluster';
import { builtCli } from '../corpus/paths';
import { CHECK_EXIT } from '../../cli/src/check';

const VALUE = 'target-side-secret-value';
let cluster: TestCluster;
let kubeconfig: string;
let spec: string;

/** A port nothing listens on: one the OS just gave out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

before(async () => {
  const secret = (name: string, namespace: string, keys: string[]) => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace },
    type: 'Opaque',
    data: Object.fromEntries(keys.map((k) => [k, Buffer.from(VALUE).toString('base64')])),
  });
  cluster = await startTestCluster({
    seed: {
      apiVersion: 'v1',
      kind: 'List',
      items: [
        secret('db', 'dev', ['password', 'user']),
        secret('aws', 'dev', ['id']),
        secret('db', 'prod', ['user']),
        secret('db', 'stage', ['password', 'user']),
        secret('aws', 'stage', ['id']),
      ],
    },
  });
  kubeconfig = join(cluster.dir, 'targets-kubeconfig');
  const down = `https://127.0.0.1:${await closedPort()}`;
  writeFileSync(
    kubeconfig,
    withContexts(cluster.kubeconfig, [
      { name: 'dev-ctx', namespace: 'dev' },
      { name: 'prod-ctx', namespace: 'prod' },
      { name: 'stage-ctx', namespace: 'stage' },
      { name: 'down-ctx', namespace: 'prod', server: down },
      { name: 'insecure-ctx', namespace: 'prod', server: cluster.url },
    ]),
  );
  // The insecure context's own cluster entry (no CA) skips TLS verification.
  const config = parse(readFileSync(kubeconfig, 'utf8')) as { clusters: { name: string; cluster: object }[] };
  const insecure = config.clusters.find((c) => c.name === 'insecure-ctx-cluster')!;
  insecure.cluster = { ...insecure.cluster, 'insecure-skip-tls-verify': true };
  writeFileSync(kubeconfig, stringify(config));
  spec = join(cluster.dir, 'p.pipeline.json');
  const transform = {
    image: 'i',
    secrets: [
      { name: 'db', key: 'password', envVar: 'PW' },
      { name: 'aws', mountPath: '/aws' },
    ],
  };
  writeFileSync(spec, JSON.stringify({ pipeline: { name: 'p' }, transform }, null, 2));
});

after(() => cluster?.dispose());

/** Asynchronous: the API server runs in this process, so a synchronous child would block it. */
function check(...contexts: string[]): Promise<{ code: number; out: string; err: string }> {
  const args = ['check', '--kubeconfig', kubeconfig, ...contexts.flatMap((c) => ['--context', c]), spec];
  return new Promise((resolve) => {
    execFile(process.execPath, [builtCli(), ...args], { env: { ...process.env, KUBECONFIG: '' } }, (e, out, err) => {
      resolve({ code: e ? Number((e as { code?: number }).code ?? 1) : 0, out, err });
    });
  });
}

test('an extra context lacking a secret or a key gets PS070 naming it; the main context decides the rest', async () => {
  const r = await check('dev-ctx', 'prod-ctx', 'stage-ctx');
  assert.equal(r.err, '');
  assert.equal(r.code, CHECK_EXIT.clean, 'PS070 is a warning');
  const lines = r.out.trim().split('\n');
  assert.deepEqual(
    lines.map((l) => l.replace(/^.*?: warning /, '')),
    [
      'PS070 Key `password` of secret `db` does not exist in target `prod-ctx` (context prod-ctx, namespace prod)',
      'PS070 Secret `aws` does not exist in target `prod-ctx` (context prod-ctx, namespace prod)',
    ],
  );
  assert.ok(!r.out.includes(VALUE));
});

test('a target that is down is said once on stderr, the others are still checked, and the run exits 3', async () => {
  const r = await check('dev-ctx', 'down-ctx', 'prod-ctx');
  assert.equal(r.code, CHECK_EXIT.failure);
  const said = r.err.trim().split('\n');
  assert.equal(said.length, 1, r.err);
  assert.match(said[0], /cannot read the secrets of target down-ctx \(context down-ctx, namespace prod\), not checked/);
  assert.deepEqual(
    r.out
      .trim()
      .split('\n')
      .map((l) => /PS070 .* target `([^`]+)`/.exec(l)?.[1]),
    ['prod-ctx', 'prod-ctx'],
  );
});

test('with one context, no PS070: the main target alone is checked as before', async () => {
  const r = await check('prod-ctx');
  assert.equal(r.code, CHECK_EXIT.findings);
  assert.match(r.out, /PS003/);
  assert.doesNotMatch(r.out, /PS070/);
});

test('a context given more than once is read once and said once, so no PS070 is reported twice', async () => {
  const r = await check('dev-ctx', 'prod-ctx', 'prod-ctx', 'dev-ctx', 'prod-ctx');
  assert.equal(r.code, CHECK_EXIT.clean);
  assert.deepEqual(r.err.trim().split('\n'), [
    'pachyderm-secrets check: --context prod-ctx is given more than once: read once',
    'pachyderm-secrets check: --context dev-ctx is given more than once: read once',
  ]);
  assert.equal(r.out.trim().split('\n').length, 2, r.out);
});

test('an empty --context among several is a usage error, not the current context labelled ``', async () => {
  const r = await check('dev-ctx', '');
  assert.equal(r.code, CHECK_EXIT.input);
  assert.match(r.err, /--context must name a context when it is given more than once/);
  assert.equal(r.out, '');
});

test('a main target that cannot be read is named with its context, and so is every extra one', async () => {
  const r = await check('down-ctx', 'nope-ctx', 'prod-ctx');
  assert.equal(r.code, CHECK_EXIT.failure);
  const said = r.err.trim().split('\n');
  assert.equal(said.length, 2, r.err);
  assert.match(said[0], /cannot read the cluster's secrets \(context down-ctx, namespace prod\): Cannot reach/);
  assert.match(said[1], /cannot read the secrets of target nope-ctx .*: Context "nope-ctx" is not in the kubeconfig/);
  assert.equal(r.out, '');
});

test('with several contexts, the warning about a context that skips TLS verification names it', async () => {
  const r = await check('dev-ctx', 'insecure-ctx');
  assert.equal(r.code, CHECK_EXIT.clean);
  assert.match(
    r.err,
    /^pachyderm-secrets check: warning: context insecure-ctx, namespace prod: The kubeconfig sets insecure-skip-tls/,
  );
  assert.equal(r.err.trim().split('\n').length, 1, r.err);
  assert.match(r.out, /target `insecure-ctx`/);
});
