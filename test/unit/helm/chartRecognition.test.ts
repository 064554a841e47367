/**
 * Which chart a values file was written for. The PH rules model pachyderm/pachyderm etc/helm/pachyderm (2.x);
 * pre-2.0 charts (helm/charts stable/pachyderm, pachyderm/helmchart 0.x) have no PostgreSQL or SecretName values
 * of that kind, so their files are recognised and left alone with one PH008 note.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { analyzeDocument } from '../../../core/src/analysis/analyzeDocument';
import { chartVerdictText, recogniseChart } from '../../../core/src/helm/chartRecognition';
import { fixtureDoc, fixtureText, readyCatalog } from './helmTestCatalog';

const analyze = (name: string) => {
  const text = fixtureText(name);
  const r = analyzeDocument({ uri: `file:///w/${name}`, text }, readyCatalog());
  return { r, at: r.findings.map((f) => `${f.code} ${text.slice(f.start, f.end)}`) };
};

test('a values file of the community chart stable/pachyderm (1.x, no PostgreSQL) gets one PH008 note and no PH003', () => {
  const { r, at } = analyze('values-stable-1x.yaml');
  assert.equal(r.kind, 'helm-values');
  assert.deepEqual(at, ['PH008 tag']);
  assert.equal(r.findings[0].severity, 'information');
  assert.match(
    r.findings[0].message,
    /^Recognised as a values file of the community chart stable\/pachyderm \(Pachyderm 1\.x\) \(helm\/charts stable\/pachyderm\)/,
  );
  assert.match(r.findings[0].message, /model Pachyderm's Helm chart 2\.x and leave this file alone\.$/);
});

test('a values file of pachyderm/helmchart 0.x is recognised too: its TLS secret is not looked for', () => {
  const { at } = analyze('values-helmchart-0x.yaml');
  assert.deepEqual(at, ['PH008 dash']);
});

test('the verdict names the chart, its versions and what in the file told', () => {
  const old = recogniseChart(fixtureDoc('values-stable-1x.yaml'));
  assert.equal(old.chart.id, 'stable-pachyderm');
  assert.deepEqual(old.evidence, ['pachd.image.tag', 'credentials', 'amazon']);
  assert.equal(
    chartVerdictText(old),
    'Recognised as the community chart stable/pachyderm (Pachyderm 1.x) (helm/charts stable/pachyderm; chart 0.x, ' +
      'pachd 1.7 to 1.9), recognised by `pachd.image.tag`, `credentials`, `amazon`. Not judged: the Helm rules model ' +
      "Pachyderm's Helm chart 2.x (pachyderm/pachyderm " +
      'etc/helm/pachyderm), whose secret values this chart does not have.',
  );
  const ours = recogniseChart(fixtureDoc('values-2.11-enterprise.yaml'));
  assert.equal(ours.chart.id, 'pachyderm-2');
  assert.equal(
    chartVerdictText(ours),
    "Judged against Pachyderm's Helm chart 2.x (pachyderm/pachyderm etc/helm/pachyderm; chart 2.0 and later; secret " +
      'facts checked against 2.11 and 2.12), recognised by `global`, `console`, `enterpriseServer`.',
  );
  const bare = recogniseChart(parseDocument('pachd:\n  replicas: 2\n'));
  assert.equal(bare.assumed, true);
  assert.match(
    chartVerdictText(bare),
    /Judged against Pachyderm's Helm chart 2\.x .*: nothing in this file names another chart\.$/,
  );
});

test('an explicit pachd image tag decides: 2.x judges a file with an old key, 1.x leaves a 2.x-looking file alone', () => {
  const v2 = recogniseChart(parseDocument('pachd:\n  image:\n    tag: "2.11.6"\n  pfsCache: 0G\n'));
  assert.equal(v2.chart.id, 'pachyderm-2');
  const v1 = recogniseChart(parseDocument('pachd:\n  image:\n    tag: v1.13.4\n  storage:\n    backend: LOCAL\n'));
  assert.equal(v1.chart.modelled, false);
  // A 2.x marker outweighs a stale pre-2.0 key when no tag says otherwise.
  assert.equal(
    recogniseChart(parseDocument('etcd:\n  persistence: {}\nglobal:\n  postgresql: {}\npachd: {}\n')).chart.id,
    'pachyderm-2',
  );
});
