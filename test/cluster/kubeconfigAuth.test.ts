/**
 * Authentication and contact through the real client-node: an exec auth plugin supplies the token, and contexts
 * other than the chosen one are never contacted.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import { catalogFor, isReady, secretJson, startCluster, waitForSnapshot } from './clusterFixture';

interface Kubeconfig {
  clusters: { name: string; cluster: Record<string, unknown> }[];
  users: { name: string; user: Record<string, unknown> }[];
  contexts: { name: string; context: Record<string, unknown> }[];
  'current-context': string;
}

test('an exec auth plugin provides the token, as kubectl would run it', async (t) => {
  const fx = await startCluster({ seed: { items: [secretJson('db', { k: 'v' })] } });
  t.after(() => fx.stop());
  const plugin = path.join(fx.dir, 'token-plugin.js');
  fs.writeFileSync(
    plugin,
    `process.stdout.write(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', ` +
      `status: { token: ${JSON.stringify(fx.cluster.token)} } }));\n`,
  );
  const config = parse(fs.readFileSync(fx.kubeconfig, 'utf8')) as Kubeconfig;
  config.users.push({
    name: 'exec-user',
    user: {
      exec: {
        apiVersion: 'client.authentication.k8s.io/v1',
        command: process.execPath,
        args: [plugin],
        interactiveMode: 'Never',
      },
    },
  });
  config.contexts.push({ name: 'exec', context: { cluster: 'local', user: 'exec-user', namespace: 'default' } });
  const file = path.join(fx.dir, 'exec-kubeconfig');
  fs.writeFileSync(file, stringify(config));
  const catalog = catalogFor({ kubeconfig: file, context: 'exec' });
  t.after(() => catalog.dispose());
  await catalog.refresh();
  const s = await waitForSnapshot(catalog, isReady, 'ready through the exec plugin');
  assert.deepEqual(
    s.secrets.map((x) => x.name),
    ['db'],
  );
});

test('only the chosen context is contacted, never the other clusters in the kubeconfig', async (t) => {
  const fx = await startCluster({ seed: { items: [secretJson('db', { k: 'v' })] } });
  t.after(() => fx.stop());
  let connections = 0;
  const other = net.createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
  t.after(() => new Promise<void>((r) => other.close(() => r())));
  const port = (other.address() as net.AddressInfo).port;
  const config = parse(fs.readFileSync(fx.kubeconfig, 'utf8')) as Kubeconfig;
  config.clusters.push({ name: 'elsewhere', cluster: { server: `https://127.0.0.1:${port}` } });
  config.contexts.push({ name: 'elsewhere', context: { cluster: 'elsewhere', user: config.users[0].name } });
  const file = path.join(fx.dir, 'two-clusters');
  fs.writeFileSync(file, stringify(config));
  const catalog = catalogFor({ kubeconfig: file, context: 'local' });
  t.after(() => catalog.dispose());
  await catalog.refresh();
  await waitForSnapshot(catalog, isReady, 'ready');
  fx.cluster.store.create('secrets', 'default', secretJson('later', { k: 'v' }));
  await waitForSnapshot(catalog, (s) => s.secrets.some((x) => x.name === 'later'), 'a watch event');
  assert.deepEqual(catalog.target().contexts.sort(), ['elsewhere', 'local', 'local-cert', 'local-forbidden']);
  assert.equal(connections, 0);
});

test('an exec auth plugin that prints malformed JSON is told by line and column, never by its output', async (t) => {
  const fx = await startCluster({ seed: { items: [secretJson('db', { k: 'v' })] } });
  t.after(() => fx.stop());
  const canary = 'CANARY-hunter2-value';
  // A token without its quotes: V8's own message would quote `…"token": CANARY-hu…`.
  const plugin = path.join(fx.dir, 'broken-plugin.js');
  fs.writeFileSync(plugin, `process.stdout.write('{"kind": "ExecCredential",\\n "status": {"token": ${canary}}}');\n`);
  const config = parse(fs.readFileSync(fx.kubeconfig, 'utf8')) as Kubeconfig;
  config.users.push({
    name: 'exec-user',
    user: {
      exec: {
        apiVersion: 'client.authentication.k8s.io/v1',
        command: process.execPath,
        args: [plugin],
        interactiveMode: 'Never',
      },
    },
  });
  config.contexts.push({ name: 'exec', context: { cluster: 'local', user: 'exec-user', namespace: 'default' } });
  const file = path.join(fx.dir, 'broken-exec-kubeconfig');
  fs.writeFileSync(file, stringify(config));
  const catalog = catalogFor({ kubeconfig: file, context: 'exec' });
  t.after(() => catalog.dispose());
  await catalog.refresh();
  const s = await waitForSnapshot(catalog, (x) => x.state.kind === 'error', 'an error from the exec plugin');
  const shown = JSON.stringify(s.state);
  assert.ok(!/CANARY|hunter2/.test(shown), shown);
  assert.match(shown, /printed output that is not JSON \(line 2, column 22: expected a value/);
});
