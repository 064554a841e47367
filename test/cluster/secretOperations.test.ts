/** Reveal/Copy, Create from File (pachctl semantics) and Delete against the local API server. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveTarget } from '../../core/src/kubeconfig/clusterTarget';
import { SecretsApi } from '../../core/src/catalog/secretsApi';
import {
  createSecretLikePachctl,
  deleteSecret,
  readSecretKey,
  type SecretCallOutcome,
} from '../../core/src/catalog/secretOperations';
import { copiedText, revealedText } from '../../client/src/cluster/secretValue';
import { secretJson, startCluster, type ClusterFixture } from './clusterFixture';

const BINARY = Buffer.from([0x30, 0x82, 0x01, 0x0a, 0x00, 0xff]);

async function setup(
  t: { after(fn: () => unknown): void },
  context?: string,
): Promise<{ fx: ClusterFixture; api: SecretsApi }> {
  const fx = await startCluster({
    seed: {
      items: [
        secretJson('db', { password: 'hunter2', 'keystore.p12': BINARY }),
        secretJson('postgres', { 'postgres-password': 'x' }),
      ],
    },
  });
  t.after(() => fx.stop());
  const target = await resolveTarget({ kubeconfig: fx.kubeconfig, context }, {});
  assert.ok(target.ok);
  return { fx, api: await SecretsApi.open(target, 2000) };
}

/** The value of a call that must succeed. */
function valueOf<T>(outcome: SecretCallOutcome<T>): T {
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.message);
  return outcome.value;
}

/** The failure of a call that must fail. */
function failureOf<T>(outcome: SecretCallOutcome<T>): Exclude<SecretCallOutcome<T>, { ok: true }> {
  assert.equal(outcome.ok, false);
  return outcome as Exclude<SecretCallOutcome<T>, { ok: true }>;
}

const stored = (fx: ClusterFixture, name: string) =>
  fx.cluster.store.get('secrets', 'default', name) as {
    metadata: { labels?: Record<string, string> };
    data?: Record<string, string>;
  };

test('Reveal shows a text value as text and a binary value as its size; Copy gives text or base64', async (t) => {
  const { api } = await setup(t);
  const text = valueOf(await readSecretKey(api, 'db', 'password'));
  assert.equal(revealedText(text), 'hunter2');
  assert.deepEqual(copiedText(text), { text: 'hunter2', encoding: 'text' });
  const bin = valueOf(await readSecretKey(api, 'db', 'keystore.p12'));
  assert.equal(revealedText(bin), '<binary, 6 bytes>');
  assert.deepEqual(copiedText(bin), { text: BINARY.toString('base64'), encoding: 'base64' });
});

test('Reveal shortens a very long text value and says Copy Value copies all of it', () => {
  const long = Buffer.from('-----BEGIN CERTIFICATE-----\n'.repeat(500));
  const shown = revealedText(long);
  assert.ok(shown.length < 4200);
  assert.match(shown, /first 4000 of 14000 characters; Copy Value copies all of it\)$/);
  assert.equal(copiedText(long).text.length, 14000);
});

test('Reveal of a missing key or secret, or without permission, fails with a message naming it and no value', async (t) => {
  const { fx, api } = await setup(t);
  assert.match(failureOf(await readSecretKey(api, 'db', 'nope')).message, /Secret "db" has no key "nope"/);
  const ghost = failureOf(await readSecretKey(api, 'ghost', 'k'));
  assert.ok(ghost.problem.problem === 'not-found' && /ghost/.test(ghost.message));
  fx.cluster.faults.fail(403, 1, { verb: 'get' });
  const e = failureOf(await readSecretKey(api, 'db', 'password'));
  assert.match(e.message, /403 Forbidden: missing permission to "get" resource "secrets" in namespace "default"/);
  assert.ok(!e.message.includes('hunter2'));
});

