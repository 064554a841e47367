/**
 * Fault injection, in-process and through the admin endpoint another process uses: slow responses, failing
 * requests, a server that goes down and comes back on the same port, watches cut mid-stream, forced 410s,
 * and direct secret edits that clients see through their watches.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:https';
import * as k8s from '@kubernetes/client-node';
import { LocalClusterAdmin } from '../../tools/local-cluster/index';
import { eventually, opaque, startTestCluster, statusOf, watchUntilEnd, type TestCluster } from './helpers';

let cluster: TestCluster;
let api: k8s.CoreV1Api;
before(async () => {
  cluster = await startTestCluster();
  api = cluster.core();
  await api.createNamespacedSecret({ namespace: 'default', body: opaque('steady', { a: '1' }) });
});
after(() => cluster.dispose());

/**
 * A raw GET with a client-side timeout, as the extension makes its calls: resolves with the status or the error code.
 */
function get(path: string, timeoutMs: number): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request(
      `${cluster.url}${path}`,
      { ca: cluster.caPem, agent: false, headers: { Authorization: `Bearer ${cluster.token}` }, timeout: timeoutMs },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
    req.end();
  });
}

test('with a delay longer than the client timeout, requests time out; cleared, they succeed', async () => {
  cluster.faults.delayMs = 60000;
  try {
    assert.equal(await get('/api/v1/namespaces/default/secrets', 200), 'TIMEOUT');
  } finally {
    cluster.faults.clear();
  }
  assert.equal(await get('/api/v1/namespaces/default/secrets', 5000), 200);
});

test('the next N requests fail with the asked status and the real reason, then requests succeed', async () => {
  cluster.faults.fail(500, 2);
  const first = await statusOf(api.listNamespacedSecret({ namespace: 'default' }));
  assert.equal(first.code, 500);
  assert.equal(first.reason, 'InternalError');
  assert.equal((await statusOf(api.readNamespacedSecret({ namespace: 'default', name: 'steady' }))).code, 500);
  assert.equal((await api.listNamespacedSecret({ namespace: 'default' })).items.length, 1);
});

test('a failure for all requests of one verb leaves other verbs working until cleared', async () => {
  cluster.faults.fail(503, 'all', { verb: 'list' });
  try {
    for (let i = 0; i < 3; i++)
      assert.equal((await statusOf(api.listNamespacedSecret({ namespace: 'default' }))).reason, 'ServiceUnavailable');
    assert.equal((await api.readNamespacedSecret({ namespace: 'default', name: 'steady' })).metadata?.name, 'steady');
  } finally {
    cluster.faults.clear();
  }
  assert.equal((await api.listNamespacedSecret({ namespace: 'default' })).items.length, 1);
});

test('401 and 403 can be injected too, with the reasons clients branch on', async () => {
  cluster.faults.fail(401);
  assert.equal((await statusOf(api.listNamespacedSecret({ namespace: 'default' }))).code, 401);
  cluster.faults.fail(403);
  assert.equal((await statusOf(api.listNamespacedSecret({ namespace: 'default' }))).reason, 'Forbidden');
});

test('down refuses connections; up listens again on the same port with the same state', async () => {
  const port = cluster.port;
  await cluster.faults.down();
  try {
    assert.equal(await get('/api/v1/namespaces/default/secrets', 2000), 'ECONNREFUSED');
    assert.equal(cluster.faults.state().up, false);
  } finally {
    await cluster.faults.up();
  }
  assert.equal(cluster.port, port);
  assert.equal((await api.readNamespacedSecret({ namespace: 'default', name: 'steady' })).metadata?.name, 'steady');
});

