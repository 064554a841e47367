/**
 * Following vscode-kubernetes-tools in a real VS Code: the run installs a stand-in with its extension id and API
 * shape (test/vscode/fixtures/kubernetes-tools). With no kubeconfig or context of ours, the catalog reads the
 * kubeconfig that extension reports and switches when it says the context or the path changed; with ours set,
 * ours wins.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PachydermExtensionExports } from '../../client/src/extension';
import { activateExtension, setSetting, testEnv, waitFor } from './harness';

interface StandIn {
  test: { setKubeconfigPath(hostPath: string): void; setContext(context: string | null): void };
}

suite('following vscode-kubernetes-tools', () => {
  let area: PachydermExtensionExports['cluster'];
  let standIn: StandIn;
  let dir: string;

  /** A copy of the run's kubeconfig whose current context is `context`. */
  function kubeconfigWith(context: string): string {
    const text = fs.readFileSync(testEnv().kubeconfig, 'utf8').replace(/^current-context:.*$/m, '');
    const file = path.join(dir, `${context}.kubeconfig`);
    fs.writeFileSync(file, `${text}\ncurrent-context: ${context}\n`, { mode: 0o600 });
    return file;
  }

  const waitForTarget = (context: string, state: string) =>
    waitFor(() => area.catalog.target().context === context && area.catalog.snapshot().state.kind === state, {
      what:
        `context ${context} in state ${state} (now ${area.catalog.target().context}, ` +
        `${area.catalog.snapshot().state.kind})`,
    });

  suiteSetup(async () => {
    area = (await activateExtension<PachydermExtensionExports>()).cluster;
    const ext = vscode.extensions.getExtension<StandIn>('ms-kubernetes-tools.vscode-kubernetes-tools');
    assert.ok(ext, 'the stand-in for vscode-kubernetes-tools is installed for the run');
    standIn = await ext.activate();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pachyderm-k8s-tools-'));
  });

  suiteTeardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("with no kubeconfig or context of ours: that extension's kubeconfig, then its context and path changes", async () => {
    standIn.test.setKubeconfigPath(kubeconfigWith('local-cert'));
    await setSetting('pachyderm.kubeconfig', undefined);
    await waitForTarget('local-cert', 'ready');

    standIn.test.setContext('local-forbidden');
    await waitForTarget('local-forbidden', 'error');

    // Another file: its own current context applies, not the one said for the old file.
    standIn.test.setKubeconfigPath(kubeconfigWith('local'));
    await waitForTarget('local', 'ready');
  });

  test('a kubeconfig or context of ours wins over that extension', async () => {
    standIn.test.setKubeconfigPath(kubeconfigWith('local-forbidden'));
    await setSetting('pachyderm.kubeconfig', undefined);
    await waitForTarget('local-forbidden', 'error');
    await setSetting('pachyderm.context', 'local-cert');
    // Not following any more: neither its path nor a context it announces.
    standIn.test.setContext('local-forbidden');
    await setSetting('pachyderm.kubeconfig', testEnv().kubeconfig);
    await waitForTarget('local-cert', 'ready');
  });
});
