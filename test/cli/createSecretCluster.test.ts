/**
 * `pachyderm-secrets create secret` sending to a cluster (the project's local Kubernetes API server), run as
 * users run it: the built CLI. Without --dry-run it creates like `pachctl create secret` (labels; an existing
 * secret is refused as kubectl refuses it unless --replace, and a platform secret also needs --allow-platform-secret);
 * --dry-run=server asks the API server and stores nothing.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kubectl, startTestCluster, type TestCluster } from '../local-cluster/helpers';
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
    execFile(
      process.execPath,
      [builtCli(), 'create', 'secret', ...args],
      { env: { ...process.env, KUBECONFIG: '' }, cwd: cluster.dir },
      (e, out, err) => {
        resolve({ code: e ? Number((e as { code?: number }).code ?? 1) : 0, out, err });
      },
    );
  });
}

const target = () => ['--kubeconfig', cluster.kubeconfigPath, '--context', 'local', '-n', 'default'];

/** The real kubectl against the same namespace. */
const theirKubectl = (...args: string[]) => kubectl(cluster, ['--context', 'local', '-n', 'default', ...args]);
const kubectlRead = async (name: string) =>
  JSON.parse((await theirKubectl('get', 'secret', name, '-o', 'json')).stdout);

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

test('creating a secret that exists is refused with kubectl’s message, and the secret is kept', async () => {
  await cli('generic', 'cli-existing', '--from-literal=a=1', ...target());
  const r = await cli('generic', 'cli-existing', '--from-literal=b=2', ...target());
  const theirs = await theirKubectl('create', 'secret', 'generic', 'cli-existing', '--from-literal=b=2');
  assert.equal(theirs.code, 1);
  assert.equal(r.code, 1);
  // kubectl's own line first, then how to replace it.
  assert.equal(r.err, theirs.stderr + 'Add --replace to replace it.\n');
  assert.equal(r.out, '');
  assert.deepEqual(Object.keys((await kubectlRead('cli-existing')).data), ['a']);
});

test('--replace replaces an existing secret, and kubectl reads the new keys', async () => {
  await cli('generic', 'cli-replaced', '--from-literal=a=1', ...target());
  const r = await cli('generic', 'cli-replaced', '--from-literal=b=2', '--replace', ...target());
  assert.deepEqual([r.code, r.out, r.err], [0, 'secret/cli-replaced replaced\n', '']);
  const got = await kubectlRead('cli-replaced');
  assert.deepEqual(Object.keys(got.data), ['b']);
  assert.equal(got.metadata.labels['secret-source'], 'pachyderm-user');
});

