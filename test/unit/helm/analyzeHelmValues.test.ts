import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../../core/src/analysis/analyzeDocument';
import { RULES } from '../../../core/src/rules/ruleTable';
import { fixtureText, readyCatalog } from './helmTestCatalog';

test('analyzeDocument classifies a values file with a pachd mapping as helm-values and runs the PH rules', () => {
  const r = analyzeDocument(
    { uri: 'file:///w/values.yaml', text: fixtureText('values-docs-table.yaml') },
    readyCatalog(),
  );
  assert.equal(r.kind, 'helm-values');
  assert.deepEqual(
    r.findings.map((f) => f.code),
    ['PH002', 'PH002', 'PH005'],
  );
  assert.equal(r.findings[0].severity, RULES.PH002.severity);
});

test('a values file of another chart, or a pachd values file under another name, is not analysed', () => {
  assert.equal(
    analyzeDocument({ uri: 'file:///w/values.yaml', text: 'redis:\n  password: x\n' }, readyCatalog()).kind,
    'none',
  );
  assert.equal(
    analyzeDocument({ uri: 'file:///w/pachyderm.yaml', text: fixtureText('values-2.12.yaml') }, readyCatalog()).kind,
    'none',
  );
});

test('pachyderm.helmValuesFiles globs make other names values files', () => {
  const r = analyzeDocument(
    { uri: 'file:///w/deploy/pachyderm.yaml', text: fixtureText('values-2.12.yaml') },
    readyCatalog(),
    { helmValuesFiles: ['deploy/*.yaml'] },
  );
  assert.equal(r.kind, 'helm-values');
  assert.ok(r.findings.some((f) => f.code === 'PH003'));
});

test('every PH code is in the one rule table with its severity', () => {
  for (const code of ['PH001', 'PH002', 'PH006'] as const) assert.equal(RULES[code].severity, 'error');
  for (const code of ['PH003', 'PH004', 'PH005', 'PH007'] as const) assert.equal(RULES[code].severity, 'warning');
});

test('a YAML syntax error in a values file is reported as PS100, and the values that parsed are still checked', () => {
  const broken = analyzeDocument(
    {
      uri: 'file:///w/values.yaml',
      text: 'pachd:\n  rootToken: abc\n  bad: [unclosed\ncloudsqlAuthProxy: {iamLogin: true}\n',
    },
    readyCatalog(),
  );
  assert.equal(broken.kind, 'helm-values');
  assert.deepEqual([...new Set(broken.findings.map((f) => f.code))].sort(), ['PH003', 'PS100']);
});
