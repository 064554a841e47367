/**
 * Set Value, Add, Remove and Rename Key against the local API server, written with the resourceVersion the user
 * saw; the real kubectl then reads what the cluster holds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveTarget } from '../../core/src/kubeconfig/clusterTarget';
import { SecretsApi } from '../../core/src/catalog/secretsApi';
import type { SecretMeta } from '../../core/src/catalog/secretMeta';
import {
  checkSecretAccess,
  editSecretKey,
  refreshSecretVersion,
  type SecretEditOutcome,
} from '../../core/src/catalog/secretUpdate';
import { recreateSecretWithEdit } from '../../core/src/catalog/secretRecreate';
import { defaultUsers, newToken } from '../../tools/local-cluster/rbac';
import { kubectl } from '../local-cluster/helpers';
import { secretJson, startCluster, type ClusterFixture } from './clusterFixture';

const CANARY = 'canary-5b1d-secret-value';
const BINARY = Buffer.from([0x00, 0xff, 0x0a, 0x0d, 0x80, 0x7f, 0x00]);

async function setup(t: { after(fn: () => unknown): void }) {
  const reader = {
    name: 'reader',
    token: newToken(),
    rules: [{ verbs: ['get', 'list', 'watch'], resources: ['secrets'], namespaces: ['*'] }],
  };
  const fx = await startCluster({
    users: [...defaultUsers(), reader],
    seed: {
      items: [
        secretJson('db', { password: 'old-pass', user: 'admin', 'ca.crt': BINARY }),
        withOwner({ ...secretJson('frozen', { token: 'kept' }), immutable: true }),
      ],
    },
  });
  t.after(() => fx.stop());
  const open = async (context?: string) => {
    const target = await resolveTarget({ kubeconfig: fx.kubeconfig, context }, {});
    assert.ok(target.ok);
    return SecretsApi.open(target, 5000);
  };
  return { fx, api: await open(), readerApi: await open('local-reader') };
}

function valueOf<T>(outcome: SecretEditOutcome<T>): T {
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.message);
  return outcome.value;
}

function failureOf<T>(outcome: SecretEditOutcome<T>) {
  assert.equal(outcome.ok, false);
  const failure = outcome as Exclude<SecretEditOutcome<T>, { ok: true }>;
  assert.ok(!failure.message.includes(CANARY) && !failure.message.includes(b64(CANARY)), failure.message);
  return failure;
}

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

/** What the real kubectl reads back: the secret's data decoded, its uid and version. */
/** A secret owned by another object, as a controller or Helm hook would make it. */
function withOwner<T extends { metadata: object }>(secret: T): T {
  const owner = { apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: 'owner-uid-1' };
  return { ...secret, metadata: { ...secret.metadata, ownerReferences: [owner] } };
}

