/**
 * The cluster calls on the wire (core/src/kubeApi/kubeHttp.ts, watchStream.ts): server URLs with a path, the TLS
 * name from the kubeconfig, the two shapes of a 410 on watch, a reset mid-watch, and requests that never answer.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { classifyClusterError } from '../../core/src/kubeApi/clusterProblem';
import { resolveTarget } from '../../core/src/kubeconfig/clusterTarget';
import { SecretsApi, type WatchEvent } from '../../core/src/catalog/secretsApi';
import { secretJson, startCluster } from './clusterFixture';
import { startFakeApiServer, statusJson } from './fakeApiServer';

/** Each test fails rather than hangs when a call is never bounded. */
const bounded = { timeout: 20_000 };

const watchCall = { verb: 'watch', resource: 'secrets', namespace: 'default' };

/** Runs a watch until it ends; returns its events and every onDone argument (one, if it ends once). */
async function watchUntilDone(
  api: SecretsApi,
  resourceVersion = '1',
): Promise<{ events: WatchEvent[]; done: unknown[] }> {
  const events: WatchEvent[] = [];
  const done: unknown[] = [];
  let ended!: () => void;
  const end = new Promise<void>((r) => (ended = r));
  const handle = await api.watch(
    resourceVersion,
    (e) => events.push(e),
    (err) => {
      done.push(err);
      ended();
    },
  );
  await end;
  handle.stop(); // after the end: must not call onDone again
  await new Promise((r) => setImmediate(r));
  return { events, done };
}

test(
  'a server URL with a path (a Rancher-style proxy) keeps that path in front of every call, watches included',
  bounded,
  async (t) => {
    const fx = await startCluster({ seed: { items: [secretJson('db', { password: 'pw' })] } });
    t.after(() => fx.stop());
    const prefix = '/k8s/clusters/c-m-1';
    // The proxy forwards only what is under its prefix, as Rancher does.
    const proxy = await startFakeApiServer((req, res) => {
      if (!req.url?.startsWith(`${prefix}/`)) {
        res.writeHead(404).end(statusJson(404, 'NotFound', 'not under the proxy prefix'));
        return;
      }
      const upstream = https.request(
        fx.cluster.url + req.url.slice(prefix.length),
        { method: req.method, headers: req.headers, ca: fx.cluster.caPem },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          res.flushHeaders(); // a watch's headers come before any event, as from the API server itself
          up.pipe(res);
        },
      );
      req.pipe(upstream);
    });
    t.after(() => proxy.close());
    const api = await SecretsApi.open(await proxy.target({ prefix: `${prefix}/`, token: fx.cluster.token }), 5000);

    const page = await api.listPage(10);
    assert.deepEqual(
      page.items.map((s) => s.name),
      ['db'],
    );
    assert.equal((await api.read('db')).data?.password, Buffer.from('pw').toString('base64'));
    assert.ok((await api.listNamespaces()).includes('default'));

    const events: WatchEvent[] = [];
    let done: unknown = 'not done';
    const handle = await api.watch(
      page.resourceVersion,
      (e) => events.push(e),
      (err) => (done = err),
    );
    fx.cluster.store.create('secrets', 'default', secretJson('later', { k: 'v' }));
    await waitFor(
      () => events.some((e) => e.type === 'ADDED' && e.secret.name === 'later'),
      'the watch event through the proxy',
    );
    handle.stop();
    assert.equal(done, undefined);
    assert.ok(proxy.requests.length >= 4);
    for (const r of proxy.requests) assert.match(r, /^\/k8s\/clusters\/c-m-1\/api\/v1\//);
  },
);

test("the kubeconfig's tls-server-name is the name the server certificate is checked against", bounded, async (t) => {
  const server = await startFakeApiServer((_req, res) => res.end(JSON.stringify({ metadata: {}, items: [] })));
  t.after(() => server.close());
  const right = await SecretsApi.open(await server.target({ tlsServerName: 'localhost' }), 5000);
  assert.deepEqual(await right.listNamespaces(), []);
  const wrong = await SecretsApi.open(await server.target({ tlsServerName: 'api.elsewhere.example' }), 5000);
  const err = await wrong.listNamespaces().then(
    () => undefined,
    (e: unknown) => e,
  );
  const c = classifyClusterError(err, { verb: 'list', resource: 'namespaces', namespace: 'default' });
  assert.equal(c.problem, 'unreachable');
  assert.match(c.reason, /ERR_TLS_CERT_ALTNAME_INVALID/);
});

