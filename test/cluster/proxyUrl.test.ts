/**
 * A kubeconfig cluster with a `proxy-url` reaches the API server through the proxy, watches included, with TLS
 * checked end to end: socks5 (our own client, host names resolved by the proxy, as kubectl does) and an http(s)
 * CONNECT proxy (our own client too, the one HTTPS_PROXY uses, with the same messages). Without a `proxy-url`, the
 * proxy HTTPS_PROXY/NO_PROXY name, as with kubectl.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { parse, stringify } from 'yaml';
import { classifyClusterError } from '../../core/src/kubeApi/clusterProblem';
import { resolveTarget } from '../../core/src/kubeconfig/clusterTarget';
import { KubeHttp } from '../../core/src/kubeApi/kubeHttp';
import type { ProxyEnv } from '../../core/src/kubeApi/proxyFromEnvironment';
import { SecretsApi, type WatchEvent } from '../../core/src/catalog/secretsApi';
import { secretJson, startCluster, type ClusterFixture } from './clusterFixture';
import { startSocksServer } from './socksServer';
import { generateCertificates, type KeyPair } from '../../tools/local-cluster/certs';
import { CERT_CONTEXT } from '../../tools/local-cluster';

const bounded = { timeout: 20_000 };
/**
 * For the test that makes a second set of certificates (openssl key generation) and starts a child Node process:
 * on a machine busy with other work those alone took over 20 s, so its hang detector allows more.
 */
const boundedWithChild = { timeout: 60_000 };

/** The fixture's kubeconfig with these fields set on its cluster (e.g. `proxy-url`, `server`), resolved. */
async function targetWith(fx: ClusterFixture, fields: Record<string, string>, context?: string) {
  const config = parse(fs.readFileSync(fx.kubeconfig, 'utf8')) as { clusters: { cluster: Record<string, string> }[] };
  Object.assign(config.clusters[0].cluster, fields);
  const file = path.join(fx.dir, `proxied-${Math.random().toString(36).slice(2)}`);
  fs.writeFileSync(file, stringify(config));
  const target = await resolveTarget({ kubeconfig: file, context }, {});
  assert.ok(target.ok, !target.ok ? target.reason : '');
  return target;
}

/** The fixture's kubeconfig with the cluster behind `proxyUrl`, and `server` rewritten when given. */
async function apiThroughProxy(fx: ClusterFixture, proxyUrl: string, server?: string): Promise<SecretsApi> {
  return SecretsApi.open(await targetWith(fx, { 'proxy-url': proxyUrl, ...(server ? { server } : {}) }), 5000);
}

/**
 * The cluster under a name only the test CONNECT proxy knows, so a request that reaches it went through the proxy
 * (a direct one fails to resolve the name). The certificate names localhost, so that is the name it is checked against.
 */
const PROXIED_HOST = 'kube.proxied.test';

async function proxiedTarget(fx: ClusterFixture, fields: Record<string, string> = {}, context?: string) {
  const port = new URL(fx.cluster.url).port;
  return targetWith(
    fx,
    { server: `https://${PROXIED_HOST}:${port}`, 'tls-server-name': 'localhost', ...fields },
    context,
  );
}

/** A GET of the secrets' names through our HTTP layer with `env` as the environment. */
async function listNames(target: Awaited<ReturnType<typeof targetWith>>, env: ProxyEnv): Promise<string[]> {
  const http = new KubeHttp(target.kubeConfig, target.server, env);
  const list = await http.json<{ items: { metadata: { name: string } }[] }>(
    { method: 'GET', path: '/api/v1/namespaces/default/secrets' },
    5000,
  );
  return list.items.map((s) => s.metadata.name);
}

/** What a failed call classifies as, for the message a user would see. */
async function failure(call: Promise<unknown>) {
  const err = await call.then(
    () => assert.fail('the call should have failed'),
    (e: unknown) => e,
  );
  return classifyClusterError(err, { verb: 'list', resource: 'secrets', namespace: 'default' });
}

/** Lists, reads `db` (seeded with password "pw") and sees a later secret arrive on a watch: the three kinds of call. */
async function listReadAndWatch(
  fx: ClusterFixture,
  api: SecretsApi,
  t: { after(fn: () => void): void },
): Promise<void> {
  const page = await api.listPage(10);
  assert.deepEqual(
    page.items.map((s) => s.name),
    ['db'],
  );
  assert.equal((await api.read('db')).data?.password, Buffer.from('pw').toString('base64'));
  const events: WatchEvent[] = [];
  const handle = await api.watch(
    page.resourceVersion,
    (e) => events.push(e),
    () => undefined,
  );
  t.after(() => handle.stop());
  fx.cluster.store.create('secrets', 'default', secretJson('later', { k: 'v' }));
  await waitFor(
    () => events.some((e) => e.type === 'ADDED' && e.secret.name === 'later'),
    'the watch event through the proxy',
  );
}

