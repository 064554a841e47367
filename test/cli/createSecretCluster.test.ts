/**
 * `pachyderm-secrets create secret` sending to a cluster (the project's local Kubernetes API server), run as
 * users run it: the built CLI. Without --dry-run it creates like `pachctl create secret` (labels, replace on 409);
 * --dry-run=server asks the API server and stores nothing.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { startTestCluster, type TestCluster } from '../local-cluster/helpers';
import { FORBIDDEN_CONTEXT } from '../../tools/local-cluster';
import { builtCli } from '../corpus/paths';

const VALUE = 'typed-on-the-command-line';
let cluster: TestCluster;

before(async () => {
  cluster = await startTestCluster();
});

after(() => cluster?.dispose());

/** Asynchronous: the API server runs in this process, so a synchronous child would block it. */
function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [builtCli(), 'create', 'secret', ...args], { env: { ...process.env, KUBECONFIG: '' }, cwd: cluster.dir }, (e, out, err) => {
      resolve({ code: e ? Number((e as { code?: number }).code ?? 1) : 0, out, err });
    });
  });
}

const target = () => ['--kubeconfig', cluster.kubeconfigPath, '--context', 'local', '-n', 'default'];

async function read(name: string) {
  return cluster.core().readNamespacedSecret({ name, namespace: 'default' });
}

async function exists(name: string): Promise<boolean> {
  try {
    await read(name);
    return true;
  } catch {
    return false;
  }
}

test('without --dry-run the secret is created with pachctl’s labels and kubectl’s data', async () => {
  const r = await cli('generic', 'cli-made', `--from-literal=password=${VALUE}`, ...target());
  assert.deepEqual([r.code, r.out, r.err], [0, 'secret/cli-made created\n', '']);
  const s = await read('cli-made');
  assert.equal(s.metadata?.labels?.suite, 'pachyderm');
  assert.equal(s.metadata?.labels?.['secret-source'], 'pachyderm-user');
  assert.equal(Buffer.from(s.data!.password, 'base64').toString(), VALUE);
});

test('creating a secret that exists replaces it, as pachctl create secret does', async () => {
  await cli('generic', 'cli-replaced', '--from-literal=a=1', ...target());
  const r = await cli('generic', 'cli-replaced', '--from-literal=b=2', ...target());
  assert.deepEqual([r.code, r.out], [0, 'secret/cli-replaced replaced\n']);
  assert.deepEqual(Object.keys((await read('cli-replaced')).data ?? {}), ['b']);
});

test('--dry-run=server prints what the API server made of it and stores nothing', async () => {
  const r = await cli('docker-registry', 'cli-dry', '--docker-username=u', `--docker-password=${VALUE}`, '--dry-run=server', '-o', 'json', ...target());
  assert.equal(r.code, 0, r.err);
  const obj = JSON.parse(r.out);
  assert.equal(obj.kind, 'Secret');
  assert.equal(obj.metadata.name, 'cli-dry');
  assert.equal(obj.metadata.labels['secret-source'], 'pachyderm-user');
  assert.equal(obj.type, 'kubernetes.io/dockerconfigjson');
  assert.equal(await exists('cli-dry'), false);
  const plain = await cli('generic', 'cli-dry2', '--dry-run=server', ...target());
  assert.deepEqual([plain.code, plain.out], [0, 'secret/cli-dry2 created (server dry run)\n']);
  assert.equal(await exists('cli-dry2'), false);
});

test('a context that may not create secrets fails with the reason and no value', async () => {
  const restricted = FORBIDDEN_CONTEXT;
  const r = await cli('generic', 'cli-forbidden', `--from-literal=k=${VALUE}`, '--kubeconfig', cluster.kubeconfigPath, '--context', restricted, '-n', 'default');
  assert.equal(r.code, 1);
  assert.match(r.err, /^error: .*403 Forbidden/);
  assert.ok(!r.err.includes(VALUE) && !r.out.includes(VALUE));
  assert.equal(await exists('cli-forbidden'), false);
});

test('bad input is rejected before the cluster is asked, with kubectl’s message', async () => {
  const r = await cli('generic', 'cli-bad', '--from-literal=bad key=v', ...target());
  assert.equal(r.code, 1);
  assert.match(r.err, /^error: "bad key" is not valid key name for a Secret/);
  assert.equal(await exists('cli-bad'), false);
});

test('--dry-run=client needs no cluster at all', async () => {
  const r = await cli('generic', 'offline', '--from-literal=a=b', '--dry-run=client', '-o', 'name', '--kubeconfig', '/nonexistent/kubeconfig');
  assert.deepEqual([r.code, r.out, r.err], [0, 'secret/offline\n', '']);
});

test('no kubeconfig: creating says where it looked', async () => {
  const r = await cli('generic', 'nowhere', '--from-literal=a=b', '--kubeconfig', '/nonexistent/kubeconfig');
  assert.equal(r.code, 1);
  assert.match(r.err, /^error: No kubeconfig found \(looked for \/nonexistent\/kubeconfig\)/);
});