test('going down ends open watches, and a cut drops them mid-stream', async () => {
  const ended: Array<unknown> = [];
  const start = () =>
    new Promise<void>((resolve, reject) => {
      new k8s.Watch(cluster.kubeConfig())
        .watch(
          '/api/v1/namespaces/default/secrets',
          { resourceVersion: cluster.store.resourceVersion },
          () => undefined,
          (err) => {
            ended.push(err);
            resolve();
          },
        )
        .catch(reject);
    });
  const waitForWatches = (n: number): Promise<void> =>
    eventually(async () => (await admin().state()).openWatches >= n, 10000, `${n} open watch(es)`);
  const cut = start();
  await waitForWatches(1);
  assert.equal(cluster.faults.cutWatches(), 1);
  await cut;
  const downed = start();
  await waitForWatches(1);
  await cluster.faults.down();
  await downed;
  await cluster.faults.up();
  assert.equal(ended.length, 2);
});

const admin = (): LocalClusterAdmin => LocalClusterAdmin.beside(cluster.kubeconfigPath);

test('the admin endpoint needs the admin token', async () => {
  const res = await fetch(`${cluster.adminUrl}/__local/state`, {
    headers: { Authorization: `Bearer ${cluster.token}` },
  });
  assert.equal(res.status, 401);
  const viaApiPort = await get('/__local/state', 2000);
  assert.equal(viaApiPort, 401, 'the API user token is not the admin token');
});

test('the admin endpoint injects faults from another process, and stays up while the API is down', async () => {
  const a = admin();
  await a.fail(500, 1, { verb: 'get' });
  assert.equal((await statusOf(api.readNamespacedSecret({ namespace: 'default', name: 'steady' }))).code, 500);
  await a.delay(60000);
  assert.equal(await get('/api/v1/namespaces', 200), 'TIMEOUT');
  assert.equal((await a.clearFaults()).faults.delayMs, 0);
  const down = await a.down();
  try {
    assert.equal(down.up, false);
    assert.equal(await get('/api/v1/namespaces', 2000), 'ECONNREFUSED');
  } finally {
    assert.equal((await a.up()).up, true);
  }
  assert.equal(await get('/api/v1/namespaces', 2000), 200);
});

test('secrets written through the admin endpoint reach client watches; expire forces 410 on old versions', async () => {
  const a = admin();
  const list = await api.listNamespacedSecret({ namespace: 'default' });
  const seen: string[] = [];
  let resolveSeen!: () => void;
  const sawDelete = new Promise<void>((r) => (resolveSeen = r));
  const req = await new k8s.Watch(cluster.kubeConfig()).watch(
    '/api/v1/namespaces/default/secrets',
    { resourceVersion: list.metadata!.resourceVersion },
    (type, obj) => {
      seen.push(`${type} ${obj.metadata.name}`);
      if (type === 'DELETED') resolveSeen();
    },
    () => undefined,
  );
  try {
    await a.putSecret({ metadata: { name: 'from-admin' }, stringData: { k: 'v' } });
    await a.putSecret({ metadata: { name: 'from-admin' }, stringData: { k: 'v2' } });
    assert.deepEqual((await a.secrets('default')).map((s) => s.metadata?.name).sort(), ['from-admin', 'steady']);
    await a.deleteSecret('default', 'from-admin');
    await sawDelete;
    assert.deepEqual(seen, ['ADDED from-admin', 'MODIFIED from-admin', 'DELETED from-admin']);
  } finally {
    req.abort();
  }
  await a.expireResourceVersions();
  const events = await watchUntilEnd(cluster, '/api/v1/namespaces/default/secrets', list.metadata!.resourceVersion!);
  assert.deepEqual(events, [{ type: 'ERROR', code: 410 }]);
});

