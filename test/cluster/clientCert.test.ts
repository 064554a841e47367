/**
 * Client-certificate kubeconfigs through the project's own cluster path (resolveTarget → client-node): the local
 * cluster's `local-cert` context has `client-certificate-data`/`client-key-data` and no token.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import { loadCatalog } from '../../core/src/catalog/loadCatalog';
import { CERT_CONTEXT, generateCertificateAuthority, issueClientCertificate } from '../../tools/local-cluster';
import { catalogFor, hasProblem, isReady, secretJson, startCluster, waitForSnapshot } from './clusterFixture';

test("loadCatalog with a client-certificate context returns the namespace's secrets", async (t) => {
  const fx = await startCluster({
    seed: { items: [secretJson('db', { password: 'p' }), secretJson('api', { token: 't' })] },
  });
  t.after(() => fx.stop());
  const s = await loadCatalog({ kubeconfig: fx.kubeconfig, context: CERT_CONTEXT, timeoutMs: 2000, env: {} });
  assert.deepEqual(
    [s.context, s.namespace, s.state, s.secrets.map((x) => x.name)],
    [CERT_CONTEXT, 'default', { kind: 'ready' }, ['api', 'db']],
  );
});

test('a live catalog on a client-certificate context lists, then follows the watch', async (t) => {
  const fx = await startCluster({ seed: { items: [secretJson('db', { password: 'p' })] } });
  t.after(() => fx.stop());
  const catalog = catalogFor({ kubeconfig: fx.kubeconfig, context: CERT_CONTEXT });
  t.after(() => catalog.dispose());
  await catalog.refresh();
  const ready = await waitForSnapshot(catalog, isReady, 'ready with the client certificate');
  assert.deepEqual([ready.context, ready.secrets.map((x) => x.name)], [CERT_CONTEXT, ['db']]);
  fx.cluster.store.create('secrets', 'default', secretJson('later', { k: 'v' }));
  await waitForSnapshot(catalog, (s) => s.secrets.some((x) => x.name === 'later'), 'the watch event');
});

test('a client certificate the cluster does not trust ends in the unauthorized state, naming no key material', async (t) => {
  const fx = await startCluster({ seed: { items: [secretJson('db', { password: 'p' })] } });
  t.after(() => fx.stop());
  const stranger = issueClientCertificate(generateCertificateAuthority(), 'cert-admin');
  const config = parse(fs.readFileSync(fx.kubeconfig, 'utf8')) as {
    users: Array<{ name: string; user: Record<string, string> }>;
  };
  const b64 = (pem: string): string => Buffer.from(pem).toString('base64');
  config.users.find((u) => u.name === 'cert-admin')!.user = {
    'client-certificate-data': b64(stranger.certPem),
    'client-key-data': b64(stranger.keyPem),
  };
  const file = path.join(fx.dir, 'foreign-cert');
  fs.writeFileSync(file, stringify(config));

  const once = await loadCatalog({ kubeconfig: file, context: CERT_CONTEXT, timeoutMs: 2000, env: {} });
  assert.equal(once.state.kind === 'error' && once.state.problem, 'unauthorized');
  const catalog = catalogFor({ kubeconfig: file, context: CERT_CONTEXT });
  t.after(() => catalog.dispose());
  await catalog.refresh();
  const live = await waitForSnapshot(catalog, hasProblem('unauthorized'), 'unauthorized');
  const keyBody = stranger.keyPem.split('\n')[1];
  for (const s of [once, live])
    assert.ok(
      !JSON.stringify(s).includes(keyBody) && !JSON.stringify(s).includes(b64(stranger.keyPem)),
      'no key material in the state',
    );
});
