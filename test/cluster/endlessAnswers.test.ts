/**
 * The live catalog against an API server whose answers never end (tools/local-cluster/endless.ts): a list that
 * always has another page, a list body that never closes, a watch event with no newline. Each stops at its bound
 * (core/src/kubeApi/responseLimits.ts) as a clear "server-error" state, without a crash, and the catalog recovers
 * by itself once the server behaves again. The request timeout is set far above what the bounds need, so it is
 * the bound, not the timeout, that ends each answer.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catalogFor, hasProblem, isReady, secretJson, startCluster, waitForSnapshot } from './clusterFixture';
import { resolveTarget } from '../../core/src/kubeconfig/clusterTarget';
import { SecretsApi } from '../../core/src/catalog/secretsApi';
import { listAllSecrets } from '../../core/src/catalog/listSecrets';
import { ClusterLimitError, maxListPages } from '../../core/src/kubeApi/responseLimits';

const seed = { items: [secretJson('db', { password: 'pw' })] };
/** Only detects a hang: the bounds end each answer long before. */
const HANG_MS = 120_000;

const reasonOf = (s: { state: { kind: string; reason?: string } }): string =>
  s.state.kind === 'error' ? (s.state.reason ?? '') : '';

test('a server that always sends a continue token stops after the page bound, and the catalog recovers', async (t) => {
  const fx = await startCluster({ seed });
  t.after(() => fx.stop());
  fx.cluster.faults.endless = 'continue';
  const catalog = catalogFor({ kubeconfig: fx.kubeconfig }, { timeoutMs: 60_000 });
  t.after(() => catalog.dispose());
  void catalog.refresh();
  const stopped = await waitForSnapshot(catalog, hasProblem('server-error'), 'the page bound', HANG_MS);
  assert.match(
    reasonOf(stopped),
    /^Listing secrets in namespace "default" was stopped: the API server kept sending continue tokens after 401 pages of 250/,
  );
  fx.cluster.faults.clear();
  const back = await waitForSnapshot(catalog, isReady, 'ready once lists end again', HANG_MS);
  assert.deepEqual(
    back.secrets.map((s) => s.name),
    ['db'],
  );
});

test('a list body that never ends stops at 128 MiB, and the catalog recovers', async (t) => {
  const fx = await startCluster({ seed });
  t.after(() => fx.stop());
  fx.cluster.faults.endless = 'body';
  const catalog = catalogFor({ kubeconfig: fx.kubeconfig }, { timeoutMs: 60_000 });
  t.after(() => catalog.dispose());
  void catalog.refresh();
  const stopped = await waitForSnapshot(catalog, hasProblem('server-error'), 'the body bound', HANG_MS);
  assert.match(reasonOf(stopped), /the API server's answer passed 128 MiB without ending/);
  fx.cluster.faults.clear();
  await waitForSnapshot(catalog, isReady, 'ready once bodies end again', HANG_MS);
});

test('a watch event with no newline stops at 12 MiB as a clear state instead of killing the process, and recovers', async (t) => {
  const fx = await startCluster({ seed });
  t.after(() => fx.stop());
  const catalog = catalogFor({ kubeconfig: fx.kubeconfig }, { timeoutMs: 60_000 });
  t.after(() => catalog.dispose());
  await catalog.refresh();
  await waitForSnapshot(catalog, isReady, 'ready');
  fx.cluster.faults.endless = 'watch-line';
  // The open watch is cut, so the catalog's next watch meets the endless line.
  assert.equal(fx.cluster.faults.cutWatches(), 1);
  const stopped = await waitForSnapshot(catalog, hasProblem('server-error'), 'the watch line bound', HANG_MS);
  assert.match(
    reasonOf(stopped),
    /^Watching secrets in namespace "default" was stopped: the API server sent a watch event longer than 12 MiB/,
  );
  fx.cluster.faults.clear();
  await waitForSnapshot(catalog, isReady, 'ready once watch events end again', HANG_MS);
  // The watch works again: a secret created now arrives through it.
  fx.cluster.store.create('secrets', 'default', secretJson('after', { k: 'v' }));
  await waitForSnapshot(
    catalog,
    (s) => isReady(s) && s.secrets.some((x) => x.name === 'after'),
    'the new secret through the watch',
    HANG_MS,
  );
});

test('a list still going after 24 request timeouts is stopped there, whatever its page count', async (t) => {
  const fx = await startCluster({ seed });
  t.after(() => fx.stop());
  fx.cluster.faults.endless = 'continue';
  const target = await resolveTarget({ kubeconfig: fx.kubeconfig }, {});
  assert.ok(target.ok);
  const api = await SecretsApi.open(target, 1000);
  // A clock that moves 5 s per reading: the list passes its 24 s deadline after a handful of pages.
  let clock = 0;
  const err = await listAllSecrets(api, 250, () => (clock += 5000)).then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(err instanceof ClusterLimitError, String(err));
  assert.equal(err.limit, 'deadline');
  assert.match(
    err.message,
    /^the list of secrets was still going after 24 s \(5 pages; 24 × pachyderm\.requestTimeoutSeconds\)/,
  );
  assert.ok(5 < maxListPages(250));
});

test('a page whose answer passes the byte bound is asked for again in smaller pages, and every secret arrives', async (t) => {
  // 250 secrets of 8 keys × 64 KiB are 167 MiB of JSON: an honest page over MAX_RESPONSE_BYTES. The real bound is
  // too large to fill in a test, so this API answers "too large" to any page over 3 secrets, as such a page would.
  const names = Array.from({ length: 10 }, (_, i) => `big-${String(i).padStart(2, '0')}`);
  const fx = await startCluster({ seed: { items: names.map((n) => secretJson(n, { k: 'v' })) } });
  t.after(() => fx.stop());
  const target = await resolveTarget({ kubeconfig: fx.kubeconfig }, {});
  assert.ok(target.ok);
  const real = await SecretsApi.open(target, 5000);
  const asked: number[] = [];
  const api = Object.create(real) as SecretsApi;
  api.listPage = (limit, token) => {
    asked.push(limit);
    if (limit > 3) return Promise.reject(new ClusterLimitError('bytes', "the API server's answer passed 128 MiB"));
    return real.listPage(limit, token);
  };
  const list = await listAllSecrets(api, 250);
  assert.deepEqual([...list.secrets.keys()].sort(), names);
  assert.deepEqual(asked, [250, 31, 3, 3, 3, 3]);

  // One secret a page that still passes the bound is the server's fault: that error is thrown.
  api.listPage = () => Promise.reject(new ClusterLimitError('bytes', "the API server's answer passed 128 MiB"));
  const err = await listAllSecrets(api, 250).then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(err instanceof ClusterLimitError && err.limit === 'bytes', String(err));
});
