/**
 * Values files that are Go templates (helmfile, operators): rendered before Helm reads them, so the text as
 * written is not judged. Not YAML as written → one PH008 note; YAML as written → everything but the actions.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../../core/src/analysis/analyzeDocument';
import { goTemplateActions } from '../../../core/src/analysis/goTemplates';
import { fixtureText, readyCatalog } from './helmTestCatalog';

const analyze = (name: string) => {
  const text = fixtureText(name);
  const r = analyzeDocument({ uri: `file:///w/${name}`, text }, readyCatalog());
  return { r, at: r.findings.map((f) => `${f.code} ${text.slice(f.start, f.end)}`) };
};

test('a helmfile values template that is not YAML as written gets one PH008 note, not a flood of PS100', () => {
  const { r, at } = analyze('values-helmfile.yaml');
  assert.equal(r.kind, 'helm-values');
  assert.deepEqual(at, ['PH008 {{- if .Values.tls }}']);
  assert.equal(r.findings[0].severity, 'information');
  assert.match(r.findings[0].message, /Go template actions .* left alone/);
});

test('a values file with actions only inside quoted values is checked everywhere but there', () => {
  const { at } = analyze('values-inline-template.yaml');
  assert.deepEqual(at, ['PH001 ghost-oauth-secret']);
});

test('template actions: spans across lines, unclosed ones end at the line, YAML comment lines are skipped', () => {
  const text = 'a: {{ x }}\n# {{ not this }}\nb: {{/* a\ncomment */}}\nc: {{ open\nd: 1\n';
  assert.deepEqual(
    goTemplateActions(text).map((r) => text.slice(r.start, r.end)),
    ['{{ x }}', '{{/* a\ncomment */}}', '{{ open'],
  );
  assert.deepEqual(goTemplateActions('pachd:\n  enabled: true\n'), []);
});