test("Create from File adds pachctl's labels after a server-side dry run", async (t) => {
  const { fx, api } = await setup(t);
  const file = JSON.stringify({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'superbai', labels: { team: 'ml' } },
    type: 'Opaque',
    stringData: { access_key: 'AK' },
  });
  const outcome = await createSecretLikePachctl(api, file);
  assert.deepEqual(outcome, { kind: 'created', name: 'superbai' });
  assert.deepEqual(stored(fx, 'superbai').metadata.labels, {
    team: 'ml',
    suite: 'pachyderm',
    'secret-source': 'pachyderm-user',
  });
});

test("Create from File refuses a different suite label with pachd's message and sends nothing", async (t) => {
  const { fx, api } = await setup(t);
  const file = JSON.stringify({
    kind: 'Secret',
    metadata: { name: 'x', labels: { suite: 'other' } },
    stringData: { a: 'b' },
  });
  assert.deepEqual(await createSecretLikePachctl(api, file), {
    kind: 'refused',
    message: 'invalid suite label set on secret: suite=other',
  });
  assert.throws(() => stored(fx, 'x'));
});

test('Create from File refuses a namespace that differs from the target, and YAML, with clear messages', async (t) => {
  const { api } = await setup(t);
  const other = await createSecretLikePachctl(
    api,
    JSON.stringify({ kind: 'Secret', metadata: { name: 'x', namespace: 'pachyderm' }, stringData: { a: 'b' } }),
  );
  assert.equal(other.kind, 'refused');
  assert.match(
    other.kind === 'refused' ? other.message : '',
    /metadata\.namespace "pachyderm".*target namespace "default"/,
  );
  const yaml = await createSecretLikePachctl(api, 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: x\n');
  assert.match(yaml.kind === 'refused' ? yaml.message : '', /^failed to unmarshal secret: .*JSON only/);
  const badB64 = await createSecretLikePachctl(
    api,
    JSON.stringify({ kind: 'Secret', metadata: { name: 'x' }, data: { a: 'not base64!' } }),
  );
  assert.match(badB64.kind === 'refused' ? badB64.message : '', /data\["a"\] is not valid base64/);
});

test("Create from File shows the API server's validation error from the dry run as it is, and creates nothing", async (t) => {
  const { fx, api } = await setup(t);
  const outcome = await createSecretLikePachctl(
    api,
    JSON.stringify({ kind: 'Secret', metadata: { name: 'Bad_Name' }, stringData: { a: 'b' } }),
  );
  assert.equal(outcome.kind, 'api-error');
  assert.match(outcome.kind === 'api-error' ? outcome.message : '', /Bad_Name/);
  assert.throws(() => stored(fx, 'Bad_Name'));
});

test('Create from File reports an existing secret, and replaces it only when asked', async (t) => {
  const { fx, api } = await setup(t);
  const file = JSON.stringify({ kind: 'Secret', metadata: { name: 'db' }, stringData: { password: 'new' } });
  assert.deepEqual(await createSecretLikePachctl(api, file), { kind: 'exists', name: 'db' });
  assert.equal(Buffer.from(stored(fx, 'db').data!.password, 'base64').toString(), 'hunter2');
  assert.deepEqual(await createSecretLikePachctl(api, file, { replace: true }), { kind: 'replaced', name: 'db' });
  assert.equal(Buffer.from(stored(fx, 'db').data!.password, 'base64').toString(), 'new');
  assert.equal(stored(fx, 'db').metadata.labels?.['secret-source'], 'pachyderm-user');
});

test('Delete removes the secret; deleting a missing one says it is not found', async (t) => {
  const { fx, api } = await setup(t);
  valueOf(await deleteSecret(api, 'postgres'));
  assert.throws(() => stored(fx, 'postgres'));
  assert.equal(failureOf(await deleteSecret(api, 'postgres')).problem.problem, 'not-found');
});

test('operations time out with the configured timeout instead of hanging', async (t) => {
  const { fx } = await setup(t);
  const target = await resolveTarget({ kubeconfig: fx.kubeconfig }, {});
  assert.ok(target.ok);
  const api = await SecretsApi.open(target, 200);
  fx.cluster.faults.delayMs = 1500;
  assert.equal(failureOf(await readSecretKey(api, 'db', 'password')).problem.problem, 'timeout');
});
