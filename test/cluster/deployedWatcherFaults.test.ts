/**
 * The deployed-pipelines watcher against a minimal API server of worker RCs, pods and events: paged lists, one
 * watch per kind, a 410 on one kind, and a user who may not list pods (one message, no retry loop).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DeployedWatcher, loadDeployed, type DeployedSnapshot } from '../../core/src/deployed';
import { waitForSnapshot } from './clusterFixture';
import { startWorkerApiFake, type WorkerApiFake } from './workerApiFake';
import { CANARY, EDGES, podOf, rcOf, waiting, type PipelineFixture } from '../unit/deployed/pachdWorkers';

const isReady = (s: DeployedSnapshot) => s.state.kind === 'ready';

async function watcherOn(
  t: { after(fn: () => unknown): void },
  fake: WorkerApiFake,
  log: string[] = [],
): Promise<DeployedWatcher> {
  const target = await fake.server.target();
  const watcher = new DeployedWatcher({
    resolve: async () => target,
    timeoutMs: () => 2000,
    pageSize: 50,
    backoff: { initialMs: 1, maxMs: 5 },
    log: (line) => log.push(line),
  });
  t.after(() => watcher.dispose());
  return watcher;
}

function pipelines(n: number): PipelineFixture[] {
  return Array.from({ length: n }, (_, i) => ({ ...EDGES, name: `p${String(i).padStart(3, '0')}`, padding: 3 }));
}

async function fakeWith(t: { after(fn: () => unknown): void }, ps: PipelineFixture[]): Promise<WorkerApiFake> {
  const fake = await startWorkerApiFake();
  t.after(() => fake.close());
  fake.items.replicationcontrollers.push(...ps.map(rcOf));
  fake.items.pods.push(...ps.flatMap((p) => ['a', 'b', 'c'].map((s) => podOf(p, s))));
  return fake;
}

test('every page of each kind is listed once, then each kind is watched once', async (t) => {
  const fake = await fakeWith(t, pipelines(60));
  const log: string[] = [];
  const watcher = await watcherOn(t, fake, log);
  await watcher.refresh();
  const s = await waitForSnapshot(watcher, isReady, 'ready');
  assert.equal(s.pipelines.length, 60);
  assert.ok(s.pipelines.every((p) => p.pods === 3 && p.health.kind === 'running'));
  assert.deepEqual(fake.calls('replicationcontrollers'), ['list', 'list', 'watch']);
  assert.deepEqual(fake.calls('pods'), ['list', 'list', 'list', 'list', 'watch']);
  assert.deepEqual(fake.calls('events'), ['list', 'watch']);
  const sent = fake.server.requests.map((r) => decodeURIComponent(r));
  assert.ok(
    sent
      .filter((r) => /\/(pods|replicationcontrollers)\?/.test(r))
      .every((r) => r.includes('labelSelector=suite=pachyderm,component=worker')),
  );
  assert.ok(
    sent
      .filter((r) => r.includes('/events?'))
      .every((r) => r.includes('fieldSelector=involvedObject.kind=Pod,type=Warning')),
  );
  assert.ok(!JSON.stringify(s).includes(CANARY) && !log.join('\n').includes(CANARY), 'no env value kept or logged');
});

test('a pod that starts failing on a missing key is shown failing with the blame, and running again once fixed', async (t) => {
  const fake = await fakeWith(t, [EDGES]);
  const watcher = await watcherOn(t, fake);
  await watcher.refresh();
  await waitForSnapshot(watcher, isReady, 'ready');
  const message = "couldn't find key access-key in Secret default/s3-creds";
  fake.push('pods', 'MODIFIED', podOf(EDGES, 'a', waiting('CreateContainerConfigError', message)));
  const failing = await waitForSnapshot(watcher, (s) => s.pipelines[0]?.health.kind === 'failing', 'failing');
  const health = failing.pipelines[0].health;
  assert.deepEqual(health.kind === 'failing' && health.failures[0].blame, [
    { secret: 's3-creds', key: 'access-key', cause: 'missing-key', via: ['env'] },
  ]);
  fake.push('pods', 'MODIFIED', podOf(EDGES, 'a'));
  await waitForSnapshot(watcher, (s) => s.pipelines[0]?.health.kind === 'running', 'running again');
});

test('410 Gone on one kind relists that kind only, and the snapshot stays ready', async (t) => {
  const fake = await fakeWith(t, [EDGES]);
  fake.goneOnce.add('pods');
  const states: string[] = [];
  const watcher = await watcherOn(t, fake);
  watcher.on('change', (s) => states.push(s.state.kind));
  await watcher.refresh();
  await fake.watchOpen('pods', 1);
  // The new watch delivers: a pod failing now shows.
  fake.push('pods', 'MODIFIED', podOf(EDGES, 'a', waiting('ErrImagePull', 'pull failed')));
  await waitForSnapshot(watcher, (s) => s.pipelines[0]?.health.kind === 'failing', 'an event on the new watch');
  assert.deepEqual(fake.calls('pods'), ['list', 'watch', 'list', 'watch']);
  assert.deepEqual(fake.calls('replicationcontrollers'), ['list', 'watch']);
  assert.equal(watcher.snapshot().pipelines[0].pods, 3);
  assert.ok(!states.slice(states.indexOf('ready')).some((k) => k !== 'ready'), `no flicker: ${states.join(',')}`);
});

test('a user who may not list pods gets one forbidden state and no retry; a refresh after the grant recovers', async (t) => {
  const fake = await fakeWith(t, [EDGES]);
  fake.forbidden.add('pods');
  const watcher = await watcherOn(t, fake);
  const kinds: string[] = [];
  watcher.on('change', (s) => kinds.push(s.state.kind));
  await watcher.refresh();
  const s = await waitForSnapshot(watcher, (x) => x.state.kind === 'forbidden', 'forbidden');
  assert.equal(
    s.state.kind === 'forbidden' && s.state.reason,
    'Deployed pipelines are not shown: 403 Forbidden: missing permission to "list" resource "pods" in namespace ' +
      '"default": pods is forbidden: User "u" cannot list resource "pods" in API group "" in the namespace ' +
      '"default". Checks use the workspace specs only.',
  );
  assert.deepEqual(s.pipelines, []);
  const before = fake.server.requests.length;
  // With a 1-5 ms backoff a retry loop would have sent dozens of requests by the time this timer fires.
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(fake.server.requests.length, before, 'nothing retried');
  assert.equal(kinds.filter((k) => k === 'forbidden').length, 1, 'said once');
  fake.forbidden.clear();
  await watcher.refresh();
  await waitForSnapshot(watcher, isReady, 'ready after the grant');
});

test('loadDeployed lists each kind once, watches nothing, and words a 403 as the watcher does', async (t) => {
  const fake = await fakeWith(t, pipelines(3));
  const target = await fake.server.target();
  const s = await loadDeployed(target, 2000);
  assert.equal(s.state.kind, 'ready');
  assert.deepEqual(
    s.pipelines.map((p) => [p.name, p.pods]),
    [
      ['p000', 3],
      ['p001', 3],
      ['p002', 3],
    ],
  );
  assert.deepEqual(
    (['replicationcontrollers', 'pods', 'events'] as const).map((k) => fake.calls(k)),
    [['list'], ['list'], ['list']],
  );
  fake.forbidden.add('events');
  const denied = await loadDeployed(target, 2000);
  assert.equal(denied.state.kind, 'forbidden');
  assert.match(denied.state.kind === 'forbidden' ? denied.state.reason : '', /"list" resource "events"/);
  assert.deepEqual(denied.pipelines, []);
});
