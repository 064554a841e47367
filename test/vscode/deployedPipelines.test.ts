/**
 * Deployed pipelines in a real VS Code against the local cluster: a worker RC deployed as pachd does shows under
 * the secret it uses; removing the key with kubectl makes its pod fail (the local cluster's kubelet), and the tree
 * and its filter show the failure, as do the hover and Problems (PS060) of a workspace spec of that pipeline;
 * restoring the key clears them, and a language server restarted meanwhile is told again by the client. Delete
 * Secret asks for the typed name.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PachydermExtensionExports } from '../../client/src/extension';
import type { TreeRow } from '../../client/src/cluster/treeModel';
import {
  activateExtension,
  answerPrompts,
  cluster,
  languageServerPids,
  runCommand,
  testEnv,
  waitFor,
  waitForDiagnostics,
} from './harness';

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
/** The workspace's spec of the deployed pipeline: same project and name. */
const SPEC_TEXT = [
  'pipeline: {name: faces, project: {name: vision}}',
  'transform:',
  '  image: python:3.12',
  '  secrets:',
  `  - {name: ${SECRET}, key: password, env_var: DB_PASS}`,
  '',
].join('\n');
const PS060 =
  'Deployed pipeline vision/faces v3 fails: CreateContainerConfigError, key "password" not found in secret ' +
  `"${SECRET}"`;

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

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

  test('a workspace spec of the deployed pipeline shows the failure in hover and as PS060, and back', async () => {
    const file = path.join(testEnv().workspace, 'specs', 'deployed-faces.pipeline.yaml');
    fs.writeFileSync(file, SPEC_TEXT);
    const uri = vscode.Uri.file(file);
    await vscode.window.showTextDocument(uri);
    const atName = new vscode.Position(4, 12);
    await waitFor(async () => /Deployed pipeline `vision\/faces v3` uses it/.test(await hoverText(uri, atName)), {
      what: 'hover to name the deployed pipeline',
    });
    const ps060 = (ds: readonly vscode.Diagnostic[]) => ds.filter((d) => d.code === 'PS060');
    assert.deepEqual(ps060(vscode.languages.getDiagnostics(uri)), []);

    kubectl('patch', 'secret', SECRET, '--type=merge', '-p', '{"data":{"password":null}}');
    const [failing] = ps060(await waitForDiagnostics(uri, (ds) => ps060(ds).length > 0));
    assert.deepEqual(
      [failing.message, failing.severity, failing.range.start.line, failing.range.start.character],
      [PS060, vscode.DiagnosticSeverity.Error, 4, 11],
    );
    assert.equal(deployedRow()?.description, 'env DB_PASS from password · failing: CreateContainerConfigError');
    const hover = await hoverText(uri, atName);
    assert.match(hover, /Deployed pipeline `vision\/faces v3` uses it: env DB_PASS from password\./);
    assert.match(hover, /Its workers fail because of it: CreateContainerConfigError, key `password` not found in/);

    // A server that crashed gets the deployed pipelines again from the client at once (catalogReplay.ts): nothing
    // changes in the cluster meanwhile, so only the replay can tell it.
    const [pid] = languageServerPids();
    process.kill(pid, 'SIGKILL');
    await waitFor(() => languageServerPids().some((p) => p !== pid), { what: 'the language server to restart' });
    await waitFor(async () => /Its workers fail because of it/.test(await hoverText(uri, atName)), {
      what: 'the restarted server to know the failure',
    });
    await waitForDiagnostics(uri, (ds) => ps060(ds).some((d) => d.message === PS060));

    const restore = Buffer.from(CANARY).toString('base64');
    kubectl('patch', 'secret', SECRET, '--type=merge', '-p', JSON.stringify({ data: { password: restore } }));
    await waitForDiagnostics(uri, (ds) => ps060(ds).length === 0);
    await waitFor(() => deployedRow()?.description?.endsWith('· running'), { what: 'the tree row to run again' });
    const after = await hoverText(uri, atName);
    assert.match(after, /Deployed pipeline `vision\/faces v3` uses it/);
    assert.doesNotMatch(after, /fail/);
    for (const text of [hover, after, failing.message]) assert.ok(!text.includes(CANARY));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    fs.rmSync(file, { force: true });
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

  test('Remove Key says a pipeline mounting the whole secret starts without the key', async () => {
    const crops = {
      spec: {
        pipeline: { name: 'crops', project: { name: 'vision' } },
        transform: { image: 'python:3.12', secrets: [{ name: SECRET, mount_path: '/secrets/db' }] },
      },
      version: 1,
      platformSecrets: false,
    };
    await cluster.admin('POST', '/__local/pipelines', { namespace: 'default', pipelines: [crops] });
    const win = vscode.window as unknown as { showWarningMessage: (...a: unknown[]) => Thenable<unknown> };
    const original = win.showWarningMessage;
    const asked: unknown[][] = [];
    try {
      await waitFor(() => secretRow()?.description?.endsWith('· 2 deployed'), { what: 'the "2 deployed" note' });
      win.showWarningMessage = async (...a: unknown[]) => (asked.push(a), undefined);
      await runCommand('pachyderm.removeSecretKey', { name: SECRET, key: 'user' });
    } finally {
      win.showWarningMessage = original;
      await cluster.admin('DELETE', '/__local/pipelines/default/vision-crops-v1');
    }
    const detail = (asked[0] as [string, vscode.MessageOptions])[1].detail!;
    // kubelet projects the keys the secret has: without `user` the volume still mounts and the worker starts.
    assert.match(detail, /1 deployed pipeline\(s\) use key "user" but start without it: vision\/crops v1 \(mounted at/);
    assert.doesNotMatch(detail, /will fail to start/);
  });
});
