/**
 * The local cluster's kubelet: a deployed pipeline's pods fail when a secret or key they use goes away, with the
 * reasons and messages a real kubelet writes (kubernetes/kubernetes pkg/kubelet/kubelet_pods.go
 * makeEnvironmentVariables and getPullSecretsForPod; the FailedMount event of the volume manager), and run again
 * once it is back. Changes are made and read with the real kubectl, as a user would.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { kubectl, spawnKubectl, startTestCluster, waitForLine, type TestCluster } from './helpers';
import { CANARY, EDGES, PIPELINE_SECRETS, REPORT } from './pipelineFixtures';
import { LocalClusterAdmin } from '../../tools/local-cluster/index';

let cluster: TestCluster;
let admin: LocalClusterAdmin;
before(async () => {
  cluster = await startTestCluster({ seed: PIPELINE_SECRETS, pipelines: { pipelines: [EDGES, REPORT] } });
  admin = new LocalClusterAdmin(cluster.adminUrl, cluster.adminToken);
});
after(() => cluster.dispose());

async function run(args: string[]): Promise<string> {
  const r = await kubectl(cluster, args);
  assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
  assert.ok(!r.stdout.includes(CANARY) && !r.stderr.includes(CANARY), 'no secret value is ever printed');
  return r.stdout;
}

interface ContainerStatus {
  name: string;
  ready: boolean;
  state: { running?: unknown; waiting?: { reason: string; message?: string } };
}
interface Pod {
  metadata: { name: string };
  spec: { nodeName?: string };
  status: {
    phase: string;
    conditions?: Array<{ type: string; status: string; reason?: string; message?: string }>;
    initContainerStatuses?: ContainerStatus[];
    containerStatuses?: ContainerStatus[];
  };
}
const pods = async (pipeline: string): Promise<Pod[]> =>
  (JSON.parse(await run(['get', 'pods', '-l', `pipelineName=${pipeline}`, '-o', 'json'])) as { items: Pod[] }).items;
const container = (pod: Pod, name: string): ContainerStatus =>
  pod.status.containerStatuses!.find((c) => c.name === name)!;
const events = async (selector: string): Promise<Array<{ message: string; type: string; count: number }>> =>
  (
    JSON.parse(await run(['get', 'events', '--field-selector', selector, '-o', 'json'])) as {
      items: Array<{ message: string; type: string; count: number }>;
    }
  ).items;

test('removing a key a pipeline reads fails its pods with CreateContainerConfigError; restoring it runs them', async () => {
  await run(['patch', 'secret', 'tracker', '--type=json', '-p', '[{"op":"remove","path":"/data/api-token"}]']);
  for (const pod of await pods('edges')) {
    assert.equal(pod.status.phase, 'Pending');
    assert.deepEqual(container(pod, 'user').state.waiting, {
      reason: 'CreateContainerConfigError',
      message: "couldn't find key api-token in Secret default/tracker",
    });
    assert.ok(container(pod, 'storage').state.running, 'the sidecar reads no such key and keeps running');
    const failed = await events(`involvedObject.name=${pod.metadata.name},reason=Failed`);
    assert.deepEqual(
      failed.map((e) => [e.type, e.message]),
      [['Warning', "Error: couldn't find key api-token in Secret default/tracker"]],
    );
  }
  const table = await run(['get', 'pods', '-l', 'pipelineName=edges']);
  assert.equal(table.split('\n').filter((l) => /\s1\/2\s+CreateContainerConfigError\s+0\s/.test(l)).length, 2, table);
  assert.match(await run(['get', 'rc', 'vision-edges-v1']), /vision-edges-v1\s+2\s+2\s+0\s/);

  await run(['patch', 'secret', 'tracker', '-p', '{"stringData":{"api-token":"restored"}}']);
  for (const pod of await pods('edges')) {
    assert.equal(pod.status.phase, 'Running');
    assert.ok(container(pod, 'user').state.running && container(pod, 'user').ready);
  }
  assert.match(await run(['get', 'rc', 'vision-edges-v1']), /vision-edges-v1\s+2\s+2\s+2\s/);
});

test('a deleted secret read through env is `secret "x" not found` on the container that reads it', async () => {
  await run(['delete', 'secret', 'warehouse']);
  const [pod] = await pods('daily_report');
  assert.deepEqual(container(pod, 'storage').state.waiting, {
    reason: 'CreateContainerConfigError',
    message: 'secret "warehouse" not found',
  });
  assert.ok(container(pod, 'user').state.running, 'only the sidecar reads the egress password');
  await run(['create', 'secret', 'generic', 'warehouse', '--from-literal=password=again']);
  assert.equal((await pods('daily_report'))[0].status.phase, 'Running');
});

test('a deleted mounted secret leaves the pods initializing with a FailedMount event, until it is back', async () => {
  await run(['delete', 'secret', 'model-store']);
  for (const pod of await pods('edges')) {
    assert.equal(pod.status.phase, 'Pending');
    assert.equal(pod.status.initContainerStatuses?.[0].state.waiting?.reason, 'PodInitializing');
    assert.equal(container(pod, 'user').state.waiting?.reason, 'PodInitializing');
  }
  const mounts = await events('reason=FailedMount');
  assert.equal(mounts.length, 2);
  for (const e of mounts)
    assert.equal(e.message, 'MountVolume.SetUp failed for volume "model-store" : secret "model-store" not found');
  const table = await run(['get', 'events', '--field-selector', 'reason=FailedMount']);
  assert.match(table, /^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE\n/);
  assert.match(
    table,
    /Warning\s+FailedMount\s+pod\/vision-edges-v1-[a-z0-9]{5}\s+MountVolume\.SetUp failed for volume/,
  );
  assert.match(await run(['get', 'pods', '-l', 'pipelineName=edges']), /0\/2\s+Init:0\/1\s/);
  await run(['create', 'secret', 'generic', 'model-store', '--from-literal=weights.bin=w']);
  for (const pod of await pods('edges')) assert.equal(pod.status.phase, 'Running');
});

test('the same failure again counts up its event, as the event correlator does', async () => {
  const spec = {
    pipeline: { name: 'counter' },
    transform: { secrets: [{ name: 'tracker', key: 'api-token', env_var: 'T' }] },
  };
  const [name] = (await admin.deployPipelines([{ spec, platformSecrets: false }])).pods;
  const remove = ['patch', 'secret', 'tracker', '--type=json', '-p', '[{"op":"remove","path":"/data/api-token"}]'];
  const restore = ['patch', 'secret', 'tracker', '-p', '{"stringData":{"api-token":"back"}}'];
  await run(remove);
  await run(restore);
  await run(remove);
  const failed = await events(`involvedObject.name=${name},reason=Failed`);
  assert.deepEqual(
    failed.map((e) => e.count),
    [2],
  );
  await run(restore);
});

test('kubectl get pods --watch sees each pod fail and recover as the key goes and comes back', async (t) => {
  const watcher = spawnKubectl(cluster, [
    'get',
    'pods',
    '--watch',
    '--output-watch-events',
    '-l',
    'pipelineName=edges',
  ]);
  t.after(() => watcher.kill());
  await waitForLine(watcher, /^ADDED\s+vision-edges-v1-\S+\s+2\/2\s+Running/);
  // The pods change while kubectl patch runs: listen before it starts.
  const failing = waitForLine(watcher, /^MODIFIED\s+vision-edges-v1-\S+\s+1\/2\s+CreateContainerConfigError\s/);
  await run(['patch', 'secret', 'tracker', '--type=json', '-p', '[{"op":"remove","path":"/data/api-token"}]']);
  await failing;
  const running = waitForLine(watcher, /^MODIFIED\s+vision-edges-v1-\S+\s+2\/2\s+Running\s/);
  await run(['patch', 'secret', 'tracker', '-p', '{"stringData":{"api-token":"back"}}']);
  await running;
});

test('a missing image pull secret is a warning; a private image without a usable one cannot be pulled', async () => {
  const spec = {
    pipeline: { name: 'private', project: { name: 'vision' } },
    transform: { image: 'registry.example.com/vision/private:2', image_pull_secrets: ['regcred'] },
  };
  await admin.deployPipelines([{ spec, privateImage: true }]);
  assert.equal((await pods('private'))[0].status.phase, 'Running', 'regcred holds a Docker config');
  await run(['delete', 'secret', 'regcred']);
  const [pod] = await pods('private');
  assert.deepEqual(container(pod, 'user').state.waiting, {
    reason: 'ImagePullBackOff',
    message: 'Back-off pulling image "registry.example.com/vision/private:2"',
  });
  const warned = await events(`involvedObject.name=${pod.metadata.name},reason=FailedToRetrieveImagePullSecret`);
  assert.equal(
    warned[0].message,
    'Unable to retrieve some image pull secrets (regcred); attempting to pull the image may not succeed.',
  );
  // The public-image pipeline only gets the warning and keeps running, as kubelet only warns.
  for (const p of await pods('edges')) assert.equal(p.status.phase, 'Running');
  // An Opaque secret of that name holds no registry credential: still no pull.
  await run(['create', 'secret', 'generic', 'regcred', '--from-literal=token=x']);
  assert.equal(container((await pods('private'))[0], 'user').state.waiting?.reason, 'ImagePullBackOff');
});

test('a failure set through the admin endpoint shows as kubelet or the scheduler reports it, and clears', async () => {
  const [pod] = await pods('daily_report');
  const name = pod.metadata.name;
  await admin.setPodFailure('default', name, { reason: 'ErrImagePull' });
  const pulled = (await pods('daily_report'))[0];
  assert.equal(container(pulled, 'user').state.waiting?.reason, 'ErrImagePull');
  assert.match(
    container(pulled, 'user').state.waiting?.message ?? '',
    /^failed to pull and unpack image "docker\.io\/python:3\.12"/,
  );
  await admin.setPodFailure('default', name, {
    reason: 'Unschedulable',
    message: '0/1 nodes are available: 1 Insufficient memory.',
  });
  const unscheduled = (await pods('daily_report'))[0];
  assert.equal(unscheduled.spec.nodeName, undefined);
  assert.deepEqual(unscheduled.status.conditions, [
    {
      type: 'PodScheduled',
      status: 'False',
      reason: 'Unschedulable',
      message: '0/1 nodes are available: 1 Insufficient memory.',
    },
  ]);
  assert.equal(
    (await events(`involvedObject.name=${name},reason=FailedScheduling,source=default-scheduler`)).length,
    1,
  );
  await admin.setPodFailure('default', name, undefined);
  assert.equal((await pods('daily_report'))[0].status.phase, 'Running');
});
