/** Insert Secret Reference: the entry lands in transform.secrets in the file's format and spelling. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import {
  defaultEnvVarName,
  secretReferenceEdit,
  type NewSecretEntry,
} from '../../core/src/pipelineSpec/secretReferenceEdit';
import { applyEdits, type OffsetEdit } from '../../core/src/text/offsets';

const apply = (text: string, e: OffsetEdit) => applyEdits(text, [e]);
const env: NewSecretEntry = { as: 'env', name: 'db', key: 'password', envVar: 'DB_PASSWORD' };
const mount: NewSecretEntry = { as: 'mount', name: 'tls', mountPath: '/var/secrets/tls' };

function insert(uri: string, text: string, ref: NewSecretEntry): string {
  const r = secretReferenceEdit(uri, text, ref);
  assert.ok(r.ok, r.ok ? '' : r.message);
  return apply(text, r.edit);
}

test('JSON: appends to an existing secrets array in the camelCase the file uses', () => {
  const text =
    '{\n  "pipeline": {"name": "p"},\n  "transform": {\n    "image": "x:1",\n    "secrets": [\n      {"name": "a", ' +
    '"mountPath": "/a"}\n    ]\n  }\n}\n';
  const out = insert('file:///p.json', text, env);
  assert.deepEqual(JSON.parse(out).transform.secrets[1], { name: 'db', key: 'password', envVar: 'DB_PASSWORD' });
  assert.match(out, /\n {6}\{"name": "db", "key": "password", "envVar": "DB_PASSWORD"\}\n/);
});

test('JSON in snake_case: adds a secrets property to transform with env_var / mount_path', () => {
  const text =
    '{\n  "pipeline": {"name": "p"},\n  "transform": {\n    "image": "x:1",\n    "err_cmd": ["true"]\n  }\n}\n';
  const out = insert('file:///p.json', text, mount);
  assert.deepEqual(JSON.parse(out).transform.secrets, [{ name: 'tls', mount_path: '/var/secrets/tls' }]);
});

test('YAML block: appends a list item at the dash column of the existing ones', () => {
  const text =
    'pipeline:\n  name: p\ntransform:\n  image: x:1\n  secrets:\n    ' +
    '- name: a\n      env_var: A\n      key: a\n  cmd: [sh]\n';
  const out = insert('file:///p.yaml', text, env);
  assert.deepEqual(parseYaml(out).transform.secrets[1], { name: 'db', key: 'password', env_var: 'DB_PASSWORD' });
  assert.deepEqual(parseYaml(out).transform.cmd, ['sh']);
});

test('YAML block without secrets: adds the key under transform', () => {
  const text = 'pipeline:\n  name: p\ntransform:\n  image: x:1\n  cmd:\n    - sh\ninput:\n  pfs: {repo: r, glob: /*}\n';
  const out = insert('file:///p.yaml', text, mount);
  const parsed = parseYaml(out);
  assert.deepEqual(parsed.transform.secrets, [{ name: 'tls', mountPath: '/var/secrets/tls' }]);
  assert.deepEqual(parsed.transform.cmd, ['sh']);
  assert.deepEqual(parsed.input.pfs.repo, 'r');
});

test('a file with no transform is refused with a clear message', () => {
  const r = secretReferenceEdit('file:///p.json', '{"pipeline": {"name": "p"}}', env);
  assert.equal(r.ok, false);
  assert.match(r.ok ? '' : r.message, /Pipeline "p" has no transform/);
});

test('environment variable names are derived from keys', () => {
  assert.equal(defaultEnvVarName('tls.crt'), 'TLS_CRT');
  assert.equal(defaultEnvVarName('1key'), '_1KEY');
});
