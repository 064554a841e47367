/**
 * Every installed kubectl release (1.27 … 1.33) against the local API server: older ones fetch /openapi/v2 as
 * protobuf before create and apply, newer ones /openapi/v3; all must create, apply, select and delete, and meet
 * the answers the secret-lifecycle writes get (conflict, immutable, can-i by name) as they print them.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kubectl, kubectlVersions, startTestCluster, type TestCluster } from './helpers';
import { LocalClusterAdmin, withTokenUser } from '../../tools/local-cluster/index';

let cluster: TestCluster;
let admin: LocalClusterAdmin;
before(async () => {
  cluster = await startTestCluster();
  admin = new LocalClusterAdmin(cluster.adminUrl, cluster.adminToken);
});
after(() => cluster.dispose());

for (const { name, binary } of kubectlVersions()) {
  test(`${name} creates with -f and create secret, applies twice, selects with -l and deletes`, async () => {
    const secret = `v-${name.replace(/\W/g, '-')}`;
    const file = join(cluster.dir, `${secret}.json`);
    const write = (value: string): void =>
      writeFileSync(
        file,
        JSON.stringify({
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name: secret, labels: { release: secret } },
          stringData: { v: value },
        }),
      );
    const run = async (args: string[]): Promise<string> => {
      const r = await kubectl(cluster, args, binary);
      assert.equal(r.code, 0, `${name} ${args.join(' ')}: ${r.stderr}`);
      return r.stdout.trim();
    };
    write('1');
    assert.equal(await run(['apply', '-f', file]), `secret/${secret} created`);
    write('2');
    assert.equal(await run(['apply', '-f', file]), `secret/${secret} configured`);
    assert.equal(
      Buffer.from(
        (cluster.store.get('secrets', 'default', secret).data as Record<string, string>).v,
        'base64',
      ).toString(),
      '2',
    );
    assert.equal(
      await run(['create', 'secret', 'generic', `${secret}-lit`, '--from-literal=a=b']),
      `secret/${secret}-lit created`,
    );
    assert.equal(await run(['get', 'secrets', '-l', `release=${secret}`, '-o', 'name']), `secret/${secret}`);
    assert.equal(
      await run(['delete', 'secret', secret, `${secret}-lit`]),
      `secret "${secret}" deleted\nsecret "${secret}-lit" deleted`,
    );
    const created = await run(['create', '-f', file]);
    assert.equal(created, `secret/${secret} created`);
  });
}

for (const { name, binary } of kubectlVersions()) {
  test(`${name} meets a stale resourceVersion, an immutable secret and can-i by secret name as a cluster says`, async () => {
    const secret = `life-${name.replace(/\W/g, '-')}`;
    cluster.store.create('secrets', 'default', { metadata: { name: secret }, stringData: { k: 'one' } });
    cluster.store.create('secrets', 'default', { metadata: { name: `${secret}-sealed` }, immutable: true, data: {} });
    const stale = cluster.store.get('secrets', 'default', secret).metadata!.resourceVersion;
    const patch = (target: string, body: object) =>
      kubectl(cluster, ['patch', 'secret', target, '--type=merge', '-p', JSON.stringify(body)], binary);
    assert.equal((await patch(secret, { stringData: { k: 'two' } })).code, 0);
    const conflict = await patch(secret, { metadata: { resourceVersion: stale }, stringData: { k: 'three' } });
    assert.equal(
      conflict.stderr.trim(),
      `Error from server (Conflict): Operation cannot be fulfilled on secrets "${secret}": the object has been ` +
        'modified; please apply your changes to the latest version and try again',
    );
    const sealed = await patch(`${secret}-sealed`, { stringData: { k: 'x' } });
    assert.equal(
      sealed.stderr.trim(),
      `The Secret "${secret}-sealed" is invalid: data: Forbidden: field is immutable when \`immutable\` is set`,
    );
    const user = await admin.putUser(secret, [
      { verbs: ['get', 'patch'], resources: ['secrets'], namespaces: ['default'], resourceNames: [secret] },
    ]);
    const asUser = { kubeconfigPath: join(cluster.dir, `kubeconfig-${secret}`), dir: cluster.dir };
    writeFileSync(asUser.kubeconfigPath, withTokenUser(cluster.kubeconfig, user));
    const canI = async (what: string): Promise<string> =>
      (await kubectl(asUser, ['auth', 'can-i', 'patch', what], binary)).stdout.trim();
    assert.deepEqual([await canI(`secret/${secret}`), await canI(`secret/${secret}-sealed`)], ['yes', 'no']);
  });
}