async function kubectlReads(fx: ClusterFixture, name: string) {
  const run = await kubectl({ kubeconfigPath: fx.kubeconfig, dir: fx.dir }, ['get', 'secret', name, '-o', 'json']);
  assert.equal(run.code, 0, run.stderr);
  const obj = JSON.parse(run.stdout) as {
    metadata: { uid: string; resourceVersion: string };
    data?: Record<string, string>;
  };
  const data = Object.fromEntries(Object.entries(obj.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')]));
  return { data, uid: obj.metadata.uid, resourceVersion: obj.metadata.resourceVersion };
}

async function kubectlPatch(fx: ClusterFixture, name: string, data: Record<string, string | null>) {
  const patch = JSON.stringify({ data });
  const run = await kubectl({ kubeconfigPath: fx.kubeconfig, dir: fx.dir }, [
    'patch',
    'secret',
    name,
    '--type',
    'merge',
    '-p',
    patch,
  ]);
  assert.equal(run.code, 0, run.stderr);
}

test('Set Value writes exactly the given bytes to one key; kubectl reads them and the other keys unchanged', async (t) => {
  const { fx, api } = await setup(t);
  const seen = valueOf(await refreshSecretVersion(api, 'db'));
  const before = await kubectlReads(fx, 'db');
  const meta = valueOf(await editSecretKey(api, seen, { kind: 'set', key: 'ca.crt', value: BINARY.subarray(1, 5) }));
  assert.notEqual(meta.resourceVersion, seen.resourceVersion);
  assert.ok(!JSON.stringify(meta).includes(b64(BINARY.subarray(1, 5))), 'metadata carries no value');
  const now = await kubectlReads(fx, 'db');
  assert.deepEqual(now.data['ca.crt'], BINARY.subarray(1, 5));
  assert.equal(now.data.password.toString(), 'old-pass');
  assert.equal(now.data.user.toString(), 'admin');
  assert.equal(now.uid, before.uid);
  assert.equal(now.resourceVersion, meta.resourceVersion);
  const text = valueOf(await editSecretKey(api, meta, { kind: 'set', key: 'password', value: Buffer.from(CANARY) }));
  assert.equal((await kubectlReads(fx, 'db')).data.password.toString(), CANARY);
  assert.equal(text.keys.find((k) => k.name === 'password')?.size, CANARY.length);
});

test('Add, Remove and Rename Key: kubectl reads the keys; a rename moves the bytes in one update', async (t) => {
  const { fx, api } = await setup(t);
  const uid = (await kubectlReads(fx, 'db')).uid;
  let seen: SecretMeta = valueOf(await refreshSecretVersion(api, 'db'));
  seen = valueOf(await editSecretKey(api, seen, { kind: 'add', key: 'port', value: Buffer.from('5432') }));
  assert.equal((await kubectlReads(fx, 'db')).data.port.toString(), '5432');
  seen = valueOf(await editSecretKey(api, seen, { kind: 'remove', key: 'user' }));
  assert.deepEqual(Object.keys((await kubectlReads(fx, 'db')).data).sort(), ['ca.crt', 'password', 'port']);
  const beforeRename = Number(seen.resourceVersion);
  seen = valueOf(await editSecretKey(api, seen, { kind: 'rename', from: 'ca.crt', to: 'ca.pem' }));
  const now = await kubectlReads(fx, 'db');
  assert.deepEqual(Object.keys(now.data).sort(), ['ca.pem', 'password', 'port']);
  assert.deepEqual(now.data['ca.pem'], BINARY);
  // One write: the same object (no delete and create) and one new version.
  assert.equal(now.uid, uid);
  assert.equal(Number(now.resourceVersion), beforeRename + 1);
  const bad = failureOf(await editSecretKey(api, seen, { kind: 'add', key: 'no/slash', value: Buffer.from('x') }));
  assert.equal(bad.kind, 'invalid-key');
});

test('a change made in the cluster meanwhile is a conflict; the retry on the new version keeps both', async (t) => {
  const { fx, api } = await setup(t);
  const seen = valueOf(await refreshSecretVersion(api, 'db'));
  await kubectlPatch(fx, 'db', { user: b64('someone-else') });
  const edit = { kind: 'set', key: 'password', value: Buffer.from(CANARY) } as const;
  const conflict = failureOf(await editSecretKey(api, seen, edit));
  assert.equal(conflict.kind, 'conflict');
  assert.match(conflict.message, /Secret "db" changed in the cluster since you saw it; your change was not written/);
  assert.equal((await kubectlReads(fx, 'db')).data.password.toString(), 'old-pass');
  const fresh = valueOf(await refreshSecretVersion(api, 'db'));
  valueOf(await editSecretKey(api, fresh, edit));
  const now = await kubectlReads(fx, 'db');
  assert.equal(now.data.password.toString(), CANARY);
  assert.equal(now.data.user.toString(), 'someone-else');
  // A rename reads the value it moves: a newer version found there is the same conflict, before any write.
  await kubectlPatch(fx, 'db', { user: b64('third') });
  const renamed = failureOf(await editSecretKey(api, fresh, { kind: 'rename', from: 'user', to: 'login' }));
  assert.equal(renamed.kind, 'conflict');
  assert.ok((await kubectlReads(fx, 'db')).data.user);
});

test('an immutable secret is refused: up front from its metadata, and with the API server words otherwise', async (t) => {
  const { fx, api } = await setup(t);
  const seen = valueOf(await refreshSecretVersion(api, 'frozen'));
  assert.equal(seen.immutable, true);
  const edit = { kind: 'set', key: 'token', value: Buffer.from(CANARY) } as const;
  const upFront = failureOf(await editSecretKey(api, seen, edit));
  assert.equal(upFront.kind, 'immutable');
  assert.equal(upFront.problem, undefined, 'refused without asking the cluster');
  // A catalog that has not seen the flag yet: the API server's 422 says it, and the message quotes it.
  const server = failureOf(await editSecretKey(api, { ...seen, immutable: undefined }, edit));
  assert.equal(server.kind, 'immutable');
  assert.equal(server.problem?.status, 422);
  assert.match(server.message, /field is immutable when `immutable` is set/);
  assert.match(server.message, /delete it and create it again/);
  assert.equal((await kubectlReads(fx, 'frozen')).data.token.toString(), 'kept');
});

test('the access review says which verb is missing; a write without it is a 403 naming it', async (t) => {
  const { fx, api, readerApi } = await setup(t);
  assert.ok((await checkSecretAccess(api, 'db')).ok);
  const denied = failureOf(await checkSecretAccess(readerApi, 'db'));
  assert.equal(denied.kind, 'forbidden');
  assert.match(denied.message, /You may not change secret "db": missing permission to "patch" resource "secrets"/);
  const recreate = failureOf(await checkSecretAccess(readerApi, 'db', ['get', 'delete', 'create']));
  assert.match(recreate.message, /missing permission to "delete" and "create" resource "secrets"/);
  const seen = valueOf(await refreshSecretVersion(readerApi, 'db'));
  const write = failureOf(await editSecretKey(readerApi, seen, { kind: 'remove', key: 'user' }));
  assert.equal(write.kind, 'forbidden');
  assert.match(write.message, /403 Forbidden: missing permission to "patch" resource "secrets"/);
  const cani = await kubectl({ kubeconfigPath: fx.kubeconfig, dir: fx.dir }, [
    '--context',
    'local-reader',
    'auth',
    'can-i',
    'patch',
    'secret/db',
  ]);
  assert.equal(cani.stdout.trim(), 'no', 'kubectl agrees with the review');
});

test('an edit of a secret deleted meanwhile says it no longer exists', async (t) => {
  const { fx, api } = await setup(t);
  const seen = valueOf(await refreshSecretVersion(api, 'db'));
  const del = await kubectl({ kubeconfigPath: fx.kubeconfig, dir: fx.dir }, ['delete', 'secret', 'db']);
  assert.equal(del.code, 0, del.stderr);
  const gone = failureOf(await editSecretKey(api, seen, { kind: 'remove', key: 'user' }));
  assert.equal(gone.kind, 'not-found');
  assert.match(gone.message, /Secret "db" no longer exists in the cluster/);
});

test('an immutable secret is deleted and created again with the change, still immutable; kubectl reads it', async (t) => {
  const { fx, api } = await setup(t);
  const before = await kubectlReads(fx, 'frozen');
  const seen = valueOf(await refreshSecretVersion(api, 'frozen'));
  const edit = { kind: 'set', key: 'token', value: Buffer.from(CANARY) } as const;
  const meta = valueOf(await recreateSecretWithEdit(api, seen, edit));
  assert.equal(meta.immutable, true);
  const now = await kubectlReads(fx, 'frozen');
  assert.equal(now.data.token.toString(), CANARY);
  assert.notEqual(now.uid, before.uid, 'a new object');
  const run = await kubectl({ kubeconfigPath: fx.kubeconfig, dir: fx.dir }, ['get', 'secret', 'frozen', '-o', 'json']);
  const obj = JSON.parse(run.stdout) as { immutable?: boolean; metadata: { ownerReferences?: { uid: string }[] } };
  assert.equal(obj.immutable, true);
  assert.deepEqual(
    obj.metadata.ownerReferences?.map((o) => o.uid),
    ['owner-uid-1'],
    'still collected with its owner',
  );
  // The version the user saw is gone now: a second recreate from it deletes nothing.
  const stale = failureOf(await recreateSecretWithEdit(api, seen, { kind: 'remove', key: 'token' }));
  assert.equal(stale.kind, 'conflict');
  assert.equal((await kubectlReads(fx, 'frozen')).data.token.toString(), CANARY);
});

test('a recreate whose create is refused creates the old secret again, so nothing is lost', async (t) => {
  const { fx, api } = await setup(t);
  const seen = valueOf(await refreshSecretVersion(api, 'frozen'));
  fx.cluster.faults.fail(500, 1, { verb: 'create' });
  const refused = failureOf(
    await recreateSecretWithEdit(api, seen, { kind: 'add', key: 'extra', value: Buffer.from('x') }),
  );
  assert.match(refused.message, /Secret "frozen" was recreated unchanged/);
  const now = await kubectlReads(fx, 'frozen');
  assert.deepEqual(Object.keys(now.data), ['token']);
  assert.equal(now.data.token.toString(), 'kept');
});
