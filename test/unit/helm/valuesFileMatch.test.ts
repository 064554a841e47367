import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { isHelmValuesFile } from '../../../core/src/helm/valuesFileMatch';

const pachd = parseDocument('pachd:\n  enabled: true\n');

test('values*.yaml and values*.yml with a top-level pachd mapping are helm values files', () => {
  assert.ok(isHelmValuesFile('file:///w/deploy/values.yaml', pachd));
  assert.ok(isHelmValuesFile('file:///w/values-prod.yml', pachd));
  assert.ok(isHelmValuesFile('/w/helm/Values.override.yaml', pachd));
  assert.ok(isHelmValuesFile('file:///w/values.yaml', parseDocument('pachd:\n')));
});

test('other names, or values files of other charts, are not', () => {
  assert.ok(!isHelmValuesFile('file:///w/pachd.yaml', pachd));
  assert.ok(!isHelmValuesFile('file:///w/myvalues.yaml', pachd));
  assert.ok(!isHelmValuesFile('file:///w/values.yaml', parseDocument('redis:\n  enabled: true\n')));
  assert.ok(!isHelmValuesFile('file:///w/values.yaml', parseDocument('pachd: 3\n')));
  assert.ok(!isHelmValuesFile('file:///w/values.yaml', parseDocument('- pachd\n')));
});

test('pachyderm.helmValuesFiles globs add other names', () => {
  assert.ok(isHelmValuesFile('file:///w/deploy/prod/pachyderm.yaml', pachd, ['deploy/**/*.yaml']));
  assert.ok(isHelmValuesFile('file:///w/env/my%20cluster.yml', pachd, ['**/*.{yaml,yml}']));
  assert.ok(isHelmValuesFile('/w/pach.yaml', pachd, ['pach.yaml']));
  assert.ok(!isHelmValuesFile('file:///w/other/pachyderm.yaml', pachd, ['deploy/**/*.yaml']));
});
