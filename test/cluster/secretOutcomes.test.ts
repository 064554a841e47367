/**
 * The core operations the faces call return an Outcome (core/src/outcome) for every failure they can word: a
 * cluster that is down, a secret that vanished, a file pachd refuses. None of them throws for these, and no
 * message holds a value.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deleteSecret, readSecretKey, SecretsApi } from '../../core/src/catalog';
import { resolveTarget } from '../../core/src/kubeconfig';
import { serverDryRun } from '../../core/src/manifest';
import { secretJson, startCluster } from './clusterFixture';

const VALUE = 'hunter2-outcome-canary';

async function setup(t: { after(fn: () => unknown): void }) {
  const fx = await startCluster({ seed: { items: [secretJson('db', { password: VALUE })] } });
  t.after(() => fx.stop());
  const target = await resolveTarget({ kubeconfig: fx.kubeconfig }, {});
  assert.ok(target.ok);
  return { fx, api: await SecretsApi.open(target, 2000) };
}

test('a cluster that is down: read and delete resolve to a failure naming the cause, not a rejection', async (t) => {
  const { fx, api } = await setup(t);
  await fx.cluster.faults.down();
  const read = await readSecretKey(api, 'db', 'password');
  assert.equal(read.ok, false);
  assert.ok(!read.ok && read.problem.problem === 'unreachable', JSON.stringify(read));
  assert.match(read.ok ? '' : read.message, /^Cannot reach the cluster: ECONNREFUSED/);
  const deleted = await deleteSecret(api, 'db');
  assert.ok(!deleted.ok && deleted.problem.problem === 'unreachable');
});

test('a secret that vanished: its key cannot be read, and deleting it again says it is not found', async (t) => {
  const { api } = await setup(t);
  assert.deepEqual(await deleteSecret(api, 'db'), { ok: true, value: undefined });
  const read = await readSecretKey(api, 'db', 'password');
  assert.ok(!read.ok && read.problem.problem === 'not-found');
  const again = await deleteSecret(api, 'db');
  assert.ok(!again.ok && again.problem.problem === 'not-found' && /db/.test(again.message));
});

test("server dry run: pachd's refusal and the API server's both come back as a message, success as the object", async (t) => {
  const { fx, api } = await setup(t);
  const manifest = (labels: Record<string, string>) =>
    JSON.stringify({ kind: 'Secret', metadata: { name: 'api', labels }, stringData: { token: VALUE } });
  assert.deepEqual(await serverDryRun(api, manifest({ suite: 'other' })), {
    ok: false,
    message: 'invalid suite label set on secret: suite=other',
  });
  const accepted = await serverDryRun(api, manifest({}));
  assert.ok(accepted.ok);
  assert.equal(accepted.value.metadata?.name, 'api');
  fx.cluster.faults.fail(403, 1, { verb: 'create' });
  const forbidden = await serverDryRun(api, manifest({}));
  assert.ok(!forbidden.ok);
  assert.match(forbidden.message, /403 Forbidden: missing permission to "create" resource "secrets"/);
  assert.ok(!forbidden.message.includes(VALUE));
});
