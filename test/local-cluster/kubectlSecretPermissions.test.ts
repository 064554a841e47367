/**
 * Who may change a secret, as kubectl meets it against the local API server: RBAC on update and patch (including
 * rules limited to named secrets), `kubectl auth can-i` and the SelfSubjectAccessReview it sends, which must answer
 * as the API's own RBAC check does and in the real API's shape.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kubectl, startTestCluster, type TestCluster } from './helpers';
import { LocalClusterAdmin, withTokenUser, type RbacRule } from '../../tools/local-cluster/index';

let cluster: TestCluster;
let admin: LocalClusterAdmin;
before(async () => {
  cluster = await startTestCluster();
  admin = new LocalClusterAdmin(cluster.adminUrl, cluster.adminToken);
  for (const name of ['shared-db', 'rotating'])
    cluster.store.create('secrets', 'default', { metadata: { name }, stringData: { password: 'initial' } });
});
after(() => cluster.dispose());

const READ: RbacRule = { verbs: ['get', 'list', 'watch'], resources: ['secrets'], namespaces: ['default'] };

async function as(name: string, rules: RbacRule[]): Promise<{ kubeconfigPath: string; dir: string }> {
  const user = await admin.putUser(name, rules);
  const kubeconfigPath = join(cluster.dir, `kubeconfig-${name}`);
  writeFileSync(kubeconfigPath, withTokenUser(cluster.kubeconfig, user));
  return { kubeconfigPath, dir: cluster.dir };
}

const forbidden = (user: string, verb: string, name: string): string =>
  `secrets "${name}" is forbidden: User "${user}" cannot ${verb} resource "secrets" in API group "" in the ` +
  `namespace "default"`;

const password = (name: string): string =>
  Buffer.from((cluster.store.get('secrets', 'default', name).data as Record<string, string>).password, 'base64') + '';

test('a user who may get and list but not update or patch: can-i says so, and patch and replace are Forbidden', async () => {
  const reader = await as('reader', [READ]);
  const canI = async (verb: string): Promise<string> =>
    (await kubectl(reader, ['auth', 'can-i', verb, 'secret/shared-db'])).stdout.trim();
  assert.deepEqual([await canI('get'), await canI('update'), await canI('patch')], ['yes', 'no', 'no']);
  const patched = await kubectl(reader, ['patch', 'secret', 'shared-db', '-p', '{"stringData":{"password":"x"}}']);
  assert.equal(patched.code, 1);
  assert.equal(patched.stderr.trim(), `Error from server (Forbidden): ${forbidden('reader', 'patch', 'shared-db')}`);
  const got = await kubectl(reader, ['get', 'secret', 'shared-db', '-o', 'json']);
  const file = join(cluster.dir, 'shared-db.json');
  writeFileSync(file, got.stdout.replace(/"password": "[^"]*"/, '"password": "eA=="'));
  const replaced = await kubectl(reader, ['replace', '-f', file]);
  assert.equal(replaced.code, 1);
  assert.equal(
    replaced.stderr.trim(),
    `Error from server (Forbidden): error when replacing "${file}": ${forbidden('reader', 'update', 'shared-db')}`,
  );
  assert.equal(password('shared-db'), 'initial');
});

test('a rule limited to named secrets (resourceNames) allows update and patch of those only', async () => {
  const rotator = await as('rotator', [
    READ,
    { verbs: ['update', 'patch'], resources: ['secrets'], namespaces: ['default'], resourceNames: ['rotating'] },
  ]);
  const canI = async (...args: string[]): Promise<string> =>
    (await kubectl(rotator, ['auth', 'can-i', ...args])).stdout.trim();
  assert.deepEqual(
    [
      await canI('update', 'secret/rotating'),
      await canI('patch', 'secret/rotating'),
      await canI('update', 'secret/shared-db'),
      await canI('update', 'secrets'),
      await canI('list', 'secrets'),
    ],
    ['yes', 'yes', 'no', 'no', 'yes'],
  );
  const ok = await kubectl(rotator, ['patch', 'secret', 'rotating', '-p', '{"stringData":{"password":"rotated"}}']);
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal(password('rotating'), 'rotated');
  const no = await kubectl(rotator, ['patch', 'secret', 'shared-db', '-p', '{"stringData":{"password":"rotated"}}']);
  assert.equal(no.stderr.trim(), `Error from server (Forbidden): ${forbidden('rotator', 'patch', 'shared-db')}`);
  assert.equal(password('shared-db'), 'initial');
});

test('a SelfSubjectAccessReview by name answers in the real shape: allowed with the RBAC reason, or only allowed: false', async () => {
  const editor = await as('editor', [
    { verbs: ['get', 'update', 'patch'], resources: ['secrets'], namespaces: ['default'] },
  ]);
  const review = async (who: { kubeconfigPath: string; dir: string }, verb: string, namespace: string) => {
    const attributes = { namespace, verb, resource: 'secrets', name: 'rotating' };
    const file = join(cluster.dir, `review-${verb}-${namespace}.json`);
    const body = { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview' };
    writeFileSync(file, JSON.stringify({ ...body, spec: { resourceAttributes: attributes } }));
    const r = await kubectl(who, ['create', '-f', file, '-o', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const answer = JSON.parse(r.stdout) as { spec: { resourceAttributes: object }; status: object };
    assert.deepEqual(answer.spec.resourceAttributes, attributes);
    return answer.status;
  };
  assert.deepEqual(await review(editor, 'update', 'default'), {
    allowed: true,
    reason: 'RBAC: allowed by RoleBinding "editor/default" of Role "editor" to User "editor"',
  });
  assert.deepEqual(await review(editor, 'delete', 'default'), { allowed: false });
  assert.deepEqual(await review(editor, 'patch', 'elsewhere'), { allowed: false });
  assert.deepEqual(await review(cluster, 'patch', 'default'), {
    allowed: true,
    reason:
      'RBAC: allowed by ClusterRoleBinding "kubernetes-admin" of ClusterRole "kubernetes-admin" to User ' +
      '"kubernetes-admin"',
  });
});
