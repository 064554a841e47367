import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deployedKey, deployedLabel, owningRcName, workerIdentity } from '../../../core/src/deployed';
import { annotationsOf, labelsOf, podOf, rcName, rcOf } from './pachdWorkers';

test('2.4+ labels give project, name and version (pipelineLabels)', () => {
  const p = { project: 'images', name: 'edges', version: 3 };
  assert.deepEqual(workerIdentity(rcOf(p).metadata), { project: 'images', name: 'edges', version: 3 });
  assert.equal(rcName(p), 'images-edges-v3');
});

test('a pipeline outside projects has the empty project, as pachd keys it', () => {
  const id = workerIdentity({ labels: labelsOf({ name: 'montage', version: 12 }) });
  assert.deepEqual(id, { project: '', name: 'montage', version: 12 });
  assert.equal(deployedLabel(id!), 'montage v12');
  assert.equal(deployedKey(id!), '/montage@12');
});

test('pre-2.4 labels (app=<rc name>) take the version from the annotation', () => {
  const p = { name: 'Edges_Old', version: 7, style: 'pre-2.4' as const };
  const meta = { labels: labelsOf(p), annotations: annotationsOf(p) };
  assert.equal(meta.labels.app, 'pipeline-edges-old-v7');
  assert.deepEqual(workerIdentity(meta), { project: '', name: 'Edges_Old', version: 7 });
});

test('pre-2.4 labels without annotations take the version from the RC name in app', () => {
  const p = { name: 'edges', version: 4, style: 'pre-2.4' as const };
  assert.deepEqual(workerIdentity({ labels: labelsOf(p) }), { project: '', name: 'edges', version: 4 });
});

test('spout labels (app=spout, no version label) read the version from the annotation or RC name', () => {
  const p = { project: 'ingest', name: 'feed', version: 2, style: 'spout' as const };
  assert.equal(labelsOf(p).pipelineVersion, undefined);
  assert.deepEqual(workerIdentity({ labels: labelsOf(p), annotations: annotationsOf(p) }), {
    project: 'ingest',
    name: 'feed',
    version: 2,
  });
  assert.deepEqual(workerIdentity({ labels: labelsOf(p) }, rcName(p)), { project: 'ingest', name: 'feed', version: 2 });
  assert.equal(workerIdentity({ labels: labelsOf(p) }), undefined, 'no version anywhere: not a deployed version');
});

test('only workers count: pachd, etcd and a user pod with pipeline-like labels are not pipelines', () => {
  assert.equal(workerIdentity({ labels: { app: 'pachd', suite: 'pachyderm' } }), undefined);
  assert.equal(workerIdentity({ labels: { app: 'pipeline', pipelineName: 'x', pipelineVersion: '1' } }), undefined);
  assert.equal(workerIdentity({ labels: { component: 'worker', pipelineVersion: '1' } }), undefined);
  assert.equal(workerIdentity(undefined), undefined);
});

test('a version that is not a decimal number is not read as one', () => {
  const labels = { component: 'worker', pipelineName: 'x', pipelineVersion: '1e3' };
  assert.equal(workerIdentity({ labels }), undefined);
  assert.deepEqual(workerIdentity({ labels, annotations: { pipelineVersion: '5' } }), {
    project: '',
    name: 'x',
    version: 5,
  });
});

test('a pod names its RC through its owner reference', () => {
  const pod = podOf({ name: 'edges', version: 1 }, 'abcde');
  assert.equal(owningRcName(pod.metadata), 'pipeline-edges-v1');
  assert.equal(owningRcName({ ownerReferences: [{ kind: 'ReplicaSet', name: 'x' }] }), undefined);
});
