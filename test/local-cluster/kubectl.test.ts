/**
 * The real kubectl against the local API server: if kubectl's reads, writes, watches and error paths work
 * here as they do against a cluster, the server speaks the real protocol.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as https from 'node:https';
import { join } from 'node:path';
import { DEMO_SEED, kubectl, spawnKubectl, startTestCluster, waitForLine, type TestCluster } from './helpers';
import { FORBIDDEN_CONTEXT } from '../../tools/local-cluster/index';

let cluster: TestCluster;
before(async () => {
  cluster = await startTestCluster({ seed: DEMO_SEED() });
});
after(() => cluster.dispose());

function manifest(name: string, body: Record<string, unknown>): string {
  const file = join(cluster.dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name }, ...body }));
  return file;
}

const names = (stdout: string): string[] =>
  (JSON.parse(stdout) as { items: Array<{ metadata: { name: string } }> }).items.map((i) => i.metadata.name);

test('kubectl get secrets -o json lists the seeded secrets with kind and data', async () => {
  const r = await kubectl(cluster, ['get', 'secrets', '-o', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const list = JSON.parse(r.stdout) as {
    kind: string;
    items: Array<{
      kind: string;
      metadata: { name: string; namespace: string };
      type: string;
      data: Record<string, string>;
    }>;
  };
  assert.equal(list.kind, 'List');
  const regcred = list.items.find((i) => i.metadata.name === 'regcred')!;
  assert.equal(regcred.kind, 'Secret');
  assert.equal(regcred.metadata.namespace, 'default');
  assert.equal(regcred.type, 'kubernetes.io/dockerconfigjson');
  assert.ok(regcred.data['.dockerconfigjson']);
  assert.ok(!names(r.stdout).includes('warehouse-creds'), 'a secret of another namespace is not listed');
});

test('kubectl get -l filters with =, !=, in, notin, exists and !key selectors', async () => {
  const get = async (selector: string): Promise<string[]> => {
    const r = await kubectl(cluster, ['get', 'secrets', '-o', 'json', '-l', selector]);
    assert.equal(r.code, 0, r.stderr);
    return names(r.stdout).sort();
  };
  const managed = ['aws-credentials', 'openai', 'snowflakesecret', 'superbai', 'wandb'];
  assert.deepEqual(await get('secret-source=pachyderm-user'), managed);
  assert.deepEqual(await get('secret-source==pachyderm-user,suite=pachyderm'), managed);
  assert.deepEqual(await get('app in (pachd,console)'), [
    'pachyderm-auth',
    'pachyderm-console-secret',
    'pachyderm-identity',
    'pachyderm-storage-secret',
  ]);
  assert.deepEqual(await get('suite,secret-source notin (pachyderm-user)'), [
    'pachyderm-auth',
    'pachyderm-console-secret',
    'pachyderm-identity',
    'pachyderm-storage-secret',
  ]);
  assert.deepEqual(await get('app.kubernetes.io/name'), ['postgres', 'rabbitmq-password']);
  const unlabelled = await get('!suite,!app.kubernetes.io/name');
  assert.ok(unlabelled.includes('mongosecret') && unlabelled.includes('regcred') && !unlabelled.includes('postgres'));
  const notManaged = await get('secret-source!=pachyderm-user');
  assert.ok(
    notManaged.includes('postgres') && !notManaged.includes('wandb'),
    '!= also matches secrets without the label',
  );
});

test('kubectl get --field-selector filters by type and name, across namespaces with -A', async () => {
  const r = await kubectl(cluster, [
    'get',
    'secrets',
    '-A',
    '-o',
    'json',
    '--field-selector',
    'type=kubernetes.io/dockerconfigjson',
  ]);
  assert.equal(r.code, 0, r.stderr);
  const items = (JSON.parse(r.stdout) as { items: Array<{ metadata: { name: string; namespace: string } }> }).items.map(
    (i) => `${i.metadata.namespace}/${i.metadata.name}`,
  );
  assert.deepEqual(items, ['default/regcred', 'team-analytics/regcred']);
  const byName = await kubectl(cluster, ['get', 'secrets', '-o', 'name', '--field-selector', 'metadata.name=postgres']);
  assert.equal(byName.stdout, 'secret/postgres\n');
});

test('a malformed selector is a 400 BadRequest that says what could not be parsed', async () => {
  const label = await kubectl(cluster, ['get', 'secrets', '-l', 'a b']);
  assert.equal(label.code, 1);
  assert.match(
    label.stderr,
    /Error from server \(BadRequest\): .*unable to parse requirement: found 'a b', expected: ',' or 'end of string'/,
  );
  const field = await kubectl(cluster, ['get', 'secrets', '--field-selector', 'spec.x=1']);
  assert.equal(field.code, 1);
  assert.match(field.stderr, /field label not supported: spec\.x/);
});

test('kubectl api-resources lists what discovery offers (aggregated for new kubectl, per group for old)', async () => {
  const r = await kubectl(cluster, ['api-resources', '-o', 'name']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.stdout.trim().split('\n'), [
    'events',
    'namespaces',
    'pods',
    'replicationcontrollers',
    'secrets',
    'selfsubjectaccessreviews.authorization.k8s.io',
  ]);
  const aggregated = await new Promise<{
    type?: string;
    body: { kind: string; items: Array<{ versions: Array<{ resources: Array<{ resource: string }> }> }> };
  }>((resolve, reject) => {
    const accept = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json';
    https
      .get(
        `${cluster.url}/api`,
        { ca: cluster.caPem, headers: { Authorization: `Bearer ${cluster.token}`, Accept: accept } },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ type: res.headers['content-type'], body: JSON.parse(text) }));
        },
      )
      .on('error', reject);
  });
  assert.match(aggregated.type ?? '', /as=APIGroupDiscoveryList/);
  assert.equal(aggregated.body.kind, 'APIGroupDiscoveryList');
  assert.deepEqual(
    aggregated.body.items[0].versions[0].resources.map((x) => x.resource),
    ['events', 'namespaces', 'pods', 'replicationcontrollers', 'secrets'],
  );
});

test('kubectl get prints the server-side table: NAME TYPE DATA AGE', async () => {
  const r = await kubectl(cluster, ['get', 'secret', 'console-tls']);
  assert.equal(r.code, 0, r.stderr);
  const [header, row] = r.stdout.trim().split('\n');
  assert.deepEqual(header.split(/\s+/), ['NAME', 'TYPE', 'DATA', 'AGE']);
  assert.deepEqual(row.split(/\s+/).slice(0, 3), ['console-tls', 'kubernetes.io/tls', '2']);
});

test('kubectl create -f creates the secret; a second create says AlreadyExists with exit code 1', async () => {
  const file = manifest('created-by-file', { stringData: { token: 'abc' }, type: 'Opaque' });
  const r = await kubectl(cluster, ['create', '-f', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.trim(), 'secret/created-by-file created');
  const stored = cluster.store.get('secrets', 'default', 'created-by-file');
  assert.deepEqual(stored.data, { token: Buffer.from('abc').toString('base64') }, 'stringData is folded into data');
  assert.equal(stored.stringData, undefined);
  const again = await kubectl(cluster, ['create', '-f', file]);
  assert.equal(again.code, 1);
  assert.match(
    again.stderr,
    /Error from server \(AlreadyExists\): error when creating ".*created-by-file.json": secrets "created-by-file" already exists/,
  );
});

test('kubectl create secret generic (a protobuf request body) creates the secret kubectl describes', async () => {
  const r = await kubectl(cluster, [
    'create',
    'secret',
    'generic',
    'from-literal',
    '--from-literal=user=admin',
    '--from-literal=pass=s3cr=t',
  ]);
  assert.equal(r.code, 0, r.stderr);
  const stored = cluster.store.get('secrets', 'default', 'from-literal');
  assert.deepEqual(stored.data, {
    pass: Buffer.from('s3cr=t').toString('base64'),
    user: Buffer.from('admin').toString('base64'),
  });
  assert.equal(stored.type, 'Opaque');
});

test('kubectl apply -f creates, then updates the same secret, keeping its uid', async () => {
  const file = manifest('applied', {
    stringData: { url: 'https://one' },
    metadata: { name: 'applied', labels: { stage: 'one' } },
  });
  const first = await kubectl(cluster, ['apply', '-f', file]);
  assert.equal(first.code, 0, first.stderr);
  assert.equal(first.stdout.trim(), 'secret/applied created');
  const created = cluster.store.get('secrets', 'default', 'applied');
  const b64 = (v: string): string => Buffer.from(v).toString('base64');
  manifest('applied', {
    data: { url: b64('https://two'), extra: b64('x') },
    metadata: { name: 'applied', labels: { stage: 'two' } },
  });
  const second = await kubectl(cluster, ['apply', '-f', file]);
  assert.equal(second.code, 0, second.stderr);
  assert.equal(second.stdout.trim(), 'secret/applied configured');
  const updated = cluster.store.get('secrets', 'default', 'applied');
  assert.equal(updated.metadata?.uid, created.metadata?.uid);
  assert.notEqual(updated.metadata?.resourceVersion, created.metadata?.resourceVersion);
  assert.deepEqual(updated.metadata?.labels, { stage: 'two' });
  assert.equal(Buffer.from((updated.data as Record<string, string>).url, 'base64').toString(), 'https://two');
  assert.ok((updated.data as Record<string, string>).extra);
  const third = await kubectl(cluster, ['apply', '-f', file]);
  assert.equal(third.stdout.trim(), 'secret/applied unchanged');
});

test('kubectl apply --server-side creates and updates with field manager kubectl', async () => {
  const file = manifest('server-applied', { stringData: { a: '1' } });
  const r = await kubectl(cluster, ['apply', '--server-side', '-f', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.trim(), 'secret/server-applied serverside-applied');
  const stored = cluster.store.get('secrets', 'default', 'server-applied');
  const managers = (stored.metadata?.managedFields as Array<{ manager: string; operation: string }>).map(
    (m) => `${m.manager}/${m.operation}`,
  );
  assert.deepEqual(managers, ['kubectl/Apply']);
  manifest('server-applied', { stringData: { a: '2' } });
  const again = await kubectl(cluster, ['apply', '--server-side', '-f', file]);
  assert.equal(again.code, 0, again.stderr);
  const updated = cluster.store.get('secrets', 'default', 'server-applied');
  assert.equal(Buffer.from((updated.data as Record<string, string>).a, 'base64').toString(), '2');
  assert.equal(updated.metadata?.uid, stored.metadata?.uid);
});

test('kubectl patch applies merge, strategic and JSON patches', async () => {
  await kubectl(cluster, ['create', 'secret', 'generic', 'patched', '--from-literal=a=1']);
  let r = await kubectl(cluster, [
    'patch',
    'secret',
    'patched',
    '--type=merge',
    '-p',
    '{"metadata":{"labels":{"team":"x"}},"stringData":{"b":"2"}}',
  ]);
  assert.equal(r.code, 0, r.stderr);
  r = await kubectl(cluster, ['patch', 'secret', 'patched', '-p', '{"metadata":{"labels":{"tier":"y"}}}']);
  assert.equal(r.code, 0, r.stderr);
  r = await kubectl(cluster, ['patch', 'secret', 'patched', '--type=json', '-p', '[{"op":"remove","path":"/data/a"}]']);
  assert.equal(r.code, 0, r.stderr);
  const stored = cluster.store.get('secrets', 'default', 'patched');
  assert.deepEqual(stored.metadata?.labels, { team: 'x', tier: 'y' });
  assert.deepEqual(Object.keys(stored.data as object), ['b']);
  const bad = await kubectl(cluster, [
    'patch',
    'secret',
    'patched',
    '--type=json',
    '-p',
    '[{"op":"replace","path":"/data/nope","value":"eA=="}]',
  ]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /replace operation does not apply/);
});

test('kubectl delete removes the secret and waits for it to be gone; deleting it again is NotFound', async () => {
  await kubectl(cluster, ['create', 'secret', 'generic', 'doomed', '--from-literal=a=1']);
  const r = await kubectl(cluster, ['delete', 'secret', 'doomed']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.trim(), 'secret "doomed" deleted');
  assert.equal(cluster.store.has('secrets', 'default', 'doomed'), false);
  const again = await kubectl(cluster, ['delete', 'secret', 'doomed']);
  assert.equal(again.code, 1);
  assert.equal(again.stderr.trim(), 'Error from server (NotFound): secrets "doomed" not found');
});

test('kubectl create --dry-run=server validates and returns the object but stores nothing', async () => {
  const r = await kubectl(cluster, [
    'create',
    'secret',
    'generic',
    'dry',
    '--from-literal=a=1',
    '--dry-run=server',
    '-o',
    'name',
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.trim(), 'secret/dry');
  assert.equal(cluster.store.has('secrets', 'default', 'dry'), false);
});

test('kubectl get --watch sees secrets added, changed and deleted through the API', async (t) => {
  const watcher = spawnKubectl(cluster, ['get', 'secrets', '--watch', '--output-watch-events']);
  t.after(() => watcher.kill());
  await waitForLine(watcher, /^ADDED\s+wandb\s/);
  cluster.store.create('secrets', 'default', { metadata: { name: 'watched' }, stringData: { k: 'v' } });
  await waitForLine(watcher, /^ADDED\s+watched\s+Opaque\s+1\s/);
  const current = cluster.store.get('secrets', 'default', 'watched');
  cluster.store.update('secrets', 'default', 'watched', { ...current, stringData: { k2: 'v2' } });
  await waitForLine(watcher, /^MODIFIED\s+watched\s+Opaque\s+2\s/);
  cluster.store.delete('secrets', 'default', 'watched');
  await waitForLine(watcher, /^DELETED\s+watched\s/);
});

test("a user RBAC forbids to list secrets gets kubectl's Forbidden error and exit code 1", async () => {
  const r = await kubectl(cluster, ['--context', FORBIDDEN_CONTEXT, 'get', 'secrets']);
  assert.equal(r.code, 1);
  assert.equal(
    r.stderr.trim(),
    'Error from server (Forbidden): secrets is forbidden: User "restricted" cannot list resource "secrets" in API ' +
      'group "" in the namespace "default"',
  );
  const get = await kubectl(cluster, ['--context', FORBIDDEN_CONTEXT, 'get', 'secret', 'postgres']);
  assert.match(
    get.stderr,
    /secrets "postgres" is forbidden: User "restricted" cannot get resource "secrets" in API group "" in the namespace "default"/,
  );
  const ns = await kubectl(cluster, ['--context', FORBIDDEN_CONTEXT, 'get', 'namespaces', '-o', 'name']);
  assert.equal(ns.code, 0, 'the restricted user may still list namespaces');
});

test('kubectl auth can-i answers from the same RBAC table that guards the API', async () => {
  const admin = await kubectl(cluster, ['auth', 'can-i', 'delete', 'secrets']);
  assert.equal(admin.code, 0, admin.stderr);
  assert.equal(admin.stdout.trim(), 'yes');
  const restricted = await kubectl(cluster, ['--context', FORBIDDEN_CONTEXT, 'auth', 'can-i', 'list', 'secrets']);
  assert.equal(restricted.code, 1);
  assert.equal(restricted.stdout.trim(), 'no');
  const namespaces = await kubectl(cluster, ['--context', FORBIDDEN_CONTEXT, 'auth', 'can-i', 'list', 'namespaces']);
  assert.equal(namespaces.stdout.trim(), 'yes');
});

test('a bad token makes kubectl say it must be logged in', async () => {
  const r = await kubectl(cluster, ['--token', 'not-a-token', 'get', 'secrets']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /error: You must be logged in to the server \(Unauthorized\)/);
});

test("an invalid name is rejected with the API's 422 message", async () => {
  const r = await kubectl(cluster, ['create', 'secret', 'generic', 'Bad_Name', '--from-literal=a=1']);
  assert.equal(r.code, 1);
  assert.equal(
    r.stderr.trim(),
    `error: failed to create secret Secret "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a ` +
      `lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start ` +
      `and end with an alphanumeric character (e.g. 'example.com', regex used for validation is ` +
      `'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
  );
  const file = manifest('Also_Bad', { data: { 'bad key': 'eA==' } });
  const fromFile = await kubectl(cluster, ['create', '-f', file]);
  assert.equal(fromFile.code, 1);
  assert.match(fromFile.stderr, /The Secret "Also_Bad" is invalid: \n\* metadata\.name: Invalid value: "Also_Bad"/);
  assert.match(
    fromFile.stderr,
    /\* data\[bad key\]: Invalid value: "bad key": a valid config key must consist of alphanumeric characters/,
  );
});

test('a secret in a namespace that does not exist is NotFound; kubectl create namespace makes it', async () => {
  const r = await kubectl(cluster, ['-n', 'fresh', 'create', 'secret', 'generic', 'x', '--from-literal=a=1']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /namespaces "fresh" not found/);
  assert.equal((await kubectl(cluster, ['create', 'namespace', 'fresh'])).code, 0);
  assert.equal(
    (await kubectl(cluster, ['-n', 'fresh', 'create', 'secret', 'generic', 'x', '--from-literal=a=1'])).code,
    0,
  );
});

test('the default namespace cannot be deleted, as on a real cluster', async () => {
  const r = await kubectl(cluster, ['delete', 'namespace', 'default']);
  assert.equal(r.code, 1);
  assert.equal(
    r.stderr.trim(),
    'Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted',
  );
});