test('an RBAC table can allow a user one namespace and forbid the others', async () => {
  const scoped = await startTestCluster({
    users: [
      { name: 'admin', token: 'admin-token', rules: [{ verbs: ['*'], resources: ['*'], namespaces: ['*'] }] },
      {
        name: 'team-a-reader',
        token: 'reader-token',
        rules: [{ verbs: ['get', 'list', 'watch'], resources: ['secrets'], namespaces: ['team-a'] }],
      },
    ],
    seed: { items: [{ metadata: { name: 's', namespace: 'team-a' }, stringData: { a: '1' } }] },
  });
  try {
    const kc = scoped.kubeConfig('local-team-a-reader');
    const reader = kc.makeApiClient(k8s.CoreV1Api);
    assert.equal((await reader.listNamespacedSecret({ namespace: 'team-a' })).items.length, 1);
    const other = await statusOf(reader.listNamespacedSecret({ namespace: 'default' }));
    assert.equal(other.code, 403);
    assert.equal(
      other.message,
      'secrets is forbidden: User "team-a-reader" cannot list ' +
        'resource "secrets" in API group "" in the namespace "default"',
    );
    const write = await statusOf(reader.deleteNamespacedSecret({ namespace: 'team-a', name: 's' }));
    assert.equal(
      write.message,
      'secrets "s" is forbidden: User "team-a-reader" cannot delete ' +
        'resource "secrets" in API group "" in the namespace "team-a"',
    );
    const all = await statusOf(reader.listSecretForAllNamespaces());
    assert.equal(
      all.message,
      'secrets is forbidden: User "team-a-reader" cannot list resource "secrets" in API group "" at the cluster scope',
    );
  } finally {
    await scoped.dispose();
  }
});

/** Reads a raw GET until `maxBytes` arrived (then drops it) or it ends: what came, and whether it ended. */
function readUpTo(path: string, maxBytes: number): Promise<{ status: number; text: string; ended: boolean }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${cluster.url}${path}`,
      { ca: cluster.caPem, agent: false, headers: { Authorization: `Bearer ${cluster.token}` } },
      (res) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        const done = (ended: boolean) =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), ended });
        res.on('data', (c: Buffer) => {
          if (bytes >= maxBytes) return;
          chunks.push(c);
          bytes += c.length;
          if (bytes >= maxBytes) {
            done(false);
            req.destroy();
          }
        });
        res.on('end', () => done(true));
      },
    );
    req.on('error', (err) => (req.destroyed ? undefined : reject(err)));
    req.end();
  });
}

test('endless answers: every page has a next continue token, a list body and a watch line never end; cleared, all is normal', async () => {
  const a = admin();
  await a.endless('continue');
  try {
    const first = JSON.parse((await readUpTo('/api/v1/namespaces/default/secrets?limit=1', 1 << 20)).text) as {
      metadata: { continue: string };
      items: unknown[];
    };
    assert.equal(first.items.length, 1);
    const next = JSON.parse(
      (await readUpTo(`/api/v1/namespaces/default/secrets?limit=1&continue=${first.metadata.continue}`, 1 << 20)).text,
    ) as { metadata: { continue: string } };
    assert.notEqual(next.metadata.continue, first.metadata.continue);
    assert.ok(next.metadata.continue);

    await a.endless('body');
    const body = await readUpTo('/api/v1/namespaces/default/secrets', 16 << 20);
    assert.deepEqual([body.status, body.ended], [200, false]);
    assert.match(body.text, /^\{"kind":"SecretList"/);
    assert.ok(body.text.length >= 16 << 20);

    await a.endless('watch-line');
    const line = await readUpTo('/api/v1/namespaces/default/secrets?watch=1', 16 << 20);
    assert.deepEqual([line.status, line.ended, line.text.includes('\n')], [200, false, false]);
    assert.equal((await a.state()).faults.endless, 'watch-line');
  } finally {
    await a.clearFaults();
  }
  assert.equal((await a.state()).faults.endless, undefined);
  const normal = await readUpTo('/api/v1/namespaces/default/secrets', 1 << 20);
  assert.deepEqual([normal.status, normal.ended], [200, true]);
  assert.equal((JSON.parse(normal.text) as { metadata: { continue?: string } }).metadata.continue, undefined);
});

test('a raw failure sends its message as a text/plain body, as a proxy in front of the API server would', async () => {
  await admin().fail(502, 1, { message: 'Bad gateway \u001b[31mred\u001b[0m', raw: true });
  const res = await readUpTo('/api/v1/namespaces/default/secrets', 1 << 20);
  assert.deepEqual([res.status, res.text], [502, 'Bad gateway \u001b[31mred\u001b[0m']);
});
