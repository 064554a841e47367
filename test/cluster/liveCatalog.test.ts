import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCatalog } from '../../core/src/catalog/loadCatalog';
import { catalogFor, isReady, secretJson, startCluster, waitForSnapshot } from './clusterFixture';

test('the catalog lists every page of the namespace and then follows the watch', async (t) => {
  const items = Array.from({ length: 7 }, (_, i) => secretJson(`s${i}`, { password: `value-${i}` }));
  const fx = await startCluster({ seed: { items } });
  t.after(() => fx.stop());
  const catalog = catalogFor({ kubeconfig: fx.kubeconfig }, { pageSize: 3 });
  t.after(() => catalog.dispose());
  await catalog.refresh();
  const ready = await waitForSnapshot(catalog, isReady, 'ready');
  assert.deepEqual(
    ready.secrets.map((s) => s.name),
    ['s0', 's1', 's2', 's3', 's4', 's5', 's6'],
  );
  assert.equal(ready.context, 'local');
  assert.equal(ready.namespace, 'default');

  fx.cluster.store.create('secrets', 'default', secretJson('added', { token: 'xyz' }));
  const withAdded = await waitForSnapshot(
    catalog,
    (s) => s.secrets.some((x) => x.name === 'added'),
    'the added secret',
  );
  assert.deepEqual(withAdded.secrets.find((s) => s.name === 'added')?.keys, [
    { name: 'token', size: 3, binary: false },
  ]);

  fx.cluster.store.delete('secrets', 'default', 's3');
  await waitForSnapshot(catalog, (s) => !s.secrets.some((x) => x.name === 's3'), 's3 removed');
});

test('loadCatalog lists once for the CLI and reports problems as an error state', async (t) => {
  const fx = await startCluster({ seed: { items: [secretJson('b', { k: 'v' }), secretJson('a', { k: 'v' })] } });
  t.after(() => fx.stop());
  const ok = await loadCatalog({ kubeconfig: fx.kubeconfig, timeoutMs: 2000, env: {} });
  assert.deepEqual(
    [ok.context, ok.namespace, ok.state.kind, ok.secrets.map((s) => s.name)],
    ['local', 'default', 'ready', ['a', 'b']],
  );
  const forbidden = await loadCatalog({ kubeconfig: fx.kubeconfig, context: 'local-forbidden', env: {} });
  assert.equal(forbidden.state.kind === 'error' && forbidden.state.problem, 'forbidden');
  await fx.cluster.faults.down();
  const down = await loadCatalog({ kubeconfig: fx.kubeconfig, env: {} });
  assert.equal(down.state.kind === 'error' && down.state.problem, 'unreachable');
});

test('a refresh of the same target keeps the rows until the new list replaces them (no flicker)', async (t) => {
  const fx = await startCluster({ seed: { items: [secretJson('a', { k: 'v' })] } });
  t.after(() => fx.stop());
  const catalog = catalogFor({ kubeconfig: fx.kubeconfig });
  t.after(() => catalog.dispose());
  await catalog.refresh();
  await waitForSnapshot(catalog, isReady, 'ready');
  const states: string[] = [];
  catalog.on('change', (s) => states.push(s.state.kind));
  await catalog.refresh();
  assert.ok(!states.includes('loading'), `states: ${states.join(',')}`);
  assert.equal(catalog.snapshot().secrets.length, 1);
});
