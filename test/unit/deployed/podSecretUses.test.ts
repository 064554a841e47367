import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podSecretUses, secretNamesOf, usesKey } from '../../../core/src/deployed';
import { CANARY, EDGES, podSpecOf, rcOf } from './pachdWorkers';

test('a pachd pod spec yields the pipeline secrets and the ones pachd injects, nothing else', () => {
  const rc = rcOf({ ...EDGES, egressSecret: { name: 'warehouse', key: 'password' } });
  assert.deepEqual(podSecretUses(rc.spec?.template?.spec), [
    { how: 'env', secret: 's3-creds', key: 'access-key', envVar: 'AWS_ACCESS_KEY_ID', container: 'user' },
    { how: 'env', secret: 'warehouse', key: 'password', envVar: 'PACHYDERM_SQL_PASSWORD', container: 'user' },
    { how: 'env', secret: 'postgres', key: 'postgresql-password', envVar: 'POSTGRES_PASSWORD', container: 'storage' },
    { how: 'envFrom', secret: 'pachyderm-storage-secret', container: 'storage' },
    { how: 'volume', secret: 'tls-bundle', volume: 'tls-bundle', mountPaths: ['/etc/bundle'] },
    {
      how: 'volume',
      secret: 'pachyderm-storage-secret',
      volume: 'pachyderm-storage-secret',
      mountPaths: ['/pachyderm-storage-secret'],
    },
    { how: 'imagePull', secret: 'regcred' },
  ]);
});

test('no plain env value, image or volume that is not a secret is kept', () => {
  const uses = podSecretUses(podSpecOf({ name: 'edges', version: 1, padding: 50 }));
  assert.ok(!JSON.stringify(uses).includes(CANARY));
  assert.deepEqual(secretNamesOf(uses), ['pachyderm-storage-secret', 'postgres']);
});

test('projected volumes, items, optional and prefixes are read', () => {
  const uses = podSecretUses({
    containers: [
      {
        name: 'c',
        envFrom: [{ prefix: 'DB_', secretRef: { name: 'db', optional: true } }],
        volumeMounts: [
          { name: 'bundle', mountPath: '/bundle' },
          { name: 'one', mountPath: '/etc/one', subPath: 'token' },
        ],
      },
    ],
    volumes: [
      {
        name: 'bundle',
        projected: {
          sources: [
            { secret: { name: 'a', items: [{ key: 'ca.crt', path: 'ca' }] } },
            { secret: { name: 'b', optional: true } },
            {},
          ],
        },
      },
      { name: 'one', secret: { secretName: 'tok', items: [{ key: 'token', path: 'token' }] } },
    ],
    imagePullSecrets: [{ name: '' }, { name: 'reg' }, { name: 'reg' }],
  });
  assert.deepEqual(uses, [
    { how: 'envFrom', secret: 'db', container: 'c', prefix: 'DB_', optional: true },
    { how: 'projected', secret: 'a', volume: 'bundle', mountPaths: ['/bundle'], keys: ['ca.crt'] },
    { how: 'projected', secret: 'b', volume: 'bundle', mountPaths: ['/bundle'], optional: true },
    { how: 'volume', secret: 'tok', volume: 'one', mountPaths: ['/etc/one (token)'], keys: ['token'] },
    { how: 'imagePull', secret: 'reg' },
  ]);
});

test('a secret volume no container mounts is still a use (kubelet sets it up all the same)', () => {
  const uses = podSecretUses({ volumes: [{ name: 'v', secret: { secretName: 'lonely' } }] });
  assert.deepEqual(uses, [{ how: 'volume', secret: 'lonely', volume: 'v', mountPaths: [] }]);
});

test('an empty or missing spec has no uses', () => {
  assert.deepEqual(podSecretUses(undefined), []);
  assert.deepEqual(podSecretUses({ containers: null, volumes: null, imagePullSecrets: null }), []);
});

test('usesKey: an env var reads one key, a volume its items or all, a pull secret none', () => {
  const env = { how: 'env', secret: 's', key: 'k', envVar: 'E', container: 'c' } as const;
  assert.ok(usesKey(env, 'k'));
  assert.ok(!usesKey(env, 'other'));
  assert.ok(usesKey({ how: 'volume', secret: 's', volume: 'v', mountPaths: [] }, 'any'));
  assert.ok(!usesKey({ how: 'volume', secret: 's', volume: 'v', mountPaths: [], keys: ['a'] }, 'b'));
  assert.ok(!usesKey({ how: 'imagePull', secret: 's' }, 'k'));
});
