/**
 * Users added at run time through the admin endpoint: a user who may read secrets in one namespace but not list
 * namespaces (as a namespaced Role grants) meets kubectl's real Forbidden answers, through its own kubeconfig.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kubectl, startTestCluster, type TestCluster } from './helpers';
import { LocalClusterAdmin, withTokenUser } from '../../tools/local-cluster/index';

let cluster: TestCluster;
let admin: LocalClusterAdmin;
before(async () => {
  cluster = await startTestCluster({
    seed: {
      apiVersion: 'v1',
      kind: 'List',
      items: [
        {
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name: 'team-token', namespace: 'team-b' },
          data: { t: 'dA==' },
        },
      ],
    },
  });
  admin = new LocalClusterAdmin(cluster.adminUrl, cluster.adminToken);
});
after(() => cluster.dispose());

const READ_TEAM_B = [{ verbs: ['get', 'list', 'watch'], resources: ['secrets'], namespaces: ['team-b'] }];

function kubeconfigFor(user: { name: string; token: string }): { kubeconfigPath: string; dir: string } {
  const kubeconfigPath = join(cluster.dir, `kubeconfig-${user.name}`);
  writeFileSync(kubeconfigPath, withTokenUser(cluster.kubeconfig, user));
  return { kubeconfigPath, dir: cluster.dir };
}

test("a user added with secrets in one namespace may list those, but not namespaces nor other namespaces' secrets", async () => {
  const user = await admin.putUser('team-b-reader', READ_TEAM_B);
  const asUser = kubeconfigFor(user);
  const secrets = await kubectl(asUser, ['get', 'secrets', '-n', 'team-b', '-o', 'name']);
  assert.equal(secrets.code, 0, secrets.stderr);
  assert.equal(secrets.stdout.trim(), 'secret/team-token');
  const namespaces = await kubectl(asUser, ['get', 'namespaces']);
  assert.equal(namespaces.code, 1);
  assert.equal(
    namespaces.stderr.trim(),
    'Error from server (Forbidden): namespaces is forbidden: User "team-b-reader" cannot list resource "namespaces" ' +
      'in API group "" at the cluster scope',
  );
  const elsewhere = await kubectl(asUser, ['get', 'secrets']);
  assert.match(
    elsewhere.stderr,
    /User "team-b-reader" cannot list resource "secrets" in API group "" in the namespace "default"/,
  );
  const canI = await kubectl(asUser, ['auth', 'can-i', 'list', 'namespaces']);
  assert.equal(canI.stdout.trim(), 'no');
});

test('putting a user again replaces its rules and keeps its token', async () => {
  const first = await admin.putUser('changing', READ_TEAM_B);
  const again = await admin.putUser('changing', [{ verbs: ['list'], resources: ['namespaces'], namespaces: ['*'] }]);
  assert.equal(again.token, first.token);
  const asUser = kubeconfigFor(again);
  assert.equal((await kubectl(asUser, ['get', 'namespaces', '-o', 'name'])).code, 0);
  assert.equal((await kubectl(asUser, ['get', 'secrets', '-n', 'team-b'])).code, 1);
});

test('a malformed user is refused with a message naming what is wrong, and adds nobody', async () => {
  const before = cluster.users.length;
  await assert.rejects(admin.putUser('Bad_Name', READ_TEAM_B), /400 .*name must be a DNS label/);
  await assert.rejects(
    admin.putUser('ok-name', [{ verbs: 'list' } as never]),
    /400 .*rules must be a list of \{verbs: string\[\], resources: string\[\], namespaces: string\[\]\}/,
  );
  assert.equal(cluster.users.length, before);
});
