/**
 * `insecure-skip-tls-verify` in the kubeconfig: together with a CA it is refused with kubectl's own words (checked
 * against the real kubectl on the same kubeconfig); alone it connects, and the snapshot carries the mark the tree
 * and the status bar show.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import { catalogFor, isReady, secretJson, startCluster, waitForSnapshot, type ClusterFixture } from './clusterFixture';
import { kubectl } from '../local-cluster/helpers';
import { loadCatalog } from '../../core/src/catalog/loadCatalog';
import { INSECURE_WITH_CA_MESSAGE, insecurityOf, refusedTlsSettings } from '../../core/src/kubeconfig/tlsVerification';
import type { Cluster } from '@kubernetes/client-node';
import { rootRows } from '../../client/src/cluster/treeModel';
import { statusText } from '../../client/src/cluster/statusModel';

/** The fixture's kubeconfig with its cluster edited, written beside it. */
function kubeconfigWith(fx: ClusterFixture, name: string, edit: (cluster: Record<string, unknown>) => void): string {
  const config = parse(fs.readFileSync(fx.kubeconfig, 'utf8')) as { clusters: { cluster: Record<string, unknown> }[] };
  for (const c of config.clusters) edit(c.cluster);
  const file = path.join(fx.dir, name);
  fs.writeFileSync(file, stringify(config));
  return file;
}

const view = { pachydermOnly: false, ignoredSettings: [], decorators: [], now: new Date() };

test('skip-TLS-verify next to a CA is refused with the words kubectl uses for the same kubeconfig', async (t) => {
  const fx = await startCluster({ seed: { items: [secretJson('db', { k: 'v' })] } });
  t.after(() => fx.stop());
  const file = kubeconfigWith(fx, 'both', (c) => void (c['insecure-skip-tls-verify'] = true));
  const real = await kubectl({ kubeconfigPath: file, dir: fx.dir }, ['get', 'secrets']);
  assert.equal(real.code, 1);
  assert.match(real.stderr, new RegExp(`error: ${INSECURE_WITH_CA_MESSAGE}`));

  const snapshot = await loadCatalog({ kubeconfig: file });
  assert.deepEqual(snapshot.state, {
    kind: 'error',
    problem: 'other',
    reason:
      `Context "local": ${INSECURE_WITH_CA_MESSAGE}: cluster "local" sets both insecure-skip-tls-verify and ` +
      `certificate-authority-data, as kubectl refuses too; remove one of them from the kubeconfig.`,
  });
});

test('skip-TLS-verify alone connects, and the tree and the status bar mark the connection as not verified', async (t) => {
  const fx = await startCluster({ seed: { items: [secretJson('db', { k: 'v' })] } });
  t.after(() => fx.stop());
  const file = kubeconfigWith(fx, 'insecure', (c) => {
    delete c['certificate-authority-data'];
    c['insecure-skip-tls-verify'] = true;
  });
  const catalog = catalogFor({ kubeconfig: file });
  t.after(() => catalog.dispose());
  await catalog.refresh();
  const s = await waitForSnapshot(catalog, isReady, 'ready without verification');
  assert.equal(s.insecurity, 'tls-not-verified');
  const [target] = rootRows(s, view);
  assert.equal(target.description, 'namespace default · ⚠ TLS not verified');
  assert.match(
    target.tooltip ?? '',
    /⚠ The kubeconfig sets insecure-skip-tls-verify for this cluster: its certificate is not checked/,
  );
  assert.equal(target.icon, 'unlock');
  const status = statusText(s);
  assert.equal(status.text, '$(unlock) $(key) 1 secrets');
  assert.match(status.tooltip, /^⚠ TLS not verified: /);

  // With verification on, no mark.
  const verified = catalogFor({ kubeconfig: fx.kubeconfig });
  t.after(() => verified.dispose());
  await verified.refresh();
  const v = await waitForSnapshot(verified, isReady, 'ready with verification');
  assert.equal(v.insecurity, undefined);
  assert.equal(rootRows(v, view)[0].description, 'namespace default');
  assert.equal(statusText(v).text, '$(key) 1 secrets');
});

test('an http:// server is marked as not encrypted; a CA file next to skip-verify is refused like CA data', () => {
  const cluster = (c: Partial<Cluster>): Cluster =>
    ({ name: 'c', server: 'https://h', skipTLSVerify: false, ...c }) as Cluster;
  assert.equal(insecurityOf(cluster({ server: 'HTTP://h:8080' })), 'not-encrypted');
  assert.equal(insecurityOf(cluster({ skipTLSVerify: true })), 'tls-not-verified');
  assert.equal(insecurityOf(cluster({})), undefined);
  assert.match(
    refusedTlsSettings(cluster({ skipTLSVerify: true, caFile: '/ca.crt' })) ?? '',
    /sets both insecure-skip-tls-verify and certificate-authority,/,
  );
  assert.equal(refusedTlsSettings(cluster({ caFile: '/ca.crt' })), undefined);
  const s = {
    context: 'c',
    namespace: 'default',
    state: { kind: 'ready' as const },
    secrets: [],
    insecurity: 'not-encrypted' as const,
  };
  assert.equal(rootRows(s, view)[0].description, 'namespace default · ⚠ not encrypted (http://)');
  assert.match(statusText(s).tooltip, /^⚠ not encrypted \(http:\/\/\): The cluster's server is an http:\/\/ URL/);
});
