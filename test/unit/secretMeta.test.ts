import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toSecretMeta, isText, isPachydermManaged } from '../../core/src/catalog/secretMeta';

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

test('toSecretMeta keeps names, sizes and kinds of keys but no value', () => {
  const secretValue = 'hunter2-very-secret';
  const meta = toSecretMeta({
    metadata: {
      name: 'db',
      namespace: 'pach',
      labels: { 'secret-source': 'pachyderm-user' },
      creationTimestamp: '2026-01-02T03:04:05Z',
    },
    type: 'Opaque',
    data: { password: b64(secretValue), 'keystore.p12': b64(Buffer.from([0x30, 0x82, 0xff, 0x00])) },
  });
  assert.deepEqual(meta.keys, [
    { name: 'keystore.p12', size: 4, binary: true },
    { name: 'password', size: secretValue.length, binary: false },
  ]);
  assert.equal(meta.namespace, 'pach');
  assert.ok(isPachydermManaged(meta));
  const serialized = JSON.stringify(meta);
  assert.ok(!serialized.includes(secretValue));
  assert.ok(!serialized.includes(b64(secretValue)));
});

test('toSecretMeta merges stringData keys and defaults the type to Opaque', () => {
  const meta = toSecretMeta({ metadata: { name: 'x' }, stringData: { token: 'abc' }, data: { token: b64('zz') } });
  assert.equal(meta.type, 'Opaque');
  assert.deepEqual(meta.keys, [{ name: 'token', size: 3, binary: false }]);
  assert.ok(!JSON.stringify(meta).includes('abc'));
});

test('isText rejects invalid UTF-8 and control characters but accepts newlines', () => {
  assert.ok(isText(Buffer.from('line1\nline2\r\n\ttab')));
  assert.ok(!isText(Buffer.from([0xc3, 0x28])));
  assert.ok(!isText(Buffer.from('a\u0001b')));
});
