import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  blameContainerMessage,
  blameMountFailure,
  blamePullSecretsInCatalog,
  isRegistryCredential,
  mergeBlames,
  type WorkerSecretUse,
} from '../../../core/src/deployed';

const USES: WorkerSecretUse[] = [
  { how: 'env', secret: 'db', key: 'password', envVar: 'PGPASSWORD', container: 'user' },
  { how: 'env', secret: 'db', key: 'user', envVar: 'PGUSER', container: 'user' },
  { how: 'envFrom', secret: 'db', container: 'storage' },
  { how: 'projected', secret: 'a', volume: 'bundle', mountPaths: ['/b'], keys: ['ca.crt'] },
  { how: 'projected', secret: 'b', volume: 'bundle', mountPaths: ['/b'], keys: ['tls.key'] },
  { how: 'imagePull', secret: 'regcred' },
  { how: 'imagePull', secret: 'opaque-reg' },
];

test('a missing key is blamed through the uses that read that key', () => {
  const blame = blameContainerMessage('CreateContainerConfigError', "couldn't find key user in Secret pach/db", USES);
  assert.deepEqual(blame, [{ secret: 'db', key: 'user', cause: 'missing-key', via: ['env', 'envFrom'] }]);
});

test('a missing secret the spec does not name is still blamed, with no use', () => {
  const blame = blameContainerMessage('CreateContainerConfigError', 'secret "ghost" not found', USES);
  assert.deepEqual(blame, [{ secret: 'ghost', cause: 'missing-secret', via: [] }]);
});

test('reasons other than building the container blame nothing from their message', () => {
  assert.deepEqual(blameContainerMessage('ErrImagePull', 'secret "db" not found', USES), []);
});

test('a projected volume missing one key is blamed on the secret whose items list it', () => {
  const message = 'MountVolume.SetUp failed for volume "bundle" : references non-existent secret key: tls.key';
  assert.deepEqual(blameMountFailure(message, USES), [
    { secret: 'b', key: 'tls.key', cause: 'missing-key', via: ['projected'] },
  ]);
  assert.deepEqual(blameMountFailure('not a mount message', USES), []);
});

test('with the catalog, a pull secret that is missing or not a registry credential is blamed', () => {
  const catalog = new Map([
    ['opaque-reg', { type: 'Opaque', keys: [{ name: '.dockerconfigjson', size: 120 }] }],
    ['fine', { type: 'kubernetes.io/dockerconfigjson', keys: [{ name: '.dockerconfigjson', size: 120 }] }],
  ]);
  assert.deepEqual(blamePullSecretsInCatalog('ImagePullBackOff', USES, catalog), [
    { secret: 'regcred', cause: 'missing-secret', via: ['imagePull'] },
    { secret: 'opaque-reg', cause: 'not-registry-credential', via: ['imagePull'] },
  ]);
  assert.deepEqual(blamePullSecretsInCatalog('CreateContainerError', USES, catalog), []);
});

test('a registry credential is what kubelet reads: the right type and a non-empty key', () => {
  assert.ok(isRegistryCredential({ type: 'kubernetes.io/dockercfg', keys: [{ name: '.dockercfg', size: 3 }] }));
  assert.ok(!isRegistryCredential({ type: 'kubernetes.io/dockercfg', keys: [{ name: '.dockercfg', size: 0 }] }));
  assert.ok(!isRegistryCredential({ type: 'kubernetes.io/dockerconfigjson', keys: [{ name: '.dockercfg', size: 3 }] }));
  assert.ok(!isRegistryCredential({ type: 'Opaque', keys: [] }));
});

test('the same blame from two sources is one, with every way it is used', () => {
  const merged = mergeBlames([
    { secret: 's', cause: 'missing-secret', via: ['env'] },
    { secret: 's', cause: 'missing-secret', via: ['volume', 'env'] },
    { secret: 's', key: 'k', cause: 'missing-key', via: [] },
  ]);
  assert.deepEqual(merged, [
    { secret: 's', cause: 'missing-secret', via: ['env', 'volume'] },
    { secret: 's', key: 'k', cause: 'missing-key', via: [] },
  ]);
});
