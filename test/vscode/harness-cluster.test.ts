import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cluster, testEnv } from './harness';

// The harness's own promises to test authors: the workspace points at the run's local cluster, and the cluster
// helpers really change it.
suite('harness: the local cluster', () => {
  test('the workspace settings point pachyderm.kubeconfig at the local cluster', () => {
    assert.equal(vscode.workspace.getConfiguration('pachyderm').get('kubeconfig'), testEnv().kubeconfig);
  });

  test('the cluster holds the seeded secrets, and createSecret/deleteSecret change it', async () => {
    const seeded = await cluster.listSecrets('default');
    for (const name of ['registry-pull', 's3-credentials', 'warehouse-db'])
      assert.ok(seeded.includes(name), `${name} is not seeded`);
    await cluster.createSecret({ name: 'harness-probe', stringData: { k: 'v' } });
    assert.ok((await cluster.listSecrets()).includes('harness-probe'));
    await cluster.deleteSecret('harness-probe');
    assert.ok(!(await cluster.listSecrets()).includes('harness-probe'));
  });

  test('the admin endpoint injects a fault and heal() removes it', async () => {
    await cluster.admin('POST', '/__local/faults', { fail: { status: 500, count: 'all', verb: 'list' } });
    await assert.rejects(cluster.listSecrets(), /HTTP 500/);
    await cluster.heal();
    assert.ok((await cluster.listSecrets()).length > 0);
  });
});
