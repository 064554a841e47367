import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMountFailure, parsePullSecretFailure, secretFactsIn } from '../../../core/src/deployed';

test('a missing secret, in the watch-based and the API server wording', () => {
  assert.deepEqual(secretFactsIn('secret "s3-creds" not found'), [{ kind: 'missing-secret', secret: 's3-creds' }]);
  assert.deepEqual(secretFactsIn('secrets "s3-creds" not found'), [{ kind: 'missing-secret', secret: 's3-creds' }]);
});

test('a missing key names the key, the namespace and the secret', () => {
  assert.deepEqual(secretFactsIn("couldn't find key access-key in Secret pach/s3-creds"), [
    { kind: 'missing-key', secret: 's3-creds', key: 'access-key' },
  ]);
});

test('messages that name no secret give no facts', () => {
  assert.deepEqual(secretFactsIn('configmap "x" not found'), []);
  assert.deepEqual(secretFactsIn('Back-off pulling image "busybox:nope"'), []);
  assert.deepEqual(secretFactsIn(''), []);
});

test('FailedMount: the volume and the secret kubelet could not read', () => {
  assert.deepEqual(
    parseMountFailure('MountVolume.SetUp failed for volume "tls-bundle" : secret "tls-bundle" not found'),
    {
      volume: 'tls-bundle',
      facts: [{ kind: 'missing-secret', secret: 'tls-bundle' }],
      missingKeys: [],
    },
  );
});

test('FailedMount: a missing item key, and a projected volume with two errors', () => {
  assert.deepEqual(
    parseMountFailure('MountVolume.SetUp failed for volume "one" : references non-existent secret key: token'),
    { volume: 'one', facts: [], missingKeys: ['token'] },
  );
  const both =
    'MountVolume.SetUp failed for volume "bundle" : [secret "a" not found, references non-existent secret key: ca.crt]';
  assert.deepEqual(parseMountFailure(both), {
    volume: 'bundle',
    facts: [{ kind: 'missing-secret', secret: 'a' }],
    missingKeys: ['ca.crt'],
  });
});

test('other mount messages are not FailedMount set-up failures of a volume', () => {
  assert.equal(parseMountFailure('Unable to attach or mount volumes: unmounted volumes=[x]'), undefined);
});

test('FailedToRetrieveImagePullSecret names every secret kubelet could not read', () => {
  const message =
    'Unable to retrieve some image pull secrets (regcred, other); attempting to pull the image may not succeed.';
  assert.deepEqual(parsePullSecretFailure(message), ['regcred', 'other']);
  assert.deepEqual(parsePullSecretFailure('something else'), []);
});
