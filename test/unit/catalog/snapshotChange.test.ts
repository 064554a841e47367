/** `changedSecretNames`: the secrets a new snapshot changed, or `all` when the whole picture did. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changedSecretNames } from '../../../core/src/catalog/snapshotChange';
import { toSecretMeta } from '../../../core/src/catalog/secretMeta';
import type { CatalogSnapshot } from '../../../core/src/catalog/snapshot';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const secret = (name: string, keys: string[]) =>
  toSecretMeta({
    metadata: { name, namespace: 'default' },
    type: 'Opaque',
    data: Object.fromEntries(keys.map((k) => [k, b64('x')])),
  });
const snap = (secrets: ReturnType<typeof secret>[], over: Partial<CatalogSnapshot> = {}): CatalogSnapshot => ({
  context: 'local',
  namespace: 'default',
  state: { kind: 'ready' },
  secrets,
  ...over,
});

test('a deleted, an added and a changed secret are named; the others are not', () => {
  const before = snap([secret('a', ['k']), secret('b', ['k']), secret('c', ['k'])]);
  const after = snap([secret('a', ['k']), secret('c', ['k', 'l']), secret('d', ['k'])]);
  assert.deepEqual([...(changedSecretNames(before, after) as Set<string>)].sort(), ['b', 'c', 'd']);
  assert.deepEqual([...(changedSecretNames(before, before) as Set<string>)], []);
});

test('another context, namespace or state changes everything', () => {
  const before = snap([secret('a', ['k'])]);
  assert.equal(changedSecretNames(before, snap([secret('a', ['k'])], { context: 'prod' })), 'all');
  assert.equal(changedSecretNames(before, snap([secret('a', ['k'])], { namespace: 'team' })), 'all');
  assert.equal(changedSecretNames(before, snap([], { state: { kind: 'loading' } })), 'all');
});
