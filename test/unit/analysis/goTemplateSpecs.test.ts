/**
 * Pipeline specs kept as Go templates (a Helm chart's templates, helmfile, an operator): rendered before pachctl
 * reads them, so they are left alone as Jsonnet specs are when the actions break their syntax (one PS115 note),
 * and checked everywhere but the actions when they are JSON/YAML as written. A syntax error of the file's own,
 * away from any action, is still reported.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../corpus/paths';
import { analyzeDocument } from '../../../core/src/analysis/analyzeDocument';
import { fixtureText, readyCatalog } from '../helm/helmTestCatalog';

const specFixture = (name: string) =>
  readFileSync(join(repoRoot(), 'test', 'unit', 'analysis', 'fixtures', name), 'utf8');

function analyze(name: string, text = specFixture(name)) {
  const r = analyzeDocument({ uri: `file:///w/${name}`, text }, readyCatalog());
  return { r, at: r.findings.map((f) => `${f.code} ${text.slice(f.start, f.end)}`) };
}

test('a YAML spec whose Go template actions break its syntax gets one PS115 note, not PS100s', () => {
  const { r, at } = analyze('edges-template.pipeline.yaml');
  assert.equal(r.kind, 'pipeline');
  assert.deepEqual(at, ['PS115 {{ .Values.edges.image }}']);
  assert.equal(r.findings[0].severity, 'information');
  assert.match(r.findings[0].message, /Go template actions .* as written it is not YAML, so it is left alone/);
});

test('a JSON spec whose actions break its syntax gets one PS115 note naming JSON', () => {
  const { r, at } = analyze('edges-template.pipeline.json');
  assert.deepEqual(at, ['PS115 {{ .Values.image }}']);
  assert.match(r.findings[0].message, /not JSON/);
});

test('a spec with actions only inside strings is checked everywhere but the actions', () => {
  // The templated secret name is not judged (no PS013, no PS002); the plain entry after it is.
  assert.deepEqual(analyze('edges-inline-template.pipeline.json').at, [
    'PS001 {"name": "s3-creds", "env_var": "S3"}',
    'PS002 "s3-creds"',
  ]);
});

test('a syntax error away from any action is still reported, in specs and in values files', () => {
  const spec = 'pipeline:\n  name: "{{ .Values.name }}"\ntransform:\n  image: busybox\ninput: [unclosed\n';
  assert.ok(analyze('p.pipeline.yaml', spec).r.findings.some((f) => f.code === 'PS100'));
  const values = `${fixtureText('values-inline-template.yaml')}console: [unclosed\n`;
  const v = analyzeDocument({ uri: 'file:///w/values.yaml', text: values }, readyCatalog());
  assert.ok(v.findings.some((f) => f.code === 'PS100'));
  assert.ok(!v.findings.some((f) => f.code === 'PH008'));
});
