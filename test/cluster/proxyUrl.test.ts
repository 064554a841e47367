/**
 * A kubeconfig cluster with a `proxy-url` reaches the API server through the proxy, watches included, with TLS
 * checked end to end: socks5 (our own client, host names resolved by the proxy, as kubectl does) and an HTTP
 * CONNECT proxy (client-node's).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import { classifyClusterError } from '../../core/src/cluster/clusterProblem';
import { resolveTarget } from '../../core/src/cluster/clusterTarget';
import { SecretsApi, type WatchEvent } from '../../core/src/cluster/secretsApi';
import { secretJson, startCluster, type ClusterFixture } from './clusterFixture';
import { startSocksServer } from './socksServer';

const bounded = { timeout: 20_000 };

/** The fixture's kubeconfig with the cluster behind `proxyUrl`, and `server` rewritten when given. */
async function apiThroughProxy(fx: ClusterFixture, proxyUrl: string, server?: string): Promise<SecretsApi> {
  const config = parse(fs.readFileSync(fx.kubeconfig, 'utf8')) as { clusters: { cluster: Record<string, string> }[] };
  config.clusters[0].cluster['proxy-url'] = proxyUrl;
  if (server) config.clusters[0].cluster.server = server;
  const file = path.join(fx.dir, `proxied-${Math.random().toString(36).slice(2)}`);
  fs.writeFileSync(file, stringify(config));
  const target = await resolveTarget({ kubeconfig: file }, {});
  assert.ok(target.ok, !target.ok ? target.reason : '');
  return SecretsApi.open(target, 5000);
}

test('list, read and watch go through a socks5 proxy-url, TLS verified against the cluster CA', bounded, async (t) => {
  const fx = await startCluster({ seed: { items: [secretJson('db', { password: 'pw' })] } });
  t.after(() => fx.stop());
  const proxy = await startSocksServer();
  t.after(() => proxy.close());
  const api = await apiThroughProxy(fx, proxy.url);
  const page = await api.listPage(10);
  assert.deepEqual(page.items.map((s) => s.name), ['db']);
  assert.equal((await api.read('db')).data?.password, Buffer.from('pw').toString('base64'));
  const events: WatchEvent[] = [];
  const handle = await api.watch(page.resourceVersion, (e) => events.push(e), () => undefined);
  t.after(() => handle.stop());
  fx.cluster.store.create('secrets', 'default', secretJson('later', { k: 'v' }));
  await waitFor(() => events.some((e) => e.type === 'ADDED' && e.secret.name === 'later'), 'the watch event through the proxy');
  const port = new URL(fx.cluster.url).port;
  assert.ok(proxy.destinations.length >= 3);
  assert.ok(proxy.destinations.every((d) => d === `127.0.0.1:${port}`), proxy.destinations.join(', '));
});

test('a host name in the server URL is resolved by the proxy, not locally', bounded, async (t) => {
  const fx = await startCluster();
  t.after(() => fx.stop());
  const proxy = await startSocksServer();
  t.after(() => proxy.close());
  const port = new URL(fx.cluster.url).port;
  const api = await apiThroughProxy(fx, proxy.url, `https://localhost:${port}`);
  assert.deepEqual((await api.listPage(10)).items, []);
  assert.deepEqual(proxy.destinations, [`localhost:${port}`]);
});

test('a proxy that wants a username and password gets the ones in proxy-url; wrong ones give a clear "unreachable"', bounded, async (t) => {
  const fx = await startCluster({ seed: { items: [secretJson('db', { k: 'v' })] } });
  t.after(() => fx.stop());
  const proxy = await startSocksServer({ user: 'bastion', password: 'p@ss:word' });
  t.after(() => proxy.close());
  const ok = await apiThroughProxy(fx, proxy.url);
  assert.deepEqual((await ok.listPage(10)).items.map((s) => s.name), ['db']);

  const wrong = await apiThroughProxy(fx, proxy.url.replace('bastion', 'someone'));
  const err = await wrong.listPage(10).then(() => undefined, (e: unknown) => e);
  const c = classifyClusterError(err, { verb: 'list', resource: 'secrets', namespace: 'default' });
  assert.equal(c.problem, 'unreachable');
  assert.match(c.reason, /SOCKS proxy .*rejected the username or password/);
  assert.doesNotMatch(c.reason, /p@ss|p%40ss/);
});

test('a socks4 proxy-url is refused with a message naming what is supported', bounded, async (t) => {
  const fx = await startCluster();
  t.after(() => fx.stop());
  const api = await apiThroughProxy(fx, 'socks4://127.0.0.1:1');
  const err = await api.listPage(10).then(() => undefined, (e: unknown) => e);
  assert.match(String((err as Error).message), /only socks5 SOCKS proxies are supported/);
});

test('an http proxy-url tunnels the calls with CONNECT', bounded, async (t) => {
  const fx = await startCluster({ seed: { items: [secretJson('db', { k: 'v' })] } });
  t.after(() => fx.stop());
  const tunnels: string[] = [];
  const proxy = http.createServer((_req, res) => res.writeHead(405).end());
  const open = new Set<net.Socket>();
  proxy.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    tunnels.push(req.url ?? '');
    open.add(client);
    const [host, port] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      client.pipe(upstream).pipe(client);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  t.after(() => new Promise<void>((r) => {
    // Tunnelled sockets are no longer the server's HTTP connections: they are closed by hand.
    for (const s of open) s.destroy();
    proxy.close(() => r());
  }));
  const api = await apiThroughProxy(fx, `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`);
  assert.deepEqual((await api.listPage(10)).items.map((s) => s.name), ['db']);
  assert.deepEqual(tunnels, [`127.0.0.1:${new URL(fx.cluster.url).port}`]);
});

/** Polls a condition with an overall timeout. */
async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