test(
  'a 410 on watch classifies as "gone" whether it comes as an ERROR event or as the HTTP status',
  bounded,
  async (t) => {
    let asHttpStatus = false;
    const server = await startFakeApiServer((_req, res) => {
      if (asHttpStatus) {
        res
          .writeHead(410, { 'Content-Type': 'application/json' })
          .end(statusJson(410, 'Gone', 'too old resource version: 1 (7)'));
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const expired = JSON.parse(statusJson(410, 'Expired', 'too old resource version: 1 (7)'));
      res.write(`${JSON.stringify({ type: 'ERROR', object: expired })}\n`);
      // A real server ends the stream after the ERROR event; this one keeps it open, so the client must end it.
    });
    t.after(() => server.close());
    const api = await SecretsApi.open(await server.target(), 5000);

    const asEvent = await watchUntilDone(api);
    assert.equal(asEvent.done.length, 1);
    assert.equal(classifyClusterError(asEvent.done[0], watchCall).problem, 'gone');
    assert.match(classifyClusterError(asEvent.done[0], watchCall).reason, /too old resource version/);

    asHttpStatus = true;
    const asStatus = await watchUntilDone(api);
    assert.equal(asStatus.done.length, 1);
    assert.equal(classifyClusterError(asStatus.done[0], watchCall).problem, 'gone');
    assert.match(classifyClusterError(asStatus.done[0], watchCall).reason, /too old resource version/);
    await server.allSocketsClosed();
  },
);

test(
  'a connection cut mid-watch ends the watch with an error, once, after the events that came before it',
  bounded,
  async (t) => {
    const server = await startFakeApiServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const added = {
        type: 'ADDED',
        object: {
          ...secretJson('db', { password: 'hunter2' }),
          metadata: { name: 'db', namespace: 'default', resourceVersion: '5' },
        },
      };
      res.write(`${JSON.stringify(added)}\n`, () => req.socket.destroy());
    });
    t.after(() => server.close());
    const api = await SecretsApi.open(await server.target(), 5000);
    const { events, done } = await watchUntilDone(api);
    assert.deepEqual(
      events.map((e) => e.type === 'ADDED' && e.secret.name),
      ['db'],
    );
    assert.equal(done.length, 1);
    assert.ok(done[0], 'the watch ended with an error');
    assert.equal(classifyClusterError(done[0], watchCall).problem, 'unreachable');
    assert.doesNotMatch(JSON.stringify(events), /hunter2|aHVudGVyMg/);
  },
);

test(
  'an event handler that throws ends the watch with its error, once, instead of escaping the stream',
  bounded,
  async (t) => {
    const server = await startFakeApiServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write(`${JSON.stringify({ type: 'ADDED', object: secretJson('db', { k: 'v' }) })}\n`);
    });
    t.after(() => server.close());
    const api = await SecretsApi.open(await server.target(), 5000);
    const done: unknown[] = [];
    await new Promise<void>((resolve) => {
      void api.watch(
        '1',
        () => {
          throw new Error('consumer bug');
        },
        (err) => {
          done.push(err);
          resolve();
        },
      );
    });
    await server.allSocketsClosed();
    assert.deepEqual(
      done.map((e) => (e as Error).message),
      ['consumer bug'],
    );
  },
);

test(
  'a request that never gets an answer is abandoned at the timeout and its connection closed',
  bounded,
  async (t) => {
    const server = await startFakeApiServer(() => undefined);
    t.after(() => server.close());
    const api = await SecretsApi.open(await server.target(), 200);
    const err = await api.listPage(10).then(
      () => undefined,
      (e: unknown) => e,
    );
    const c = classifyClusterError(err, { verb: 'list', resource: 'secrets', namespace: 'default' });
    assert.equal(c.problem, 'timeout');
    assert.match(c.reason, /within 0\.2 s/);
    await server.allSocketsClosed();
  },
);

test(
  'a watch whose server never answers ends at the connect timeout with one onDone and no open connection',
  bounded,
  async (t) => {
    const server = await startFakeApiServer(() => undefined);
    t.after(() => server.close());
    const api = await SecretsApi.open(await server.target(), 200);
    const { done } = await watchUntilDone(api);
    assert.equal(done.length, 1);
    assert.equal(classifyClusterError(done[0], watchCall).problem, 'timeout');
    await server.allSocketsClosed();
  },
);

test(
  'HTTP errors reach the classifier with their status and Status message; an unparsable body is not quoted',
  bounded,
  async (t) => {
    let reply: (res: import('node:http').ServerResponse) => void = () => undefined;
    const server = await startFakeApiServer((_req, res) => reply(res));
    t.after(() => server.close());
    const api = await SecretsApi.open(await server.target(), 5000);
    const call = { verb: 'get', resource: 'secrets', namespace: 'default', name: 'db' };
    const failure = (p: Promise<unknown>) =>
      p.then(
        () => undefined,
        (e: unknown) => e,
      );

    reply = (res) =>
      res
        .writeHead(403)
        .end(statusJson(403, 'Forbidden', 'secrets "db" is forbidden: User "dev" cannot get resource "secrets"'));
    const forbidden = classifyClusterError(await failure(api.read('db')), call);
    assert.equal(forbidden.problem, 'forbidden');
    assert.match(forbidden.reason, /User "dev" cannot get resource "secrets"/);

    reply = (res) => res.writeHead(502, { 'Content-Type': 'text/html' }).end('<html>Bad Gateway</html>');
    assert.equal(classifyClusterError(await failure(api.read('db')), call).problem, 'server-error');

    reply = (res) => res.writeHead(200).end('{"data": {"password": "aHVudGVyMg=="'); // cut short
    const truncated = await failure(api.read('db'));
    assert.match(String((truncated as Error).message), /not JSON/);
    assert.doesNotMatch(String((truncated as Error).message), /aHVudGVyMg/);
  },
);

test(
  'a server in the kubeconfig that is not an http(s) URL fails at once with a message naming it',
  bounded,
  async (t) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pachyderm-bad-server-'));
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'kubeconfig');
    fs.writeFileSync(
      file,
      stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: 'c', cluster: { server: 'kube.example.com:6443' } }],
        users: [{ name: 'u', user: { token: 't' } }],
        contexts: [{ name: 'c', context: { cluster: 'c', user: 'u' } }],
        'current-context': 'c',
      }),
    );
    const target = await resolveTarget({ kubeconfig: file }, {});
    assert.ok(target.ok);
    const api = await SecretsApi.open(target, 60_000);
    const err = await api.listPage(10).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.match(
      String((err as Error).message),
      /server "kube\.example\.com:6443" is not an https:\/\/ \(or http:\/\/\) URL/,
    );
  },
);

/** Polls a condition with an overall timeout. */
async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
