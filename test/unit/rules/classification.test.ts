import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../../core/src/analysis/analyzeDocument';
import { CLUSTER } from './fixtures';

const kind = (uri: string, text: string, specFiles: string[] = [], languageId?: string) =>
  analyzeDocument({ uri, text, languageId }, CLUSTER, { specFiles }).kind;

test('files named *.pipeline.json|yaml|yml are specs whatever their content', () => {
  assert.equal(kind('file:///w/a.pipeline.json', '{}'), 'pipeline');
  assert.equal(kind('file:///w/a.pipeline.yml', 'x: 1'), 'pipeline');
  assert.equal(kind('/w/b.PIPELINE.YAML', 'x: 1'), 'pipeline');
});

test('other JSON/YAML is a spec only when its root looks like one', () => {
  assert.equal(kind('file:///w/a.json', '{"pipeline": {"name": "p"}, "transform": {}}'), 'pipeline');
  assert.equal(kind('file:///w/a.yaml', 'pipeline: {name: p}\nspout: {}\n'), 'pipeline');
  assert.equal(kind('file:///w/a.yaml', '- pipeline: {name: p}\n  input: {}\n'), 'pipeline');
  assert.equal(kind('file:///w/a.json', '{"name": "x", "transform": {}}'), 'none');
  assert.equal(kind('file:///w/package.json', '{"name": "x"}'), 'none');
});

test('a Secret manifest is a manifest, never a spec, even named like one; other manifests are left alone', () => {
  const secret = '{"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "s"}, "stringData": {"k": "v"}}';
  assert.equal(kind('file:///w/secrets.json', secret), 'secret-manifest');
  assert.equal(kind('file:///w/secrets.pipeline.json', secret), 'secret-manifest');
  assert.deepEqual(analyzeDocument({ uri: 'file:///w/secrets.json', text: secret }, CLUSTER).findings, []);
  const configMap = '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}, "data": {"k": "v"}}';
  assert.equal(kind('file:///w/config.pipeline.json', configMap), 'none');
});

test('Jsonnet templates are not analysed at all', () => {
  const r = analyzeDocument(
    { uri: 'file:///w/edges.jsonnet', text: 'function(src) { pipeline: { name: "x" }, transform: {} }' },
    CLUSTER,
  );
  assert.equal(r.kind, 'none');
  assert.equal(r.file, undefined);
});

test('pachyderm.specFiles globs add files by path', () => {
  assert.equal(kind('file:///w/specs/etl/load.json', '{"name": "x"}', ['specs/**/*.json']), 'pipeline');
  assert.equal(kind('file:///w/other/load.json', '{"name": "x"}', ['specs/**/*.json']), 'none');
  assert.equal(kind('file:///w/deploy/x.yaml', 'a: 1', ['*.yaml']), 'pipeline');
});

test('an untitled document is judged by its language and content', () => {
  assert.equal(kind('untitled:Untitled-1', '{"pipeline": {"name": "p"}, "transform": {}}', [], 'json'), 'pipeline');
  assert.equal(kind('untitled:Untitled-1', 'plain text', [], 'plaintext'), 'none');
});