test('a platform secret of the Helm chart is replaced only with --replace --allow-platform-secret', async () => {
  // As the chart makes it: Helm's labels, the chart's keys.
  await cluster.core().createNamespacedSecret({
    namespace: 'default',
    body: {
      metadata: { name: 'postgres', labels: { 'app.kubernetes.io/managed-by': 'Helm' } },
      data: { 'postgresql-password': Buffer.from('chart-made').toString('base64') },
    },
  });

  const plain = await cli('generic', 'postgres', '--from-literal=other=x', ...target());
  assert.equal(plain.code, 1);
  assert.equal(
    plain.err,
    'error: failed to create secret secrets "postgres" already exists\n' +
      '"postgres" is a platform secret of the Pachyderm Helm chart (PostgreSQL password). ' +
      'Replacing it can stop pachd or its database, auth or storage from working.\n' +
      'Add --replace --allow-platform-secret to replace it.\n',
  );
  const once = await cli('generic', 'postgres', '--from-literal=other=x', '--replace', ...target());
  assert.equal(once.code, 1);
  assert.match(
    once.err,
    /^error: not replacing secret "postgres": it is a platform secret of the Pachyderm Helm chart \(/,
  );
  assert.match(once.err, /Add --allow-platform-secret as well as --replace to replace it anyway\.\n$/);
  const untouched = await kubectlRead('postgres');
  assert.deepEqual(Object.keys(untouched.data), ['postgresql-password']);
  assert.equal(untouched.metadata.labels['app.kubernetes.io/managed-by'], 'Helm');

  const twice = await cli(
    'generic',
    'postgres',
    '--from-literal=postgresql-password=new',
    '--replace',
    '--allow-platform-secret',
    ...target(),
  );
  assert.deepEqual([twice.code, twice.out, twice.err], [0, 'secret/postgres replaced\n', '']);
  assert.equal(Buffer.from((await kubectlRead('postgres')).data['postgresql-password'], 'base64').toString(), 'new');
});

test('--allow-platform-secret alone, and --replace with --dry-run, are refused before asking the cluster', async () => {
  const alone = await cli('generic', 'cli-alone', '--from-literal=a=1', '--allow-platform-secret', ...target());
  assert.deepEqual([alone.code, alone.err], [1, 'error: --allow-platform-secret only applies with --replace\n']);
  const dry = await cli('generic', 'cli-alone', '--from-literal=a=1', '--replace', '--dry-run=server', ...target());
  assert.deepEqual([dry.code, dry.err], [1, 'error: --replace applies only when creating, not with --dry-run\n']);
  assert.equal(await exists('cli-alone'), false);
});

test('the API server’s message echoing a name with ESC and CR reaches stderr neutralised', async () => {
  const r = await cli('generic', 'x\x1b[31m\ry', '--from-literal=a=1', ...target());
  assert.equal(r.code, 1);
  assert.doesNotMatch(r.err, /[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
  // The cluster layer may already have turned the CR into a space; the ESC reaches the CLI and is shown escaped.
  assert.ok(r.err.includes('x\\x1b[31m'), r.err);
});

test('--dry-run=server prints what the API server made of it and stores nothing', async () => {
  const r = await cli(
    'docker-registry',
    'cli-dry',
    '--docker-username=u',
    `--docker-password=${VALUE}`,
    '--dry-run=server',
    '-o',
    'json',
    ...target(),
  );
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
  const r = await cli(
    'generic',
    'cli-forbidden',
    `--from-literal=k=${VALUE}`,
    '--kubeconfig',
    cluster.kubeconfigPath,
    '--context',
    restricted,
    '-n',
    'default',
  );
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
  const r = await cli(
    'generic',
    'offline',
    '--from-literal=a=b',
    '--dry-run=client',
    '-o',
    'name',
    '--kubeconfig',
    '/nonexistent/kubeconfig',
  );
  assert.deepEqual([r.code, r.out, r.err], [0, 'secret/offline\n', '']);
});

test('no kubeconfig: creating says where it looked', async () => {
  const r = await cli('generic', 'nowhere', '--from-literal=a=b', '--kubeconfig', '/nonexistent/kubeconfig');
  assert.equal(r.code, 1);
  assert.match(r.err, /^error: No kubeconfig found \(looked for \/nonexistent\/kubeconfig\)/);
});

test('a cluster whose certificate is not verified still gets the secret, with a warning on stderr', async () => {
  const file = join(cluster.dir, 'insecure-without-ca');
  const kubeconfig = readFileSync(cluster.kubeconfigPath, 'utf8').replace(
    /^(\s+)certificate-authority-data: .*$/m,
    '$1insecure-skip-tls-verify: true',
  );
  assert.match(kubeconfig, /insecure-skip-tls-verify: true/);
  writeFileSync(file, kubeconfig);
  const r = await cli(
    'generic',
    'made-unverified',
    `--from-literal=password=${VALUE}`,
    '--kubeconfig',
    file,
    '--context',
    'local',
    '-n',
    'default',
  );
  assert.equal(r.code, 0);
  assert.equal(r.out, 'secret/made-unverified created\n');
  assert.match(
    r.err,
    /^warning: The kubeconfig sets insecure-skip-tls-verify for this cluster: its certificate is not checked/,
  );
  assert.ok(!r.err.includes(VALUE));
  assert.equal(Buffer.from((await read('made-unverified')).data!.password, 'base64').toString(), VALUE);
});
