/**
 * Deployed pipelines in a real VS Code against the local cluster: a worker RC deployed as pachd does shows under
 * the secret it uses; removing the key with kubectl makes its pod fail (the local cluster's kubelet), and the tree
 * and its filter show the failure; restoring the key clears it. Delete Secret asks for the typed name.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import type { PachydermExtensionExports } from '../../client/src/extension';
import type { TreeRow } from '../../client/src/cluster/treeModel';
import { activateExtension, answerPrompts, cluster, runCommand, testEnv, waitFor } from './harness';

const SECRET = 'deployed-faces-db';
const CANARY = 'CANARY-deployed-faces-3b7c';
const PIPELINE = {
  spec: {
    pipeline: { name: 'faces', project: { name: 'vision' } },
    transform: { image: 'python:3.12', secrets: [{ name: SECRET, key: 'password', env_var: 'DB_PASS' }] },
  },
  version: 3,
  platformSecrets: false,
};
const LABEL = 'vision/faces v3';

function kubectl(...args: string[]): string {
  const env = testEnv();
  return execFileSync('kubectl', ['--kubeconfig', env.kubeconfig, ...args], { encoding: 'utf8' });
}

suite('deployed pipelines: the Secrets tree', () => {
  let area: PachydermExtensionExports['cluster'];
  const secretRow = () => (area.tree.getChildren() as TreeRow[]).find((r) => r.kind === 'secret' && r.label === SECRET);
  const deployedRow = () => {
    const row = secretRow();
    return row && (area.tree.getChildren(row) as TreeRow[]).find((r) => r.kind === 'deployed');
  };

  suiteSetup(async () => {
    area = (await activateExtension<PachydermExtensionExports>()).cluster;
    await waitFor(() => area.catalog.snapshot().state.kind === 'ready', { what: 'the catalog to be ready' });
    await cluster.createSecret({ name: SECRET, stringData: { password: CANARY, user: 'faces' } });
    await cluster.admin('POST', '/__local/pipelines', { namespace: 'default', pipelines: [PIPELINE] });
  });

  suiteTeardown(async () => {
    await cluster.admin('DELETE', '/__local/pipelines/default/vision-faces-v3');
    await cluster.deleteSecret(SECRET);
  });

  test('a deployed pipeline shows under the secret it uses; a missing key makes it fail there, and back', async () => {
    await waitFor(() => secretRow()?.description?.endsWith('· 1 deployed'), { what: 'the "1 deployed" note' });
    const running = deployedRow();
    assert.deepEqual([running?.label, running?.description], [LABEL, 'env DB_PASS from password · running']);

    kubectl('patch', 'secret', SECRET, '--type=merge', '-p', '{"data":{"password":null}}');
    await waitFor(() => secretRow()?.description?.endsWith('· 1 deployed · 1 failing'), { what: 'the failing note' });
    const failing = deployedRow();
    assert.equal(failing?.description, 'env DB_PASS from password · failing: CreateContainerConfigError');
    assert.match(failing?.tooltip ?? '', /couldn't find key password in Secret default\/deployed-faces-db/);

    await runCommand('pachyderm.showFailingDeployedOnly');
    const shown = (area.tree.getChildren() as TreeRow[]).filter((r) => r.kind === 'secret').map((r) => r.label);
    assert.deepEqual(shown, [SECRET]);
    await runCommand('pachyderm.showSecretsOfRunningPipelines');
    assert.ok((area.tree.getChildren() as TreeRow[]).filter((r) => r.kind === 'secret').length > 1);

    const restore = Buffer.from(CANARY).toString('base64');
    kubectl('patch', 'secret', SECRET, '--type=merge', '-p', JSON.stringify({ data: { password: restore } }));
    await waitFor(() => secretRow()?.description?.endsWith('· 1 deployed'), { what: 'the failure to clear' });
    assert.equal(deployedRow()?.description, 'env DB_PASS from password · running');
    for (const r of [secretRow(), deployedRow()]) assert.ok(!JSON.stringify(r).includes(CANARY));
  });

  test('deleting a secret a deployed pipeline uses asks for its name to be typed', async () => {
    await waitFor(() => secretRow()?.description?.endsWith('· 1 deployed'), { what: 'the "1 deployed" note' });
    const { prompts, done } = answerPrompts(['Delete Secret Deployed Pipelines Use…', undefined]);
    const deleted = await runCommand<boolean>('pachyderm.deleteSecret', secretRow());
    done();
    assert.equal(deleted, false);
    assert.deepEqual(
      prompts.map((p) => [p.kind, p.text]),
      [
        ['showWarningMessage', `Deployed pipelines use secret "${SECRET}". Delete it from namespace "default"?`],
        ['showInputBox', `Type the secret's name, ${SECRET}, to delete it`],
      ],
    );
    assert.deepEqual(await cluster.listSecrets().then((n) => n.includes(SECRET)), true);
  });
});
