/**
 * Secret values stay in the cluster: after listing and watching secrets with recognisable values, nothing
 * reachable from the catalog, its snapshots, the tree's rows or the log holds a value, in text or base64.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { keyRows, rootRows } from '../../client/src/cluster/treeModel';
import { b64, catalogFor, isReady, secretJson, startCluster, waitForSnapshot } from './clusterFixture';

const VALUES = ['listed-value-4f1c9e', 'watched-value-8a7b3d', 'modified-value-2e6f0a'];
const BIG = 'big-value-'.repeat(100_000);

test('no secret value is kept by the catalog or reaches its snapshots, the tree rows or the log', async (t) => {
  const fx = await startCluster({ seed: { items: [secretJson('listed', { password: VALUES[0] })] } });
  t.after(() => fx.stop());
  const log: string[] = [];
  const catalog = catalogFor({ kubeconfig: fx.kubeconfig }, { log });
  t.after(() => catalog.dispose());
  await catalog.refresh();
  await waitForSnapshot(catalog, isReady, 'ready');
  fx.cluster.store.create('secrets', 'default', secretJson('watched', { token: VALUES[1], big: BIG }));
  await waitForSnapshot(catalog, (s) => s.secrets.some((x) => x.name === 'watched'), 'the watched secret');
  fx.cluster.store.update('secrets', 'default', 'listed', secretJson('listed', { password: VALUES[2] }));
  await waitForSnapshot(
    catalog,
    (s) => s.secrets.find((x) => x.name === 'listed')?.keys[0].size === VALUES[2].length,
    'the modification',
  );

  const snapshot = catalog.snapshot();
  const rows = rootRows(snapshot, { pachydermOnly: false, ignoredSettings: [], decorators: [], now: new Date() });
  const everything = [
    inspect(catalog, { depth: Infinity, showHidden: true, maxArrayLength: Infinity, maxStringLength: Infinity }),
    JSON.stringify(snapshot),
    JSON.stringify(rows),
    JSON.stringify(snapshot.secrets.flatMap((s) => keyRows(s))),
    log.join('\n'),
  ].join('\n');
  for (const v of VALUES) {
    assert.ok(!everything.includes(v), 'a value in text form was kept');
    assert.ok(!everything.includes(b64(v)), 'a value in base64 form was kept');
  }
  assert.ok(!everything.includes('big-value-big-value'), 'the large value was kept');
  // Memory grows with names and keys: a 1 MB value costs its size as a number.
  assert.ok(JSON.stringify(snapshot).length < 2000, `snapshot is ${JSON.stringify(snapshot).length} characters`);
  assert.deepEqual(
    snapshot.secrets.find((s) => s.name === 'watched')?.keys.map((k) => [k.name, k.size]),
    [
      ['big', BIG.length],
      ['token', VALUES[1].length],
    ],
  );
});
