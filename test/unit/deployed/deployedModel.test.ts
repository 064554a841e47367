import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DeployedModel, type DeployedPipeline } from '../../../core/src/deployed';
import { CANARY, CREATING, EDGES, eventOf, podOf, rcOf, waiting, type PipelineFixture } from './pachdWorkers';

function modelWith(p: PipelineFixture, ...pods: ReturnType<typeof podOf>[]): DeployedModel {
  const model = new DeployedModel();
  model.replace('rcs', [rcOf(p)]);
  model.replace('pods', pods);
  return model;
}

function only(model: DeployedModel): DeployedPipeline {
  const all = model.pipelines();
  assert.equal(all.length, 1);
  return all[0];
}

test('a running pipeline: its RC uses, its pods counted, no failure', () => {
  const model = modelWith(EDGES, podOf(EDGES, 'aaaaa'), podOf(EDGES, 'bbbbb'));
  const p = only(model);
  assert.equal(p.rc, 'images-edges-v2');
  assert.deepEqual([p.project, p.name, p.version, p.pods], ['images', 'edges', 2, 2]);
  assert.deepEqual(p.health, { kind: 'running' });
  assert.ok(p.uses.some((u) => u.how === 'env' && u.secret === 's3-creds' && u.key === 'access-key'));
  assert.ok(!JSON.stringify(model.pipelines()).includes(CANARY));
});

test('a missing key fails the pod with CreateContainerConfigError and is blamed on that secret and key', () => {
  const message = "couldn't find key access-key in Secret pach/s3-creds";
  const model = modelWith(EDGES, podOf(EDGES, 'aaaaa', waiting('CreateContainerConfigError', message)));
  const p = only(model);
  assert.equal(p.health.kind, 'failing');
  assert.deepEqual(p.health.kind === 'failing' && p.health.failures, [
    {
      pod: 'images-edges-v2-aaaaa',
      reason: 'CreateContainerConfigError',
      message,
      blame: [{ secret: 's3-creds', key: 'access-key', cause: 'missing-key', via: ['env'] }],
    },
  ]);
});

test('a missing secret for an env var is blamed on the secret', () => {
  const pod = podOf(EDGES, 'aaaaa', waiting('CreateContainerConfigError', 'secret "s3-creds" not found'));
  const p = only(modelWith(EDGES, pod));
  assert.deepEqual(p.health.kind === 'failing' && p.health.failures[0].blame, [
    { secret: 's3-creds', cause: 'missing-secret', via: ['env'] },
  ]);
});

test('a FailedMount event fails a pod that has not started, and stops counting once it runs', () => {
  const pod = podOf(EDGES, 'aaaaa', CREATING);
  const model = modelWith(EDGES, pod);
  assert.deepEqual(only(model).health, { kind: 'running' }, 'ContainerCreating alone is not a failure');
  const message = 'MountVolume.SetUp failed for volume "tls-bundle" : secret "tls-bundle" not found';
  assert.ok(model.apply('events', 'ADDED', eventOf(pod, 'FailedMount', message)));
  const p = only(model);
  assert.deepEqual(p.health.kind === 'failing' && p.health.failures, [
    {
      pod: 'images-edges-v2-aaaaa',
      reason: 'FailedMount',
      message,
      blame: [{ secret: 'tls-bundle', cause: 'missing-secret', via: ['volume'] }],
    },
  ]);
  model.apply('pods', 'MODIFIED', podOf(EDGES, 'aaaaa'));
  assert.deepEqual(only(model).health, { kind: 'running' });
});

test('a container that waits on its env has its volumes mounted: an old FailedMount no longer counts', () => {
  // kubelet mounts every volume (SyncPod's WaitForAttachAndMount) before it builds a container's environment.
  const pod = podOf(EDGES, 'aaaaa', CREATING);
  const model = modelWith(EDGES, pod);
  const mount = 'MountVolume.SetUp failed for volume "tls-bundle" : secret "tls-bundle" not found';
  model.apply('events', 'ADDED', eventOf(pod, 'FailedMount', mount));
  const keyMissing = "couldn't find key access-key in Secret pach/s3-creds";
  model.apply('pods', 'MODIFIED', podOf(EDGES, 'aaaaa', waiting('CreateContainerConfigError', keyMissing)));
  const health = only(model).health;
  assert.deepEqual(health.kind === 'failing' && health.failures.map((f) => [f.reason, f.blame[0]?.secret]), [
    ['CreateContainerConfigError', 's3-creds'],
  ]);
});

