import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, jsonSpec, NO_CLUSTER, yamlUri } from './fixtures';

test('PS020: a missing image pull secret warns, registry credentials suggested first', () => {
  const a = analyse(jsonSpec({ imagePullSecrets: ['regcrd'] }));
  assert.deepEqual(a.codes(), ['PS020']);
  assert.equal(a.findings[0].severity, 'warning');
  assert.equal(a.findings[0].message, 'image pull secret regcrd does not exist (did you mean "regcred"?)');
  assert.deepEqual(analyse('pipeline: {name: p}\ntransform:\n  image_pull_secrets: [nope]\n', yamlUri).at('PS020'), [
    'nope',
  ]);
  assert.deepEqual(analyse(jsonSpec({ imagePullSecrets: ['regcred'] })).codes(), []);
  assert.deepEqual(analyse(jsonSpec({ imagePullSecrets: ['regcrd'] }), undefined, NO_CLUSTER).codes(), []);
});

test('PS021: an image pull secret that is not a registry credential', () => {
  const a = analyse(jsonSpec({ image_pull_secrets: ['db-creds'] }));
  assert.deepEqual(a.codes(), ['PS021']);
  assert.match(a.findings[0].message, /has type Opaque/);
});

test('PS013 applies to image pull secret names too', () => {
  assert.deepEqual(analyse(jsonSpec({ imagePullSecrets: ['Reg_Cred'] })).codes(), ['PS013']);
});

const egress = (secret: unknown) => ({
  egress: {
    sqlDatabase: {
      url: 'snowflake://u@h/db',
      fileFormat: { type: 'CSV' },
      ...(secret === undefined ? {} : { secret }),
    },
  },
});

test("PS030: egress.sqlDatabase.secret missing, or lacking name or key, in pachd's words", () => {
  const none = analyse(jsonSpec({}, egress(undefined)));
  assert.deepEqual(none.codes(), ['PS030']);
  assert.equal(none.findings[0].message, 'egress.sql_database.secret is required');
  const noKey = analyse(jsonSpec({}, egress({ name: 'db-creds' })));
  assert.deepEqual(noKey.codes(), ['PS030']);
  assert.equal(
    noKey.findings[0].message,
    'egress.sql_database.secret.name and egress.sql_database.secret.key are required',
  );
  assert.deepEqual(noKey.findings[0].data, { missing: ['key'], name: 'db-creds' });
  const yamlText =
    'pipeline: {name: p}\ntransform: {image: i}\negress:\n  sql_database:\n    url: x\n    secret: {key: password}\n';
  assert.deepEqual(analyse(yamlText, yamlUri).codes(), ['PS030']);
});

test('PS002/PS003 apply to the egress secret', () => {
  assert.deepEqual(analyse(jsonSpec({}, egress({ name: 'db-creds', key: 'password' }))).codes(), []);
  assert.deepEqual(analyse(jsonSpec({}, egress({ name: 'nope', key: 'password' }))).codes(), ['PS002']);
  const a = analyse(jsonSpec({}, egress({ name: 'db-creds', key: 'pw' })));
  assert.deepEqual(a.codes(), ['PS003']);
  assert.deepEqual(a.at('PS003'), ['"pw"']);
});

test('PS040: secrets inside a podPatch JSON string are checked and underlined inside the string', () => {
  const patch = JSON.stringify([
    { op: 'add', path: '/volumes/-', value: { name: 'v', secret: { secretName: 'nope' } } },
    { op: 'add', path: '/imagePullSecrets/-', value: { name: 'regcred' } },
    {
      op: 'add',
      path: '/containers/0/env/-',
      value: { name: 'X', valueFrom: { secretKeyRef: { name: 'db-creds', key: 'pwd' } } },
    },
  ]);
  const a = analyse(jsonSpec({}, { podPatch: patch }));
  assert.deepEqual(a.codes(), ['PS040', 'PS040']);
  assert.deepEqual(a.at('PS040'), ['nope', 'db-creds']);
  assert.equal(a.findings[0].message, 'podPatch references missing Kubernetes secret nope');
  assert.equal(a.findings[1].message, 'podPatch references Kubernetes secret db-creds missing key pwd');
  assert.deepEqual(analyse(jsonSpec({}, { podPatch: patch }), undefined, NO_CLUSTER).codes(), []);
});

test('PS040 in a YAML podSpec merge patch, single-quoted', () => {
  const text = `pipeline: {name: p}\ntransform: {image: i}\npod_spec: '{"imagePullSecrets": [{"name": "gone"}]}'\n`;
  const a = analyse(text, yamlUri);
  assert.deepEqual(a.codes(), ['PS040']);
  assert.deepEqual(a.at('PS040'), ['gone']);
});

test('PS114: a podPatch that is not JSON is malformed', () => {
  assert.deepEqual(analyse(jsonSpec({}, { podPatch: '[{"op": ' })).codes(), ['PS114']);
  assert.deepEqual(analyse(jsonSpec({}, { podSpec: '{"nodeSelector": {}}' })).codes(), []);
});