interface ConnectProxy {
  url: string;
  /** The `host:port` of each CONNECT, as the client sent it. */
  tunnels: string[];
  close(): Promise<void>;
}

/** A local cluster (seeded as given) and a CONNECT proxy in front of it, both stopped when the test ends. */
async function clusterBehindProxy(
  t: { after(fn: () => unknown): void },
  seed?: Parameters<typeof startCluster>[0],
  ...proxyArgs: Parameters<typeof startConnectProxy>
): Promise<{ fx: ClusterFixture; proxy: ConnectProxy }> {
  const fx = await startCluster(seed);
  t.after(() => fx.stop());
  const proxy = await startConnectProxy(...proxyArgs);
  t.after(() => proxy.close());
  return { fx, proxy };
}

/**
 * An HTTP CONNECT proxy that resolves PROXIED_HOST to the loopback address; with `credentials` (user:password) it
 * answers 407 to a CONNECT without them, as a corporate proxy does; with `tls` (a certificate for localhost) it is
 * an https:// proxy, spoken to over TLS.
 */
async function startConnectProxy(credentials?: string, tls?: KeyPair): Promise<ConnectProxy> {
  const tunnels: string[] = [];
  const refuse = (_req: http.IncomingMessage, res: http.ServerResponse) => res.writeHead(405).end();
  const proxy = tls ? https.createServer({ key: tls.keyPem, cert: tls.certPem }, refuse) : http.createServer(refuse);
  const open = new Set<net.Socket>();
  proxy.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    open.add(client);
    client.on('error', () => client.destroy());
    if (credentials && req.headers['proxy-authorization'] !== `Basic ${Buffer.from(credentials).toString('base64')}`) {
      return void client.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\n\r\n',
      );
    }
    tunnels.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), host === PROXIED_HOST ? '127.0.0.1' : host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      client.pipe(upstream).pipe(client);
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  const port = (proxy.address() as net.AddressInfo).port;
  return {
    url: tls ? `https://localhost:${port}` : `http://127.0.0.1:${port}`,
    tunnels,
    close: () =>
      new Promise<void>((r) => {
        // Tunnelled sockets are no longer the server's HTTP connections: they are closed by hand.
        for (const s of open) s.destroy();
        proxy.close(() => r());
      }),
  };
}