test('of two FailedMount events for one volume, the latest says what is wrong now', () => {
  const p: PipelineFixture = { name: 'keys', version: 1, secrets: [{ name: 'tok', mountPath: '/tok' }] };
  const pod = podOf(p, 'aaaaa', CREATING);
  const model = modelWith(p, pod);
  const vol = 'MountVolume.SetUp failed for volume "tok" : ';
  model.apply('events', 'ADDED', eventOf(pod, 'FailedMount', `${vol}secret "tok" not found`, '2026-12-05T08:00:00Z'));
  model.apply('events', 'ADDED', eventOf(pod, 'FailedMount', `${vol}secret "other" not found`, '2026-12-05T08:05:00Z'));
  const health = only(model).health;
  assert.deepEqual(health.kind === 'failing' && health.failures.map((f) => f.blame[0].secret), ['other']);
});

test('an image pull failure is blamed on the pull secrets kubelet could not read', () => {
  const pod = podOf(EDGES, 'aaaaa', waiting('ImagePullBackOff', 'Back-off pulling image "registry.example/edges:2"'));
  const model = modelWith(EDGES, pod);
  const before = only(model).health;
  assert.deepEqual(before.kind === 'failing' && before.failures[0].blame, [], 'no event yet: no guess');
  const msg = 'Unable to retrieve some image pull secrets (regcred); attempting to pull the image may not succeed.';
  model.apply('events', 'ADDED', eventOf(pod, 'FailedToRetrieveImagePullSecret', msg));
  const after = only(model).health;
  assert.deepEqual(after.kind === 'failing' && after.failures[0].blame, [
    { secret: 'regcred', cause: 'missing-secret', via: ['imagePull'] },
  ]);
});

// containerd's words when the registry answers that the reference does not exist (kubelet's image manager,
// pkg/kubelet/images/image_manager.go, records them as a `Failed` event `Failed to pull image "IMAGE": ERROR`).
const NO_SUCH_TAG =
  'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/busybox:nope": failed to ' +
  'resolve reference "docker.io/library/busybox:nope": docker.io/library/busybox:nope: not found';
const DENIED =
  'failed to pull and unpack image "registry.example/edges:2": failed to resolve reference ' +
  '"registry.example/edges:2": pull access denied, repository does not exist or may require authorization: ' +
  'authorization failed';
const PULL_SECRET_MISSING =
  'Unable to retrieve some image pull secrets (regcred); attempting to pull the image may not succeed.';

function pullBlame(reason: string, message: string, pullError?: string) {
  const pod = podOf(EDGES, 'aaaaa', waiting(reason, message));
  const model = modelWith(EDGES, pod);
  const events = [eventOf(pod, 'FailedToRetrieveImagePullSecret', PULL_SECRET_MISSING)];
  if (pullError) events.push(eventOf(pod, 'Failed', `Failed to pull image "busybox:nope": ${pullError}`));
  model.replace('events', events);
  const health = only(model).health;
  return health.kind === 'failing' ? health.failures.map((f) => [f.reason, f.blame.map((b) => b.secret)]) : [];
}

test('an image the registry says does not exist is not blamed on a missing pull secret', () => {
  assert.deepEqual(pullBlame('ErrImagePull', NO_SUCH_TAG), [['ErrImagePull', []]]);
  // The back-off's own message names no cause: the last pull error kubelet recorded does.
  assert.deepEqual(pullBlame('ImagePullBackOff', 'Back-off pulling image "busybox:nope"', NO_SUCH_TAG), [
    ['ImagePullBackOff', []],
  ]);
  // Refused access is what a missing credential causes: the missing pull secret is blamed.
  assert.deepEqual(pullBlame('ErrImagePull', DENIED), [['ErrImagePull', ['regcred']]]);
  assert.deepEqual(pullBlame('ImagePullBackOff', 'Back-off pulling image "registry.example/edges:2"', DENIED), [
    ['ImagePullBackOff', ['regcred']],
  ]);
});

