/**
 * `pachyderm/secretReferenceEdit` through the built server: the edit Insert Secret Reference applies to the
 * active editor, computed from the editor's (unsaved) text the server holds.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import { SecretReferenceEditRequest, type SecretReferenceEditResult } from '../../core/src/protocol/messages';
import { applyEdits } from '../../core/src/text/offsets';
import { LspSession } from './serverProcess';

let s: LspSession;
before(async () => {
  s = await LspSession.start();
});
after(() => s.stop());

function applied(text: string, result: SecretReferenceEditResult): string {
  assert.ok(result.ok, JSON.stringify(result));
  return applyEdits(text, [result.edit]);
}

test('secretReferenceEdit adds an env var entry in the spelling of the open JSON spec, with its version', async () => {
  const uri = 'file:///tmp/ref-edit/insert.pipeline.json';
  const text =
    '{\n  "pipeline": {"name": "ins"},\n  "transform": {\n    "image": "x:1",\n    "err_cmd": ["true"]\n  }\n}\n';
  await s.open(uri, 'json', text, 4);
  const result = await s.connection.sendRequest(SecretReferenceEditRequest.type, {
    uri,
    reference: { as: 'env', name: 'warehouse-db', key: 'PGPASSWORD', envVar: 'DB_PASSWORD' },
    offset: 0,
  });
  assert.equal(result.ok && result.version, 4);
  assert.deepEqual(JSON.parse(applied(text, result)).transform.secrets, [
    { name: 'warehouse-db', key: 'PGPASSWORD', env_var: 'DB_PASSWORD' },
  ]);
  await s.close(uri);
});

test('secretReferenceEdit adds a mount to the spec under the cursor of a multi-spec YAML file', async () => {
  const uri = 'file:///tmp/ref-edit/two.pipeline.yaml';
  const text =
    'pipeline:\n  name: one\ntransform:\n  image: a:1\n---\npipeline:\n  ' +
    'name: two\ntransform:\n  image: b:1\n  mountPath: x\n';
  await s.open(uri, 'yaml', text);
  const result = await s.connection.sendRequest(SecretReferenceEditRequest.type, {
    uri,
    reference: { as: 'mount', name: 'creds', mountPath: '/var/secrets/creds' },
    offset: text.indexOf('name: two'),
  });
  const [one, two] = applied(text, result)
    .split('---\n')
    .map((d) => parseYaml(d) as { transform: { secrets?: unknown } });
  assert.equal(one.transform.secrets, undefined);
  assert.deepEqual(two.transform.secrets, [{ name: 'creds', mountPath: '/var/secrets/creds' }]);
  await s.close(uri);
});

test('secretReferenceEdit explains why it cannot insert: no spec, syntax errors, or a document the server does not have', async () => {
  const reference = { as: 'env' as const, name: 'n', key: 'k', envVar: 'K' };
  const cases: [string, string, RegExp][] = [
    ['file:///tmp/ref-edit/a.json', '[]', /^The file holds no pipeline spec\.$/],
    [
      'file:///tmp/ref-edit/c.pipeline.json',
      '{"pipeline": {"name": "x"}}',
      /^Pipeline "x" has no transform to add a secret to\.$/,
    ],
    [
      'file:///tmp/ref-edit/b.pipeline.json',
      '{"pipeline": {"name": "x"}, "transform": {',
      /^The file has syntax errors; fix them first/,
    ],
  ];
  for (const [uri, text, message] of cases) {
    await s.open(uri, 'json', text);
    const result = await s.connection.sendRequest(SecretReferenceEditRequest.type, { uri, reference, offset: 0 });
    assert.ok(!result.ok && message.test(result.message), JSON.stringify(result));
    await s.close(uri);
  }
  const notOpen = await s.connection.sendRequest(SecretReferenceEditRequest.type, {
    uri: 'file:///tmp/ref-edit/closed.json',
    reference,
    offset: 0,
  });
  assert.deepEqual(notOpen, { ok: false, message: 'open the pipeline spec (JSON or YAML) to insert into first.' });
});
