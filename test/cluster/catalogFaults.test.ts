/**
 * The live catalog against a misbehaving API server: each fault ends in the right state without a crash, and
 * the catalog recovers by itself when the fault ends.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  catalogFor,
  hasProblem,
  isReady,
  secretJson,
  startCluster,
  waitForSnapshot,
  type ClusterFixture,
} from './clusterFixture';
import type { LiveCatalog } from '../../core/src/catalog/liveCatalog';

async function readyCatalog(
  t: { after(fn: () => unknown): void },
  fx: ClusterFixture,
  opts: { timeoutMs?: number; log?: string[]; context?: string } = {},
): Promise<LiveCatalog> {
  const catalog = catalogFor({ kubeconfig: fx.kubeconfig, context: opts.context }, opts);
  t.after(() => catalog.dispose());
  await catalog.refresh();
  return catalog;
}

const seed = {
  items: [
    secretJson('db', { password: 'pw' }),
    secretJson('registry', { '.dockerconfigjson': '{}' }, { type: 'kubernetes.io/dockerconfigjson' }),
  ],
};

test('a server that is down gives "unreachable", and the catalog recovers when it is back up', async (t) => {
  const fx = await startCluster({ seed });
  t.after(() => fx.stop());
  await fx.cluster.faults.down();
  const catalog = await readyCatalog(t, fx);
  const down = await waitForSnapshot(catalog, hasProblem('unreachable'), 'unreachable');
  assert.match(down.state.kind === 'error' ? down.state.reason : '', /ECONNREFUSED/);
  assert.deepEqual(down.secrets, []);
  await fx.cluster.faults.up();
  const back = await waitForSnapshot(catalog, isReady, 'ready after up');
  assert.deepEqual(
    back.secrets.map((s) => s.name),
    ['db', 'registry'],
  );
});

test('a server that goes down while watched turns the catalog to "unreachable", and it recovers when the server is back', async (t) => {
  const fx = await startCluster({ seed });
  t.after(() => fx.stop());
  const catalog = await readyCatalog(t, fx);
  await waitForSnapshot(catalog, isReady, 'ready');
  await fx.cluster.faults.down();
  await waitForSnapshot(catalog, hasProblem('unreachable'), 'unreachable after down');
  fx.cluster.store.create('secrets', 'default', secretJson('while-down', { k: 'v' }));
  await fx.cluster.faults.up();
  const back = await waitForSnapshot(
    catalog,
    (s) => isReady(s) && s.secrets.some((x) => x.name === 'while-down'),
    'ready with the secret created while down',
  );
  assert.deepEqual(
    back.secrets.map((s) => s.name),
    ['db', 'registry', 'while-down'],
  );
});

test('401 gives "unauthorized" and recovers when the server accepts the credentials again', async (t) => {
  const fx = await startCluster({ seed });
  t.after(() => fx.stop());
  fx.cluster.faults.fail(401, 'all');
  const catalog = await readyCatalog(t, fx);
  const s = await waitForSnapshot(catalog, hasProblem('unauthorized'), 'unauthorized');
  assert.match(s.state.kind === 'error' ? s.state.reason : '', /401 Unauthorized/);
  fx.cluster.faults.clear();
  await waitForSnapshot(catalog, isReady, 'ready after 401 ends');
});

test('403 says which verb on which resource in which namespace is missing', async (t) => {
  const fx = await startCluster({ seed });
  t.after(() => fx.stop());
  const catalog = await readyCatalog(t, fx, { context: 'local-forbidden' });
  const s = await waitForSnapshot(catalog, hasProblem('forbidden'), 'forbidden');
  const reason = s.state.kind === 'error' ? s.state.reason : '';
  assert.match(reason, /403 Forbidden/);
  assert.match(reason, /"list"/);
  assert.match(reason, /"secrets"/);
  assert.match(reason, /namespace "default"/);
});

test('a 403 that ends (RBAC fixed) recovers by itself', async (t) => {
  const fx = await startCluster({ seed });
  t.after(() => fx.stop());
  fx.cluster.faults.fail(403, 'all', { verb: 'list' });
  const catalog = await readyCatalog(t, fx);
  await waitForSnapshot(catalog, hasProblem('forbidden'), 'forbidden');
  fx.cluster.faults.clear();
  await waitForSnapshot(catalog, isReady, 'ready after 403 ends');
});

test('500 gives "server-error" with the server message, then recovers', async (t) => {
  const fx = await startCluster({ seed });
  t.after(() => fx.stop());
  fx.cluster.faults.fail(500, 'all', { message: 'etcdserver: leader changed' });
  const catalog = await readyCatalog(t, fx);
  const s = await waitForSnapshot(catalog, hasProblem('server-error'), 'server-error');
  assert.match(s.state.kind === 'error' ? s.state.reason : '', /500.*etcdserver: leader changed/);
  fx.cluster.faults.clear();
  await waitForSnapshot(catalog, isReady, 'ready after 500 ends');
});

test('responses slower than the request timeout give "timeout", then recover when the server is fast again', async (t) => {
  const fx = await startCluster({ seed });
  t.after(() => fx.stop());
  fx.cluster.faults.delayMs = 2000;
  const catalog = await readyCatalog(t, fx, { timeoutMs: 300 });
  const s = await waitForSnapshot(catalog, hasProblem('timeout'), 'timeout');
  assert.match(s.state.kind === 'error' ? s.state.reason : '', /within 0\.3 s/);
  fx.cluster.faults.clear();
  await waitForSnapshot(catalog, isReady, 'ready after the delay ends');
});

test('a watch cut mid-stream resyncs without leaving ready, and changes made meanwhile arrive', async (t) => {
  const fx = await startCluster({ seed });
  t.after(() => fx.stop());
  const catalog = await readyCatalog(t, fx);
  await waitForSnapshot(catalog, isReady, 'ready');
  await waitFor(() => (fx.cluster.faults.cutWatches() > 0 ? true : undefined), 'an open watch to cut');
  const states: string[] = [];
  catalog.on('change', (s) => states.push(s.state.kind));
  fx.cluster.store.create('secrets', 'default', secretJson('after-cut', { k: 'v' }));
  await waitForSnapshot(
    catalog,
    (s) => s.secrets.some((x) => x.name === 'after-cut'),
    'the secret created after the cut',
  );
  assert.ok(
    states.every((k) => k === 'ready'),
    `states seen: ${states.join(',')}`,
  );
});

test('410 Gone on re-watch relists and the catalog stays ready with the current secrets', async (t) => {
  const fx = await startCluster({ seed });
  t.after(() => fx.stop());
  const log: string[] = [];
  const catalog = await readyCatalog(t, fx, { log });
  await waitForSnapshot(catalog, isReady, 'ready');
  fx.cluster.store.delete('secrets', 'default', 'db');
  await waitForSnapshot(catalog, (s) => !s.secrets.some((x) => x.name === 'db'), 'db removed via the watch');
  // Forget history, change something, then drop the watch: resuming from the old resourceVersion gives 410.
  fx.cluster.faults.expireResourceVersions();
  const listsBefore = log.filter((l) => l.startsWith('listed')).length;
  fx.cluster.store.create('secrets', 'default', secretJson('after-expiry', { k: 'v' }));
  await waitFor(() => (fx.cluster.faults.cutWatches() > 0 ? true : undefined), 'an open watch to cut');
  await waitForSnapshot(
    catalog,
    (s) => s.secrets.some((x) => x.name === 'after-expiry'),
    'the secret created after expiry',
  );
  await waitFor(() => (log.filter((l) => l.startsWith('listed')).length > listsBefore ? true : undefined), 'a relist');
  assert.ok(
    log.some((l) => /gone|410|Expired|too old/i.test(l)),
    `log: ${log.join(' | ')}`,
  );
  assert.equal(catalog.snapshot().state.kind, 'ready');
});

test('with no kubeconfig anywhere the catalog says so and names the places it looked', async (t) => {
  const catalog = catalogFor({ kubeconfig: '/nonexistent/kubeconfig' });
  t.after(() => catalog.dispose());
  await catalog.refresh();
  const s = catalog.snapshot();
  assert.equal(s.state.kind, 'error');
  assert.equal(s.state.kind === 'error' && s.state.problem, 'no-kubeconfig');
  assert.match(s.state.kind === 'error' ? s.state.reason : '', /\/nonexistent\/kubeconfig/);
});

/** Polls a condition with an overall timeout. */
async function waitFor<T>(condition: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = condition();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
