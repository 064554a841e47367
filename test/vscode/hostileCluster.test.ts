/**
 * A hostile or broken cluster in a real VS Code: answers that never end show as an "API server error" row with
 * the bound that stopped them, the tree recovers by itself once the server behaves, and a connection whose TLS
 * is not verified is marked on the target row and in the status bar (the refused skip-verify-with-CA too).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PachydermExtensionExports } from '../../client/src/extension';
import type { TreeRow } from '../../client/src/cluster/treeModel';
import { activateExtension, cluster, restoreSettings, runCommand, setSetting, testEnv, waitFor } from './harness';

suite('cluster: hostile answers and unverified TLS', () => {
  let area: PachydermExtensionExports['cluster'];
  const roots = () => area.tree.getChildren() as TreeRow[];
  const secretNames = () =>
    roots()
      .filter((r) => r.kind === 'secret')
      .map((r) => r.label);
  const serverErrorRow = () => roots().find((r) => r.label === 'API server error');

  suiteSetup(async () => {
    area = (await activateExtension<PachydermExtensionExports>()).cluster;
    await waitFor(() => area.catalog.snapshot().state.kind === 'ready', { what: 'the catalog to be ready' });
  });

  teardown(async () => {
    await restoreSettings();
    await cluster.heal();
    if (area.catalog.snapshot().state.kind !== 'ready') await runCommand('pachyderm.refreshSecrets');
    await waitFor(() => area.catalog.snapshot().state.kind === 'ready', {
      what: 'the default target again',
      timeoutMs: 45_000,
    });
  });

  test('a watch event that never ends shows the bound that stopped it, and the tree recovers by itself', async () => {
    await cluster.admin('POST', '/__local/faults', { endless: 'watch-line' });
    await cluster.admin('POST', '/__local/cut-watches');
    const row = await waitFor(serverErrorRow, { what: 'the API server error row', timeoutMs: 45_000 });
    assert.match(
      row.description!,
      /^Watching secrets in namespace "default" was stopped: the API server sent a watch event longer than 12 MiB/,
    );
    assert.match(area.status.current.text, /server-error/);
    assert.ok(roots().some((r) => r.label === 'Retry'));
    await cluster.heal();
    await waitFor(() => secretNames().includes('postgres'), {
      what: 'secrets once watch events end again',
      timeoutMs: 45_000,
    });
  });

  test('a list whose continue tokens never end stops after the page bound, and recovers once lists end', async () => {
    await cluster.admin('POST', '/__local/faults', { endless: 'continue' });
    await runCommand('pachyderm.refreshSecrets');
    const row = await waitFor(serverErrorRow, { what: 'the API server error row', timeoutMs: 45_000 });
    assert.match(row.description!, /kept sending continue tokens after 401 pages of 250/);
    await cluster.heal();
    await waitFor(() => secretNames().includes('postgres'), {
      what: 'secrets once lists end again',
      timeoutMs: 45_000,
    });
  });

  test('skip-TLS-verify is marked on the target row and the status bar; next to a CA it is refused as kubectl does', async () => {
    const kubeconfig = fs.readFileSync(testEnv().kubeconfig, 'utf8');
    const insecure = path.join(os.tmpdir(), `pachyderm-insecure-${process.pid}`);
    const both = path.join(os.tmpdir(), `pachyderm-insecure-ca-${process.pid}`);
    fs.writeFileSync(
      insecure,
      kubeconfig.replace(/^(\s+)certificate-authority-data: .*$/m, '$1insecure-skip-tls-verify: true'),
    );
    fs.writeFileSync(both, kubeconfig.replace(/^(\s+)server: /m, '$1insecure-skip-tls-verify: true\n$1server: '));
    try {
      await setSetting('pachyderm.kubeconfig', insecure);
      await waitFor(
        () => area.catalog.snapshot().insecurity === 'tls-not-verified' && secretNames().includes('postgres'),
        { what: 'the unverified target' },
      );
      const target = roots()[0];
      assert.equal(target.description, 'namespace default · ⚠ TLS not verified');
      const item = area.tree.getTreeItem(target);
      assert.equal(item.description, 'namespace default · ⚠ TLS not verified');
      assert.match(String(item.tooltip), /insecure-skip-tls-verify/);
      assert.equal((item.iconPath as vscode.ThemeIcon).id, 'unlock');
      assert.match(area.status.current.text, /^\$\(unlock\) /);

      await setSetting('pachyderm.kubeconfig', both);
      await waitFor(() => roots().some((r) => r.label === 'Cannot read secrets'), { what: 'the refused kubeconfig' });
      const refused = roots().find((r) => r.label === 'Cannot read secrets')!;
      assert.match(
        refused.description!,
        /specifying a root certificates file with the insecure flag is not allowed: cluster "local" sets both/,
      );
    } finally {
      await restoreSettings();
      fs.rmSync(insecure, { force: true });
      fs.rmSync(both, { force: true });
    }
    await waitFor(() => area.catalog.snapshot().state.kind === 'ready' && !area.catalog.snapshot().insecurity, {
      what: 'the verified target again',
    });
    assert.equal(roots()[0].description, 'namespace default');
    assert.doesNotMatch(area.status.current.text, /unlock/);
  });
});
