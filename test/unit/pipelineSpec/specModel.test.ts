import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSpecFile, buildSpecModel } from '../../../core/src/pipelineSpec';
import { findSecretReferences } from '../../../core/src/analysis/secretReferences';

test("the model gives each spec's secret entries by canonical field, whichever spelling was written", () => {
  const text =
    '{"pipeline": {"name": "a"}, "transform": {"secrets": [{"name": "s", ' +
    '"env_var": "E", "key": "k"}, {"name": "t", "mountPath": "/t"}]}}';
  const m = buildSpecModel(parseSpecFile('a.json', text));
  const [spec] = m.specs;
  assert.equal(spec.pipelineName, 'a');
  assert.deepEqual(
    spec.secrets.map((e) => [e.name?.key, e.envVar?.key, e.mountPath?.key]),
    [
      ['name', 'env_var', undefined],
      ['name', undefined, 'mountPath'],
    ],
  );
});

test("the file's spelling style is what its two-word fields use, camel when it does not tell", () => {
  const style = (t: string) => buildSpecModel(parseSpecFile('a.yaml', t)).style;
  assert.equal(
    style('pipeline: {name: a}\ntransform:\n  image_pull_secrets: [x]\n  secrets: [{name: s, env_var: E}]\n'),
    'snake',
  );
  assert.equal(style('pipeline: {name: a}\ntransform:\n  imagePullSecrets: [x]\n'), 'camel');
  assert.equal(style('pipeline: {name: a}\ntransform: {image: i}\n'), 'camel');
});

test('references inside an escaped podPatch string map back to their place in the file', () => {
  const patch = JSON.stringify([{ op: 'add', path: '/volumes/-', value: { secret: { secretName: 'vol-secret' } } }]);
  const text = JSON.stringify({ pipeline: { name: 'a' }, transform: { image: 'i' }, podPatch: patch });
  const m = buildSpecModel(parseSpecFile('a.json', text));
  const [ps] = m.specs[0].podStrings;
  assert.equal(ps.valid, true);
  assert.equal(ps.refs.length, 1);
  assert.equal(text.slice(ps.refs[0].start, ps.refs[0].end), 'vol-secret');
});

test('findSecretReferences lists every named secret with its kind, pipeline and range, skipping placeholders', () => {
  const text = [
    'pipeline: {name: one}',
    'transform:',
    '  image: i',
    '  secrets: [{name: db, key: pw, env_var: PW}, {name: $TEMPLATE, mount_path: /x}]',
    '  image_pull_secrets: [regcred]',
    'egress: {sql_database: {url: u, secret: {name: sql, key: password}}}',
    'pod_patch: \'[{"op": "add", "path": "/imagePullSecrets/-", "value": {"name": "extra"}}]\'',
    '---',
    'pipeline: {name: two}',
    'transform: {image: i, secrets: [{name: db, mount_path: /db}]}',
  ].join('\n');
  const refs = findSecretReferences(parseSpecFile('a.yaml', text));
  assert.deepEqual(
    refs.map((r) => [r.name, r.kind, r.pipeline, r.key, text.slice(r.start, r.end)]),
    [
      ['db', 'secret', 'one', 'pw', 'db'],
      ['regcred', 'imagePullSecret', 'one', undefined, 'regcred'],
      ['sql', 'egress', 'one', 'password', 'sql'],
      ['extra', 'podPatch', 'one', undefined, 'extra'],
      ['db', 'secret', 'two', undefined, 'db'],
    ],
  );
});