test('Unschedulable from the PodScheduled condition is a failure with no secret to blame', () => {
  const pod = podOf(EDGES, 'aaaaa', {
    phase: 'Pending',
    conditions: [
      { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/3 nodes are available' },
    ],
  });
  const health = only(modelWith(EDGES, pod)).health;
  assert.deepEqual(health.kind === 'failing' && health.failures[0], {
    pod: 'images-edges-v2-aaaaa',
    reason: 'Unschedulable',
    message: '0/3 nodes are available',
    blame: [],
  });
});

test('waiting reasons pachd does not count are not failures', () => {
  for (const reason of ['ContainerCreating', 'PodInitializing', 'CrashLoopBackOff']) {
    assert.deepEqual(only(modelWith(EDGES, podOf(EDGES, 'a', waiting(reason, 'x')))).health, { kind: 'running' });
  }
});

test('pre-2.4 and spout workers are grouped by pipeline version like current ones', () => {
  const old: PipelineFixture = {
    name: 'legacy',
    version: 9,
    style: 'pre-2.4',
    secrets: [{ name: 'old', mountPath: '/o' }],
  };
  const spout: PipelineFixture = { project: 'ingest', name: 'feed', version: 1, style: 'spout' };
  const model = new DeployedModel();
  model.replace('rcs', [rcOf(old), rcOf(spout)]);
  model.replace('pods', [podOf(old, 'x1'), podOf(old, 'x2'), podOf(spout, 'y1')]);
  const seen = model.pipelines().map((p) => [p.project, p.name, p.version, p.rc, p.pods]);
  assert.deepEqual(seen, [
    ['', 'legacy', 9, 'pipeline-legacy-v9', 2],
    ['ingest', 'feed', 1, 'ingest-feed-v1', 1],
  ]);
});

test('pods whose RC is not known yet bring their own uses, until the RC arrives', () => {
  const model = new DeployedModel();
  model.replace('pods', [podOf(EDGES, 'aaaaa')]);
  const p = only(model);
  assert.equal(p.rc, undefined);
  assert.ok(p.uses.some((u) => u.secret === 'tls-bundle'));
  model.apply('rcs', 'ADDED', rcOf({ ...EDGES, secrets: [] }));
  assert.ok(!only(model).uses.some((u) => u.secret === 'tls-bundle'), 'the RC template is the truth');
});

test("RCs listed after the pods replace those pods' uses; a pod whose RC is not listed keeps its own", () => {
  const model = new DeployedModel();
  const other = { ...EDGES, name: 'contours' };
  model.replace('pods', [podOf(EDGES, 'aaaaa'), podOf(other, 'bbbbb')]);
  model.replace('rcs', [rcOf({ ...EDGES, secrets: [] })]);
  const [contours, edges] = model.pipelines();
  assert.deepEqual(
    [edges.name, edges.rc, contours.name, contours.rc],
    ['edges', 'images-edges-v2', 'contours', undefined],
  );
  assert.ok(!edges.uses.some((u) => u.secret === 'tls-bundle'), 'the RC template is the truth');
  assert.ok(
    contours.uses.some((u) => u.secret === 'tls-bundle'),
    'a pod whose RC is not listed keeps its uses',
  );
});

test('deleting the RC and its pods removes the pipeline; unrelated objects are ignored', () => {
  const model = modelWith(EDGES, podOf(EDGES, 'aaaaa'));
  assert.equal(model.apply('pods', 'ADDED', { metadata: { name: 'pachd-0', labels: { app: 'pachd' } } }), false);
  assert.equal(model.apply('events', 'ADDED', { metadata: { name: 'e' }, reason: 'Scheduled' }), false);
  model.apply('pods', 'DELETED', podOf(EDGES, 'aaaaa'));
  model.apply('rcs', 'DELETED', rcOf(EDGES));
  assert.deepEqual(model.pipelines(), []);
  assert.deepEqual(model.counts(), { rcs: 0, pods: 0, events: 0 });
});

test('an event about an earlier pod of the same name (another uid) does not count', () => {
  const pod = podOf(EDGES, 'aaaaa', CREATING);
  const model = modelWith(EDGES, pod);
  const stale = eventOf(pod, 'FailedMount', 'MountVolume.SetUp failed for volume "x" : secret "x" not found');
  stale.involvedObject!.uid = 'an-older-pod';
  model.apply('events', 'ADDED', stale);
  assert.deepEqual(only(model).health, { kind: 'running' });
});

test('a relist of one kind replaces that kind only', () => {
  const model = modelWith(EDGES, podOf(EDGES, 'aaaaa', waiting('ErrImagePull', 'pull failed')));
  model.replace('pods', []);
  const p = only(model);
  assert.deepEqual([p.pods, p.health.kind, p.rc], [0, 'running', 'images-edges-v2']);
});
