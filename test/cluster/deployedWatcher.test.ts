/**
 * The deployed-pipelines watcher against the local cluster, whose workloads act as pachd and kubelet do: worker
 * RCs and pods from pipeline specs, pods that fail when a secret or key they use goes, and events that say why.
 * The real kubectl is the cross-check for what the cluster serves.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeployedWatcher, type DeployedPipeline, type DeployedSnapshot } from '../../core/src/deployed';
import { resolveTarget } from '../../core/src/kubeconfig/clusterTarget';
import { LocalClusterAdmin, upsertSecret, withTokenUser } from '../../tools/local-cluster';
import { startCluster, waitForSnapshot, type ClusterFixture } from './clusterFixture';
import { kubectl } from '../local-cluster/helpers';
import { CANARY, EDGES, INGEST, PIPELINE_SECRETS, REPORT } from '../local-cluster/pipelineFixtures';

const isReady = (s: DeployedSnapshot) => s.state.kind === 'ready';
const named = (s: DeployedSnapshot, name: string): DeployedPipeline | undefined =>
  s.pipelines.find((p) => p.name === name);

async function clusterWithPipelines(t: { after(fn: () => unknown): void }): Promise<ClusterFixture> {
  const fx = await startCluster({
    seed: PIPELINE_SECRETS,
    pipelines: { pipelines: [EDGES, REPORT, INGEST, { ...REPORT, version: 6, legacyLabels: true }] },
  });
  t.after(() => fx.stop());
  return fx;
}

function watcherFor(t: { after(fn: () => unknown): void }, kubeconfig: string, log: string[] = []): DeployedWatcher {
  const watcher = new DeployedWatcher({
    resolve: () => resolveTarget({ kubeconfig }, {}),
    timeoutMs: () => 5000,
    backoff: { initialMs: 20, maxMs: 200 },
    log: (line) => log.push(line),
  });
  t.after(() => watcher.dispose());
  return watcher;
}

test('the deployed pipelines, their uses and pods, as kubectl sees the same workers', async (t) => {
  const fx = await clusterWithPipelines(t);
  const log: string[] = [];
  const watcher = watcherFor(t, fx.kubeconfig, log);
  await watcher.refresh();
  const s = await waitForSnapshot(watcher, isReady, 'ready');
  const seen = s.pipelines.map((p) => `${p.project}/${p.name} v${p.version} ${p.rc} pods=${p.pods} ${p.health.kind}`);
  const cli = await kubectl({ kubeconfigPath: fx.kubeconfig, dir: fx.dir }, [
    'get',
    'rc,pods',
    '-l',
    'suite=pachyderm,component=worker',
    '-o',
    'json',
  ]);
  assert.equal(cli.code, 0, cli.stderr);
  const items = (JSON.parse(cli.stdout) as { items: { kind: string; metadata: { name: string } }[] }).items;
  const rcs = items.filter((i) => i.kind === 'ReplicationController').map((i) => i.metadata.name);
  assert.deepEqual(s.pipelines.map((p) => p.rc).sort(), rcs.sort(), seen.join('\n'));
  assert.equal(
    s.pipelines.reduce((n, p) => n + p.pods, 0),
    items.filter((i) => i.kind === 'Pod').length,
  );
  const report = s.pipelines.filter((p) => p.name === 'daily_report').map((p) => p.version);
  assert.deepEqual(report, [6, 7], 'the pre-2.4 labels of v6 are read as well');
  const edges = named(s, 'edges')!;
  assert.deepEqual([edges.project, edges.pods, edges.health.kind], ['vision', 2, 'running']);
  assert.ok(edges.uses.some((u) => u.how === 'env' && u.secret === 'tracker' && u.key === 'api-token'));
  assert.ok(edges.uses.some((u) => u.how === 'volume' && u.secret === 'model-store'));
  assert.ok(edges.uses.some((u) => u.how === 'imagePull' && u.secret === 'regcred'));
  assert.ok(!JSON.stringify(s).includes(CANARY) && !log.join('\n').includes(CANARY), 'no value kept or logged');
});

test('a key removed from a secret fails its users with the blame, and restoring it clears them', async (t) => {
  const fx = await clusterWithPipelines(t);
  const watcher = watcherFor(t, fx.kubeconfig);
  await watcher.refresh();
  await waitForSnapshot(watcher, isReady, 'ready');
  const secrets = PIPELINE_SECRETS.items as { metadata: { name: string } }[];
  const tracker = secrets.find((i) => i.metadata.name === 'tracker')!;
  upsertSecret(fx.cluster.store, { ...tracker, stringData: { other: 'x' } });
  const failing = await waitForSnapshot(
    watcher,
    (s) => named(s, 'edges')?.health.kind === 'failing' && named(s, 'daily_report')?.health.kind === 'failing',
    'edges and daily_report failing',
  );
  const health = named(failing, 'edges')!.health;
  assert.ok(health.kind === 'failing');
  assert.deepEqual(health.failures[0].blame, [
    { secret: 'tracker', key: 'api-token', cause: 'missing-key', via: ['env'] },
  ]);
  assert.equal(health.failures[0].reason, 'CreateContainerConfigError');
  upsertSecret(fx.cluster.store, tracker);
  await waitForSnapshot(watcher, (s) => s.pipelines.every((p) => p.health.kind === 'running'), 'all running again');
});

test('a mounted secret deleted: FailedMount blamed on it', async (t) => {
  const fx = await clusterWithPipelines(t);
  const watcher = watcherFor(t, fx.kubeconfig);
  await watcher.refresh();
  await waitForSnapshot(watcher, isReady, 'ready');
  fx.cluster.store.delete('secrets', 'default', 'model-store');
  const s = await waitForSnapshot(
    watcher,
    (x) => {
      const h = named(x, 'edges')?.health;
      return h?.kind === 'failing' && h.failures.some((f) => f.reason === 'FailedMount');
    },
    'FailedMount on edges',
  );
  const h = named(s, 'edges')!.health;
  const mount = h.kind === 'failing' ? h.failures.find((f) => f.reason === 'FailedMount') : undefined;
  assert.deepEqual(mount?.blame, [{ secret: 'model-store', cause: 'missing-secret', via: ['volume'] }]);
});

test('a user who may list secrets but not pods gets the forbidden state, and a server that is down recovers', async (t) => {
  const fx = await clusterWithPipelines(t);
  const admin = new LocalClusterAdmin(fx.cluster.adminUrl, fx.cluster.adminToken);
  const user = await admin.putUser('no-pods', [
    { verbs: ['get', 'list', 'watch'], resources: ['secrets', 'replicationcontrollers', 'events'], namespaces: ['*'] },
  ]);
  const kubeconfig = join(fx.dir, 'no-pods.kubeconfig');
  writeFileSync(kubeconfig, withTokenUser(fx.cluster.kubeconfig, user));
  const denied = watcherFor(t, kubeconfig);
  await denied.refresh();
  const f = await waitForSnapshot(denied, (s) => s.state.kind === 'forbidden', 'forbidden');
  assert.match(
    f.state.kind === 'forbidden' ? f.state.reason : '',
    /missing permission to "(list|watch)" resource "pods"/,
  );

  const watcher = watcherFor(t, fx.kubeconfig);
  await watcher.refresh();
  await waitForSnapshot(watcher, isReady, 'ready');
  await fx.cluster.faults.down();
  await waitForSnapshot(watcher, (s) => s.state.kind === 'error', 'error while down');
  await fx.cluster.faults.up();
  const back = await waitForSnapshot(watcher, isReady, 'ready once the server is back');
  assert.equal(back.pipelines.length, 4);
});
