/**
 * The local cluster's rule pieces on their own: selector parsing, the three patch flavours, Go's base64 error
 * offsets and the API's age format. The kubectl and client-node tests prove them end to end; these pin edge cases.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFieldSelector, parseLabelSelector } from '../../tools/local-cluster/selectors';
import { jsonPatch, mergePatch, strategicMergePatch } from '../../tools/local-cluster/patch';
import { base64ErrorOffset } from '../../tools/local-cluster/base64';
import { configKeyErrors } from '../../tools/local-cluster/validation';
import { humanDuration } from '../../tools/local-cluster/table';
import { StatusError } from '../../tools/local-cluster/status';

const obj = (labels: Record<string, string>, type = 'Opaque') => ({
  metadata: { name: 'n', namespace: 'ns', labels },
  type,
});

test('label selectors: set-based requirements, commas inside parentheses, and != matching a missing label', () => {
  const sel = parseLabelSelector('env in (prod, staging),tier notin (db),!legacy,team');
  assert.equal(sel(obj({ env: 'prod', tier: 'web', team: 'a' })), true);
  assert.equal(sel(obj({ env: 'prod', tier: 'db', team: 'a' })), false);
  assert.equal(sel(obj({ env: 'prod', team: 'a', legacy: 'y' })), false);
  assert.equal(sel(obj({ env: 'dev', team: 'a' })), false);
  assert.equal(parseLabelSelector('a!=b')(obj({})), true);
  assert.equal(parseLabelSelector('a==b')(obj({ a: 'b' })), true);
  assert.equal(parseLabelSelector('')(obj({})), true);
});

test('label selectors with bad syntax or bad values are 400 BadRequest', () => {
  for (const bad of ['a b', 'a=b c', 'a in (x y)', ',a']) {
    assert.throws(
      () => parseLabelSelector(bad),
      (e: unknown) => e instanceof StatusError && e.code === 400,
      bad,
    );
  }
});

test('field selectors support metadata.name, metadata.namespace and type, and refuse other fields', () => {
  assert.equal(parseFieldSelector('type=Opaque,metadata.namespace==ns', 'secrets')(obj({})), true);
  assert.equal(parseFieldSelector('metadata.name!=n', 'secrets')(obj({})), false);
  assert.throws(() => parseFieldSelector('data.x=1', 'secrets'), /field label not supported: data.x/);
});

test('JSON merge patch: null deletes, objects merge, arrays replace', () => {
  assert.deepEqual(mergePatch({ a: { b: 1, c: 2 }, l: [1, 2] }, { a: { b: null, d: 3 }, l: [3] }), {
    a: { c: 2, d: 3 },
    l: [3],
  });
});

test('strategic merge patch: directives as kubectl apply sends them, and lists merged by key', () => {
  const current = {
    metadata: { labels: { a: '1', b: '2' }, ownerReferences: [{ uid: 'u1', name: 'x' }], finalizers: ['f1', 'f2'] },
    data: { k: 'v' },
  };
  const patched = strategicMergePatch(current, {
    metadata: {
      labels: { b: null, c: '3' },
      ownerReferences: [
        { uid: 'u1', name: 'y' },
        { uid: 'u2', name: 'z' },
      ],
      '$deleteFromPrimitiveList/finalizers': ['f1'],
      '$setElementOrder/ownerReferences': [{ uid: 'u1' }],
    },
    data: { $patch: 'replace', n: 'w' },
  });
  assert.deepEqual(patched, {
    metadata: {
      labels: { a: '1', c: '3' },
      ownerReferences: [
        { uid: 'u1', name: 'y' },
        { uid: 'u2', name: 'z' },
      ],
      finalizers: ['f2'],
    },
    data: { n: 'w' },
  });
  assert.deepEqual(strategicMergePatch({ data: { a: '1', b: '2' } }, { data: { $retainKeys: ['a'], a: '3' } }), {
    data: { a: '3' },
  });
});

test('JSON patch: add, replace, remove, move, copy, test; a missing path or failed test is an error', () => {
  const doc = { data: { a: '1' }, list: [1, 2] };
  assert.deepEqual(
    jsonPatch(doc, [
      { op: 'add', path: '/data/b', value: '2' },
      { op: 'replace', path: '/data/a', value: '0' },
      { op: 'move', from: '/data/b', path: '/data/c' },
      { op: 'copy', from: '/data/a', path: '/data/d~1e' },
      { op: 'add', path: '/list/-', value: 3 },
      { op: 'remove', path: '/list/0' },
      { op: 'test', path: '/data/a', value: '0' },
    ]),
    { data: { a: '0', c: '2', 'd/e': '0' }, list: [2, 3] },
  );
  assert.deepEqual(doc, { data: { a: '1' }, list: [1, 2] }, 'the input is not modified');
  assert.throws(() => jsonPatch(doc, [{ op: 'remove', path: '/data/zz' }]), /remove operation does not apply/);
  assert.throws(() => jsonPatch(doc, [{ op: 'test', path: '/data/a', value: 'x' }]), /testing value \/data\/a failed/);
});

test('base64 errors report the offset Go reports: bad character, short final quantum, misplaced padding', () => {
  assert.equal(base64ErrorOffset('YWJj'), undefined);
  assert.equal(base64ErrorOffset('YQ=='), undefined);
  assert.equal(base64ErrorOffset('YWI='), undefined);
  assert.equal(base64ErrorOffset('YW\nJj'), undefined, 'line breaks are skipped');
  assert.equal(base64ErrorOffset('abc$def'), 3);
  assert.equal(base64ErrorOffset('YWJjZ'), 4);
  assert.equal(base64ErrorOffset('YWJjZW'), 4);
  assert.equal(base64ErrorOffset('YQ='), 3);
  assert.equal(base64ErrorOffset('Y==='), 1);
  assert.equal(base64ErrorOffset('YQ=x'), 2);
  assert.equal(base64ErrorOffset('YQ==YQ=='), 4);
});

test('data keys follow IsConfigMapKey: dots allowed, but not . or .. or a .. prefix', () => {
  assert.deepEqual(configKeyErrors('.hidden'), []);
  assert.deepEqual(configKeyErrors('a..b'), []);
  assert.deepEqual(configKeyErrors('.'), ["must not be '.'"]);
  assert.deepEqual(configKeyErrors('..x'), ["must not start with '..'"]);
  assert.equal(configKeyErrors('a/b').length, 1);
  assert.equal(configKeyErrors('k'.repeat(254))[0], 'must be no more than 253 characters');
});

test('ages read as kubectl prints them', () => {
  const s = 1000;
  assert.equal(humanDuration(0), '0s');
  assert.equal(humanDuration(119 * s), '119s');
  assert.equal(humanDuration(150 * s), '2m30s');
  assert.equal(humanDuration(45 * 60 * s), '45m');
  assert.equal(humanDuration(5 * 3600 * s + 60 * s), '5h1m');
  assert.equal(humanDuration(30 * 3600 * s), '30h');
  assert.equal(humanDuration(3 * 86400 * s + 3600 * s), '3d1h');
  assert.equal(humanDuration(400 * 86400 * s), '400d');
  assert.equal(humanDuration(800 * 86400 * s), '2y70d');
});