test('list, read and watch go through a socks5 proxy-url, TLS verified against the cluster CA', bounded, async (t) => {
  const fx = await startCluster({ seed: { items: [secretJson('db', { password: 'pw' })] } });
  t.after(() => fx.stop());
  const proxy = await startSocksServer();
  t.after(() => proxy.close());
  const api = await apiThroughProxy(fx, proxy.url);
  await listReadAndWatch(fx, api, t);
  const port = new URL(fx.cluster.url).port;
  assert.ok(proxy.destinations.length >= 3);
  assert.ok(
    proxy.destinations.every((d) => d === `127.0.0.1:${port}`),
    proxy.destinations.join(', '),
  );
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

test(
  'a proxy that wants a username and password gets the ones in proxy-url; wrong ones give a clear "unreachable"',
  bounded,
  async (t) => {
    const fx = await startCluster({ seed: { items: [secretJson('db', { k: 'v' })] } });
    t.after(() => fx.stop());
    const proxy = await startSocksServer({ user: 'bastion', password: 'p@ss:word' });
    t.after(() => proxy.close());
    const ok = await apiThroughProxy(fx, proxy.url);
    assert.deepEqual(
      (await ok.listPage(10)).items.map((s) => s.name),
      ['db'],
    );

    const wrong = await apiThroughProxy(fx, proxy.url.replace('bastion', 'someone'));
    const err = await wrong.listPage(10).then(
      () => undefined,
      (e: unknown) => e,
    );
    const c = classifyClusterError(err, { verb: 'list', resource: 'secrets', namespace: 'default' });
    assert.equal(c.problem, 'unreachable');
    assert.match(c.reason, /SOCKS proxy .*rejected the username or password/);
    assert.doesNotMatch(c.reason, /p@ss|p%40ss/);
  },
);

test('a socks4 proxy-url is refused with a message naming what is supported', bounded, async (t) => {
  const fx = await startCluster();
  t.after(() => fx.stop());
  const api = await apiThroughProxy(fx, 'socks4://127.0.0.1:1');
  const err = await api.listPage(10).then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.match(String((err as Error).message), /only socks5 SOCKS proxies are supported/);
});

test(
  'list, read and watch go through an http proxy-url as CONNECT ' +
    'tunnels, TLS checked against the cluster CA and tls-server-name',
  bounded,
  async (t) => {
    const { fx, proxy } = await clusterBehindProxy(t, { seed: { items: [secretJson('db', { password: 'pw' })] } });
    // Only the proxy resolves the name, so every call that succeeds went through it.
    const api = await SecretsApi.open(await proxiedTarget(fx, { 'proxy-url': proxy.url }), 5000);
    await listReadAndWatch(fx, api, t);
    const port = new URL(fx.cluster.url).port;
    assert.ok(proxy.tunnels.length >= 3);
    assert.ok(
      proxy.tunnels.every((d) => d === `${PROXIED_HOST}:${port}`),
      proxy.tunnels.join(', '),
    );
  },
);

test('a client certificate signs in through an http proxy-url tunnel', bounded, async (t) => {
  const { fx, proxy } = await clusterBehindProxy(t, { seed: { items: [secretJson('db', { k: 'v' })] } });
  // The local-cert context has no token: the API server knows the user only from the certificate in the TLS handshake.
  const target = await proxiedTarget(fx, { 'proxy-url': proxy.url }, CERT_CONTEXT);
  assert.deepEqual(await listNames(target, {}), ['db']);
  assert.equal(proxy.tunnels.length, 1);
});

test(
  'a proxy-url proxy that wants credentials gets the ones in proxy-url; ' +
    'a 407 tells the user to add them, naming proxy-url, no password shown',
  bounded,
  async (t) => {
    const { fx, proxy } = await clusterBehindProxy(
      t,
      { seed: { items: [secretJson('db', { k: 'v' })] } },
      'corp\\me:p@ss',
    );
    const withCredentials = proxy.url.replace(
      'http://',
      `http://${encodeURIComponent('corp\\me')}:${encodeURIComponent('p@ss')}@`,
    );
    assert.deepEqual(await listNames(await proxiedTarget(fx, { 'proxy-url': withCredentials }), {}), ['db']);

    const c = await failure(
      listNames(await proxiedTarget(fx, { 'proxy-url': withCredentials.replace('p%40ss', 'guess') }), {}),
    );
    assert.equal(c.problem, 'unreachable');
    assert.match(
      c.reason,
      /proxy-url proxy 127\.0\.0\.1:\d+: could not connect to kube\.proxied\.test:\d+ through it: it refused the tunnel with 407 Proxy Authentication Required; put user:password in the proxy URL/,
    );
    assert.doesNotMatch(c.reason, /guess|corp|Bad response/);
  },
);

test(
  'a proxy-url that is not an http, https or socks5 URL fails the call with a message naming the field, not its value',
  bounded,
  async (t) => {
    const fx = await startCluster();
    t.after(() => fx.stop());
    const malformed = await failure(listNames(await proxiedTarget(fx, { 'proxy-url': 'http://me:s3cret@[proxy' }), {}));
    assert.match(
      malformed.reason,
      /the cluster's proxy-url is not a proxy URL \(expected e\.g\. http:\/\/proxy\.example\.com:3128\); fix it in the kubeconfig/,
    );
    assert.doesNotMatch(malformed.reason, /s3cret/);
    const ftp = await failure(
      listNames(await proxiedTarget(fx, { 'proxy-url': 'ftp://me:s3cret@proxy.example.com' }), {}),
    );
    assert.match(
      ftp.reason,
      /the cluster's proxy-url names a ftp:\/\/ proxy; kubectl and this extension speak http:\/\/, https:\/\/ and socks5:\/\/ proxies/,
    );
    assert.doesNotMatch(ftp.reason, /s3cret/);
  },
);

test(
  'an https proxy-url is spoken to over TLS: its certificate is checked against the trusted CAs before any CONNECT',
  boundedWithChild,
  async (t) => {
    const proxyCertificates = generateCertificates();
    const { fx, proxy } = await clusterBehindProxy(
      t,
      { seed: { items: [secretJson('db', { k: 'v' })] } },
      undefined,
      proxyCertificates,
    );
    const target = await proxiedTarget(fx, { 'proxy-url': proxy.url });

    // This process does not trust the proxy's CA (nor does the cluster CA vouch for it): refused, and the message
    // says it was the proxy.
    const c = await failure(listNames(target, {}));
    assert.equal(c.problem, 'unreachable');
    assert.match(
      c.reason,
      /proxy-url proxy localhost:\d+: could not connect to kube\.proxied\.test:\d+ through it: .*(certificate|issuer)/,
    );
    assert.deepEqual(proxy.tunnels, []);

    // A process that trusts it, as NODE_EXTRA_CA_CERTS makes Node (and so VS Code's extension host) do, gets through.
    const caFile = path.join(fx.dir, 'proxy-ca.crt');
    fs.writeFileSync(caFile, proxyCertificates.caPem);
    assert.deepEqual(await listNamesInProcess(target.files[0], { NODE_EXTRA_CA_CERTS: caFile }), ['db']);
    assert.deepEqual(proxy.tunnels, [`${PROXIED_HOST}:${new URL(fx.cluster.url).port}`]);
  },
);

test(
  'without a proxy-url, HTTPS_PROXY in the process environment carries list, read and watch through a CONNECT tunnel',
  bounded,
  async (t) => {
    const { fx, proxy } = await clusterBehindProxy(t, { seed: { items: [secretJson('db', { password: 'pw' })] } });
    // The one test of the default environment, process.env, as the extension and the CLI use it; put back after.
    const saved = {
      HTTPS_PROXY: process.env.HTTPS_PROXY,
      NO_PROXY: process.env.NO_PROXY,
      no_proxy: process.env.no_proxy,
    };
    t.after(() => {
      for (const [k, v] of Object.entries(saved))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    });
    process.env.HTTPS_PROXY = proxy.url;
    delete process.env.NO_PROXY;
    delete process.env.no_proxy;
    const api = await SecretsApi.open(await proxiedTarget(fx), 5000);
    await listReadAndWatch(fx, api, t);
    const port = new URL(fx.cluster.url).port;
    assert.ok(proxy.tunnels.length >= 3);
    assert.ok(
      proxy.tunnels.every((d) => d === `${PROXIED_HOST}:${port}`),
      proxy.tunnels.join(', '),
    );
  },
);

test('the lowercase https_proxy works too, and a proxy without a scheme is an http proxy', bounded, async (t) => {
  const { fx, proxy } = await clusterBehindProxy(t, { seed: { items: [secretJson('db', { k: 'v' })] } });
  const target = await proxiedTarget(fx);
  assert.deepEqual(await listNames(target, { https_proxy: proxy.url.replace('http://', '') }), ['db']);
  assert.equal(proxy.tunnels.length, 1);
});

test('a server NO_PROXY names is called directly: the proxy sees nothing', bounded, async (t) => {
  const { fx, proxy } = await clusterBehindProxy(t);
  const target = await proxiedTarget(fx);
  // Only the proxy knows the name, so going direct shows as this machine failing to resolve it.
  for (const noProxy of ['proxied.test', '.proxied.test', `${PROXIED_HOST}:${new URL(fx.cluster.url).port}`, '*']) {
    const c = await failure(listNames(target, { HTTPS_PROXY: proxy.url, NO_PROXY: noProxy }));
    assert.equal(c.problem, 'unreachable', noProxy);
    assert.match(c.reason, /kube\.proxied\.test/, noProxy);
  }
  assert.deepEqual(proxy.tunnels, []);
  // An entry for another domain or port leaves the server behind the proxy.
  assert.deepEqual(
    await listNames(target, { HTTPS_PROXY: proxy.url, NO_PROXY: `elsewhere.test,${PROXIED_HOST}:1` }),
    [],
  );
  assert.equal(proxy.tunnels.length, 1);
});

test(
  'a loopback server is called directly even with HTTPS_PROXY set, as Go (and so kubectl) does',
  bounded,
  async (t) => {
    const { fx, proxy } = await clusterBehindProxy(t, { seed: { items: [secretJson('db', { k: 'v' })] } });
    const target = await targetWith(fx, {});
    assert.match(target.server, /^https:\/\/127\.0\.0\.1:/);
    assert.deepEqual(await listNames(target, { HTTPS_PROXY: proxy.url }), ['db']);
    assert.deepEqual(proxy.tunnels, []);
  },
);

test('the kubeconfig proxy-url wins over HTTPS_PROXY', bounded, async (t) => {
  const fx = await startCluster({ seed: { items: [secretJson('db', { k: 'v' })] } });
  t.after(() => fx.stop());
  const envProxy = await startConnectProxy();
  t.after(() => envProxy.close());
  const socks = await startSocksServer();
  t.after(() => socks.close());
  // 0.0.0.0 reaches this machine without being loopback, so only proxy-url could route it away from HTTPS_PROXY.
  const port = new URL(fx.cluster.url).port;
  const target = await targetWith(fx, {
    'proxy-url': socks.url,
    server: `https://0.0.0.0:${port}`,
    'tls-server-name': 'localhost',
  });
  assert.deepEqual(await listNames(target, { HTTPS_PROXY: envProxy.url }), ['db']);
  assert.deepEqual(socks.destinations, [`0.0.0.0:${port}`]);
  assert.deepEqual(envProxy.tunnels, []);
});

test('a socks5:// HTTPS_PROXY goes through our SOCKS5 client', bounded, async (t) => {
  const fx = await startCluster({ seed: { items: [secretJson('db', { k: 'v' })] } });
  t.after(() => fx.stop());
  const socks = await startSocksServer();
  t.after(() => socks.close());
  const port = new URL(fx.cluster.url).port;
  const target = await targetWith(fx, { server: `https://0.0.0.0:${port}`, 'tls-server-name': 'localhost' });
  assert.deepEqual(await listNames(target, { HTTPS_PROXY: socks.url }), ['db']);
  assert.deepEqual(socks.destinations, [`0.0.0.0:${port}`]);
});

test(
  'a proxy that wants credentials gets the ones in HTTPS_PROXY; ' +
    'without them the user is told to add them, no password shown',
  bounded,
  async (t) => {
    const { fx, proxy } = await clusterBehindProxy(
      t,
      { seed: { items: [secretJson('db', { k: 'v' })] } },
      'corp\\me:p@ss',
    );
    const target = await proxiedTarget(fx);
    const withCredentials = proxy.url.replace(
      'http://',
      `http://${encodeURIComponent('corp\\me')}:${encodeURIComponent('p@ss')}@`,
    );
    assert.deepEqual(await listNames(target, { HTTPS_PROXY: withCredentials }), ['db']);

    const wrong = withCredentials.replace('p%40ss', 'guess');
    const c = await failure(listNames(target, { HTTPS_PROXY: wrong }));
    assert.equal(c.problem, 'unreachable');
    assert.match(
      c.reason,
      /HTTPS_PROXY proxy 127\.0\.0\.1:\d+: could not connect to kube\.proxied\.test:\d+ through it: it refused the tunnel with 407 Proxy Authentication Required; put user:password in the proxy URL/,
    );
    assert.doesNotMatch(c.reason, /guess|corp/);
  },
);

test(
  'an HTTPS_PROXY that is not a proxy URL fails the call with a message naming the variable, not its value',
  bounded,
  async (t) => {
    const fx = await startCluster();
    t.after(() => fx.stop());
    const c = await failure(listNames(await proxiedTarget(fx), { HTTPS_PROXY: 'http://me:s3cret@[proxy' }));
    assert.match(c.reason, /HTTPS_PROXY is set but is not a proxy URL/);
    assert.doesNotMatch(c.reason, /s3cret/);
  },
);

/** `listNames` in a Node process of its own with these environment variables added, e.g. one that trusts another CA. */
async function listNamesInProcess(kubeconfig: string, env: Record<string, string>): Promise<string[]> {
  // Beside this test: the TypeScript sources under tsx, the compiled modules under out/.
  const module = (name: string) => JSON.stringify(path.join(__dirname, '../../core/src', name));
  const script = `
    const { resolveTarget } = require(${module('kubeconfig/clusterTarget')});
    const { KubeHttp } = require(${module('kubeApi/kubeHttp')});
    (async () => {
      const target = await resolveTarget({ kubeconfig: process.argv[1] }, {});
      const list = await new KubeHttp(target.kubeConfig, target.server, {})
        .json({ method: 'GET', path: '/api/v1/namespaces/default/secrets' }, 5000);
      process.stdout.write(JSON.stringify(list.items.map((s) => s.metadata.name)));
    })().catch((err) => { process.stderr.write(String(err && err.message)); process.exitCode = 1; });`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '-e', script, kubeconfig], {
    env: { ...process.env, ...env },
  });
  return JSON.parse(stdout) as string[];
}

/** Polls a condition with an overall timeout. */
async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
