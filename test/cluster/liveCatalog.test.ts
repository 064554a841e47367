import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catalogFor, hasProblem, isReady, secretJson, startCluster, waitForSnapshot } from './clusterFixture';

test('the catalog lists every page of the namespace and then follows the watch', async (t) => {
  const items = Array.from({ length: 7 }, (_, i) => secretJson(`s${i}`, { password: `value-${i}` }));
  const fx = await startCluster({ seed: { items } });
  t.after(() => fx.stop());
  const catalog = catalogFor({ kubeconfig: fx.kubeconfig }, { pageSize: 3 });
  t.after(() => catalog.dispose());
  await catalog.refresh();
  const ready = await waitForSnapshot(catalog, isReady, 'ready');
  assert.deepEqual(ready.secrets.map((s) => s.name), ['s0', 's1', 's2', 's3', 's4', 's5', 's6']);
  assert.equal(ready.context, 'local');
  assert.equal(ready.namespace, 'default');

  fx.cluster.store.create('secrets', 'default', secretJson('added', { token: 'xyz' }));
  const withAdded = await waitForSnapshot(catalog, (s) => s.secrets.some((x) => x.name === 'added'), 'the added secret');
  assert.deepEqual(withAdded.secrets.find((s) => s.name === 'added')?.keys, [{ name: 'token', size: 3, binary: false }]);

  fx.cluster.store.delete('secrets', 'default', 's3');
  await waitForSnapshot(catalog, (s) => !s.secrets.some((x) => x.name === 's3'), 's3 removed');
});
