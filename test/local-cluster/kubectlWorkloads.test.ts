/**
 * Deployed pipelines in the local cluster, read with the real kubectl: pachd's worker ReplicationControllers and
 * their pods (pachyderm/pachyderm src/server/pps/server/worker_rc.go, api_server.go pipelineLabels,
 * src/internal/ppsutil/util.go PipelineRcName) and the Events about them, through get, list, paging, watch,
 * label and field selectors, the Table columns and RBAC, as on a real cluster.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  eventually,
  kubectl,
  kubectlVersions,
  spawnKubectl,
  startTestCluster,
  waitForLine,
  type TestCluster,
} from './helpers';
import { CANARY, EDGES, INGEST, PIPELINE_SECRETS, REPORT } from './pipelineFixtures';
import { FORBIDDEN_CONTEXT, LocalClusterAdmin, withTokenUser } from '../../tools/local-cluster/index';

let cluster: TestCluster;
before(async () => {
  cluster = await startTestCluster({ seed: PIPELINE_SECRETS, pipelines: { pipelines: [EDGES, REPORT, INGEST] } });
});
after(() => cluster.dispose());

interface Item {
  metadata: { name: string; labels?: Record<string, string>; ownerReferences?: Array<{ kind: string; name: string }> };
  spec: Record<string, never>;
  status: Record<string, never>;
}

async function getJson(args: string[], context?: string): Promise<Item[]> {
  const r = await kubectl(cluster, [...(context ? ['--context', context] : []), 'get', ...args, '-o', 'json']);
  assert.equal(r.code, 0, r.stderr);
  return (JSON.parse(r.stdout) as { items: Item[] }).items;
}

const run = async (args: string[], binary?: string): Promise<string> => {
  const r = await kubectl(cluster, args, binary);
  assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
  assert.ok(!r.stdout.includes(CANARY), 'no secret value is ever printed');
  return r.stdout;
};

test('kubectl get rc,pods -l suite=pachyderm prints the worker RCs and pods with their status columns', async () => {
  const out = await run(['get', 'rc,pods', '-l', 'suite=pachyderm']);
  const lines = out.split('\n');
  assert.match(lines[0], /^NAME\s+DESIRED\s+CURRENT\s+READY\s+AGE$/);
  assert.ok(
    lines.some((l) => /^replicationcontroller\/vision-edges-v1\s+2\s+2\s+2\s+\d+s$/.test(l)),
    out,
  );
  assert.ok(
    lines.some((l) => /^replicationcontroller\/pipeline-daily-report-v7\s+1\s+1\s+1\s/.test(l)),
    out,
  );
  assert.ok(
    lines.some((l) => /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/.test(l)),
    out,
  );
  assert.equal(lines.filter((l) => /^pod\/vision-edges-v1-[a-z0-9]{5}\s+2\/2\s+Running\s+0\s/.test(l)).length, 2, out);
  const wide = await run(['get', 'pods', '-o', 'wide', '-l', 'pipelineName=ingest']);
  assert.match(wide, /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES\n/);
  assert.match(wide, /vision-ingest-v1-\S+\s+2\/2\s+Running\s+0\s+\S+\s+10\.244\.\d+\.\d+\s+local-node\s+<none>/);
});

test('the worker RC is named and labelled as pachd does, and its pods carry the template pachd writes', async () => {
  const rcs = await getJson(['rc']);
  assert.deepEqual(rcs.map((r) => r.metadata.name).sort(), [
    'pipeline-daily-report-v7',
    'vision-edges-v1',
    'vision-ingest-v1',
  ]);
  const edges = rcs.find((r) => r.metadata.name === 'vision-edges-v1')!;
  const labels = {
    app: 'pipeline',
    component: 'worker',
    pipelineName: 'edges',
    pipelineProject: 'vision',
    pipelineVersion: '1',
    suite: 'pachyderm',
  };
  assert.deepEqual(edges.metadata.labels, labels);
  assert.deepEqual((edges.spec as unknown as { selector: unknown }).selector, labels);
  const pods = await getJson(['pods', '-l', 'pipelineName=edges,pipelineProject=vision']);
  assert.equal(pods.length, 2);
  const pod = pods[0] as unknown as {
    metadata: Item['metadata'];
    spec: {
      containers: Array<{ name: string; env?: unknown[]; envFrom?: unknown[] }>;
      volumes: Array<{ name: string; secret?: { secretName: string } }>;
      imagePullSecrets: unknown[];
    };
  };
  assert.deepEqual(
    pod.metadata.ownerReferences?.map((o) => [o.kind, o.name]),
    [['ReplicationController', 'vision-edges-v1']],
  );
  assert.deepEqual(
    pod.spec.containers.map((c) => c.name),
    ['user', 'storage'],
  );
  const user = pod.spec.containers[0];
  assert.deepEqual(user.env?.[0], {
    name: 'TRACKER_TOKEN',
    valueFrom: { secretKeyRef: { name: 'tracker', key: 'api-token' } },
  });
  assert.deepEqual(
    pod.spec.volumes.find((v) => v.name === 'model-store'),
    { name: 'model-store', secret: { secretName: 'model-store' } },
  );
  assert.deepEqual(pod.spec.imagePullSecrets, [{ name: 'regcred' }]);
  assert.deepEqual(pod.spec.containers[1].envFrom, [{ secretRef: { name: 'pachyderm-storage-secret' } }]);
  // The egress password goes to the storage sidecar (getEgressSecretEnvVars), not to the user container.
  const report = (await getJson(['pods', '-l', 'pipelineName=daily_report']))[0] as unknown as typeof pod;
  assert.deepEqual(report.spec.containers[1].env?.at(-1), {
    name: 'PACHYDERM_SQL_PASSWORD',
    valueFrom: { secretKeyRef: { name: 'warehouse', key: 'password' } },
  });
  assert.ok(!JSON.stringify(report.spec.containers[0].env).includes('warehouse'));
});

test('a spout mounts the pachctl secret pachd creates for it, labelled with spoutLabels', async () => {
  const [secret] = await getJson(['secrets', '--field-selector', 'metadata.name=spout-pachctl-secret-vision-ingest']);
  assert.equal(secret.metadata.labels?.app, 'spout');
  assert.equal(secret.metadata.labels?.pipelineName, 'ingest');
  const [pod] = await getJson(['pods', '-l', 'pipelineName=ingest']);
  const volumes = (pod.spec as unknown as { volumes: Array<{ name: string; secret?: { secretName: string } }> })
    .volumes;
  assert.deepEqual(volumes.find((v) => v.name === 'pachyderm-pachctl-secret')?.secret, {
    secretName: 'spout-pachctl-secret-vision-ingest',
  });
});

test('pipelines deployed with pre-2.3 labels are selected by app=<rc name> and carry no version label', async () => {
  const admin = new LocalClusterAdmin(cluster.adminUrl, cluster.adminToken);
  const spec = { pipeline: { name: 'Legacy_Job' }, transform: { image: 'busybox' } };
  const result = await admin.deployPipelines([{ spec, version: 2, legacyLabels: true, platformSecrets: false }]);
  assert.deepEqual(result.replicationControllers, ['pipeline-legacy-job-v2']);
  const [pod] = await getJson(['pods', '-l', 'app=pipeline-legacy-job-v2']);
  assert.deepEqual(pod.metadata.labels, {
    app: 'pipeline-legacy-job-v2',
    component: 'worker',
    pipelineName: 'Legacy_Job',
    suite: 'pachyderm',
  });
  assert.equal(pod.metadata.name, result.pods[0]);
});

test("a spec's metadata.annotations reach the worker pods, and pachd's own annotations win", async (t) => {
  const admin = new LocalClusterAdmin(cluster.adminUrl, cluster.adminToken);
  const notes = { 'example.com/owner': 'data-team', pipelineName: 'not-this-one' };
  const spec = { pipeline: { name: 'annotated' }, metadata: { annotations: notes }, transform: { image: 'busybox' } };
  const { replicationControllers } = await admin.deployPipelines([{ spec, platformSecrets: false }]);
  // The tests after this one count the pods of the pipelines deployed before it.
  t.after(() => admin.removePipeline('default', replicationControllers[0]));
  const [pod] = (await getJson(['pods', '-l', 'pipelineName=annotated'])) as unknown as Array<{
    metadata: { annotations: Record<string, string> };
  }>;
  assert.equal(pod.metadata.annotations['example.com/owner'], 'data-team');
  assert.equal(pod.metadata.annotations.pipelineName, 'annotated');
  const bad = { pipeline: { name: 'bad-notes' }, metadata: { annotations: { size: 3 } } };
  await assert.rejects(admin.deployPipelines([{ spec: bad }]), /metadata\.annotations must map names to strings/);
});

test('field selectors filter pods, RCs and events on the fields the real API server supports', async () => {
  const pods = await getJson(['pods']);
  const one = pods[0].metadata.name;
  assert.deepEqual(
    (await getJson(['pods', '--field-selector', `metadata.name=${one}`])).map((p) => p.metadata.name),
    [one],
  );
  assert.equal((await getJson(['pods', '--field-selector', 'status.phase=Running'])).length, pods.length);
  assert.equal((await getJson(['pods', '--field-selector', 'status.phase!=Running'])).length, 0);
  assert.equal(
    (await getJson(['pods', '--field-selector', 'spec.serviceAccountName=pachyderm-worker'])).length,
    pods.length,
  );
  assert.deepEqual(
    (await getJson(['rc', '--field-selector', 'metadata.name=vision-edges-v1,metadata.namespace=default'])).map(
      (r) => r.metadata.name,
    ),
    ['vision-edges-v1'],
  );
  assert.equal((await getJson(['events', '--field-selector', 'involvedObject.kind=Pod,reason=FailedMount'])).length, 0);
  const bad = await kubectl(cluster, ['get', 'events', '--field-selector', 'involvedObject.color=red']);
  assert.notEqual(bad.code, 0);
  assert.match(bad.stderr, /field label not supported: involvedObject\.color/);
});

test('kubectl pages pods in chunks and client-node follows continue tokens', async () => {
  const all = (await run(['get', 'pods', '-o', 'name'])).trim().split('\n');
  assert.equal(all.length, 5);
  assert.deepEqual((await run(['get', 'pods', '-o', 'name', '--chunk-size=2'])).trim().split('\n'), all);
  const core = cluster.core();
  const first = await core.listNamespacedPod({ namespace: 'default', limit: 2 });
  assert.equal(first.items.length, 2);
  assert.equal(first.metadata?.remainingItemCount, 3);
  const rest = await core.listNamespacedPod({ namespace: 'default', limit: 10, _continue: first.metadata?._continue });
  assert.deepEqual(
    [...first.items, ...rest.items].map((p) => `pod/${p.metadata?.name}`),
    all,
  );
  assert.equal(first.kind, 'PodList');
});

test('kubectl get pods --watch sees the pods of a pipeline deployed while it watches', async (t) => {
  const watcher = spawnKubectl(cluster, ['get', 'pods', '--watch', '--output-watch-events', '-l', 'pipelineName=late']);
  t.after(() => watcher.kill());
  const admin = new LocalClusterAdmin(cluster.adminUrl, cluster.adminToken);
  // kubectl lists, then watches from the list's resourceVersion: deploy once its watch is open.
  await eventually(async () => (await admin.state()).openWatches > 0, 15000, 'kubectl to watch');
  await admin.deployPipelines([{ spec: { pipeline: { name: 'late' } }, platformSecrets: false }]);
  await waitForLine(watcher, /^ADDED\s+pipeline-late-v1-[a-z0-9]{5}\s+2\/2\s+Running\s+0\s/);
});

test('RBAC applies to pods, RCs and events: a user who may not list them gets the real 403', async () => {
  for (const resource of ['pods', 'replicationcontrollers', 'events']) {
    const r = await kubectl(cluster, ['--context', FORBIDDEN_CONTEXT, 'get', resource]);
    assert.equal(r.code, 1);
    assert.equal(
      r.stderr.trim(),
      `Error from server (Forbidden): ${resource} is forbidden: User "restricted" cannot list resource ` +
        `"${resource}" in API group "" in the namespace "default"`,
    );
  }
  const admin = new LocalClusterAdmin(cluster.adminUrl, cluster.adminToken);
  const user = await admin.putUser('pod-reader', [
    { verbs: ['get', 'list', 'watch'], resources: ['pods'], namespaces: ['default'] },
  ]);
  const kubeconfigPath = join(cluster.dir, 'pod-reader.kubeconfig');
  writeFileSync(kubeconfigPath, withTokenUser(cluster.kubeconfig, user));
  const as = { kubeconfigPath, dir: cluster.dir };
  assert.equal((await kubectl(as, ['get', 'pods', '-o', 'name'])).code, 0);
  const events = await kubectl(as, ['get', 'events']);
  assert.match(events.stderr, /events is forbidden: User "pod-reader" cannot list resource "events" in API group ""/);
  assert.equal((await kubectl(as, ['auth', 'can-i', 'watch', 'pods'])).stdout.trim(), 'yes');
  assert.equal((await kubectl(as, ['auth', 'can-i', 'list', 'replicationcontrollers'])).stdout.trim(), 'no');
});

test('an injected fault can target one kind: a pod watch expires while events still list', async (t) => {
  t.after(() => cluster.faults.clear());
  cluster.faults.fail(410, 1, { verb: 'watch', path: '/pods' });
  const watched = await kubectl(cluster, ['get', 'pods', '--watch', '-l', 'pipelineName=edges']);
  assert.equal(watched.code, 1);
  assert.match(watched.stdout, /vision-edges-v1-/, 'the list before the watch is served');
  assert.equal(watched.stderr.trim(), 'Error from server (Expired): too old resource version');
  assert.equal((await kubectl(cluster, ['get', 'events'])).code, 0);
});

for (const { name, binary } of kubectlVersions()) {
  test(`${name} resolves rc, po and ev and lists them by name`, async () => {
    const out = await run(['get', 'rc,po,ev', '-l', 'pipelineName=edges', '-o', 'name'], binary);
    const lines = out.trim().split('\n');
    assert.ok(lines.includes('replicationcontroller/vision-edges-v1'), out);
    assert.equal(lines.filter((l) => l.startsWith('pod/vision-edges-v1-')).length, 2, out);
    assert.match(await run(['api-resources', '--api-group='], binary), /^pods\s+po\s+v1\s+true\s+Pod$/m);
  });
}
