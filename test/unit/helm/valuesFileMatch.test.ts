import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../../core/src/analysis/analyzeDocument';
import { fixtureText, readyCatalog, unknownCatalog } from './helmTestCatalog';

const PACHD = 'pachd:\n  enabled: true\n';
const kind = (uri: string, text = PACHD, helmValuesFiles: string[] = []) =>
  analyzeDocument({ uri, text }, unknownCatalog(), { helmValuesFiles }).kind;

test('values*.yaml and values*.yml with a top-level pachd mapping are helm values files', () => {
  assert.equal(kind('file:///w/deploy/values.yaml'), 'helm-values');
  assert.equal(kind('file:///w/values-prod.yml'), 'helm-values');
  assert.equal(kind('/w/helm/Values.override.yaml'), 'helm-values');
  assert.equal(kind('file:///w/values.yaml', 'pachd:\n'), 'helm-values');
  assert.equal(kind('file:///w/values.yaml', '# comment\npachd: {}\nglobal: {}\n'), 'helm-values');
});

test('other names, values files of other charts, and non-mapping pachd values are not', () => {
  assert.equal(kind('file:///w/pachd.yaml'), 'none');
  assert.equal(kind('file:///w/myvalues.yaml'), 'none');
  assert.equal(kind('file:///w/values.yaml', 'redis:\n  enabled: true\n'), 'none');
  assert.equal(kind('file:///w/values.yaml', 'pachd: 3\n'), 'none');
  assert.equal(kind('file:///w/values.yaml', '- pachd\n'), 'none');
  assert.equal(kind('file:///w/values.yaml', 'pachd: {}\n---\npachd: {}\n'), 'none');
});

test('pachyderm.helmValuesFiles globs add other names', () => {
  assert.equal(kind('file:///w/deploy/prod/pachyderm.yaml', PACHD, ['deploy/**/*.yaml']), 'helm-values');
  assert.equal(kind('file:///w/env/my%20cluster.yml', PACHD, ['**/*.{yaml,yml}']), 'helm-values');
  assert.equal(kind('/w/pach.yaml', PACHD, ['pach.yaml']), 'helm-values');
  assert.equal(kind('file:///w/other/pachyderm.yaml', PACHD, ['deploy/**/*.yaml']), 'none');
});

test('a pipeline spec named values.yaml stays a pipeline spec', () => {
  assert.equal(kind('file:///w/values.yaml', 'pipeline: {name: p}\ntransform: {image: i}\n'), 'pipeline');
});

test('a file the helmValuesFiles globs name is a values file without a top-level pachd, and is checked', () => {
  const text = fixtureText('override-postgres-console.yaml');
  const r = analyzeDocument({ uri: 'file:///w/deploy/override-postgres-console.yaml', text }, readyCatalog(), {
    helmValuesFiles: ['deploy/override-*.yaml'],
  });
  assert.equal(r.kind, 'helm-values');
  assert.deepEqual(
    r.findings.map((f) => `${f.code} ${text.slice(f.start, f.end)}`),
    ['PH001 missing-pg-secret', 'PH003 "console-plain-text"'],
  );
  // Found only by its values*.yaml name, a file without pachd stays another chart's.
  assert.equal(kind('file:///w/values-override.yaml', text), 'none');
  // A pipeline spec stays a spec when a broad glob takes in its folder.
  assert.equal(
    kind('file:///w/deploy/p.yaml', 'pipeline: {name: p}\ntransform: {image: i}\n', ['deploy/*.yaml']),
    'pipeline',
  );
});
