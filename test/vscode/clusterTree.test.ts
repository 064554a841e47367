/**
 * The Secrets tree, status bar and target commands in a real VS Code against the local cluster: rows for the
 * seeded secrets, live updates from the watch, the Pachyderm-only filter, error states with recovery, and
 * switching namespace and context.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PachydermExtensionExports } from '../../client/src/extension';
import type { TreeRow } from '../../client/src/cluster/treeModel';
import {
  activateExtension,
  answerPrompts,
  cluster,
  openFixture,
  restoreSettings,
  runCommand,
  setSetting,
  testEnv,
  waitFor,
  waitForDiagnostics,
  waitForEvent,
} from './harness';

suite('cluster: Secrets tree', () => {
  let area: PachydermExtensionExports['cluster'];
  const roots = () => area.tree.getChildren() as TreeRow[];
  const secretNames = () =>
    roots()
      .filter((r) => r.kind === 'secret')
      .map((r) => r.label);
  const clearUserTarget = async () => {
    const config = vscode.workspace.getConfiguration('pachyderm');
    await config.update('context', undefined, vscode.ConfigurationTarget.Global);
    await config.update('namespace', undefined, vscode.ConfigurationTarget.Global);
  };

  suiteSetup(async () => {
    area = (await activateExtension<PachydermExtensionExports>()).cluster;
    await waitFor(() => area.catalog.snapshot().state.kind === 'ready', { what: 'the catalog to be ready' });
  });

  teardown(async () => {
    await restoreSettings();
    await cluster.heal();
    await clearUserTarget();
    if (area.catalog.snapshot().namespace !== 'default' || area.catalog.snapshot().state.kind !== 'ready') {
      await runCommand('pachyderm.refreshSecrets');
    }
    await waitFor(
      () => area.catalog.snapshot().state.kind === 'ready' && area.catalog.snapshot().namespace === 'default',
      { what: 'the default target again' },
    );
  });

  test('the root row shows context and namespace, then the seeded secrets sorted, with marks for Pachyderm-managed ones', async () => {
    const rows = roots();
    assert.equal(rows[0].label, 'local');
    assert.equal(rows[0].description, 'namespace default');
    const names = secretNames();
    assert.deepEqual(names, [...names].sort());
    for (const n of ['postgres', 'registry-pull', 's3-credentials', 'warehouse-db'])
      assert.ok(names.includes(n), `${n} missing from ${names}`);
    const s3 = rows.find((r) => r.label === 's3-credentials')!;
    assert.equal(s3.contextValue, 'pachyderm.secret.managed');
    assert.match(s3.description!, /^Opaque · .* ago · ◆ pachyderm/);
    assert.equal(rows.find((r) => r.label === 'registry-pull')!.icon, 'package');
    const item = area.tree.getTreeItem(s3);
    assert.equal(item.id, 'secret/default/s3-credentials');
    assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    const keys = area.tree.getChildren(s3) as TreeRow[];
    assert.deepEqual(
      keys.map((k) => [k.label, k.description]),
      [
        ['access-key', '18 bytes · text'],
        ['secret-key', '24 bytes · text'],
      ],
    );
    assert.match(area.status.current.text, /\d+ secrets/);
  });

  test('a secret created in the cluster appears in the tree from the watch, and disappears when deleted', async () => {
    const changed = new Promise<void>((resolve) => {
      const sub = area.tree.onDidChangeTreeData(() => {
        sub.dispose();
        resolve();
      });
    });
    await cluster.createSecret({ name: 'tree-live', stringData: { token: 'x' } });
    await changed;
    await waitFor(() => secretNames().includes('tree-live'), { what: 'tree-live in the tree' });
    const before = roots().find((r) => r.label === 'postgres');
    await cluster.deleteSecret('tree-live');
    await waitFor(() => !secretNames().includes('tree-live'), { what: 'tree-live gone' });
    assert.strictEqual(
      roots().find((r) => r.label === 'postgres'),
      before,
      'unchanged rows keep their identity (no flicker)',
    );
  });

  test('every catalog change reaches the language server: creating a missing secret clears its diagnostic', async () => {
    const doc = (await openFixture('specs/broken.pipeline.json')).document;
    const missing = (ds: readonly vscode.Diagnostic[]) =>
      ds.some((d) => d.code === 'PS002' && d.message.includes('missing-api-token'));
    await waitForDiagnostics(doc.uri, missing);
    await cluster.createSecret({ name: 'missing-api-token', stringData: { token: 't' } });
    try {
      await waitForDiagnostics(doc.uri, (ds) => !missing(ds));
    } finally {
      await cluster.deleteSecret('missing-api-token');
    }
    await waitForDiagnostics(doc.uri, missing);
  });

  test('the title-bar filter shows only Pachyderm-managed secrets, and Show All brings the rest back', async () => {
    await runCommand('pachyderm.showPachydermSecretsOnly');
    const managed = secretNames();
    assert.ok(managed.includes('s3-credentials') && managed.includes('warehouse-db'));
    assert.ok(!managed.includes('postgres') && !managed.includes('registry-pull'));
    await runCommand('pachyderm.showAllSecrets');
    assert.ok(secretNames().includes('postgres'));
  });

  test('with the filter on, labelling a secret as Pachyderm-managed brings it into the list', async () => {
    const flip = (labels?: Record<string, string>) =>
      cluster.admin('POST', '/__local/secrets', {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'flip', namespace: 'default', labels },
        data: { k: 'dg==' },
      });
    await flip();
    await waitFor(() => secretNames().includes('flip'), { what: 'flip shown unfiltered' });
    await runCommand('pachyderm.showPachydermSecretsOnly');
    try {
      assert.ok(!secretNames().includes('flip'));
      // The view must be told to redraw the list, not only the row (which it does not show).
      const listRedrawn = waitForEvent(area.tree.onDidChangeTreeData, (e) => e === undefined, {
        what: 'a redraw of the whole list',
      });
      await flip({ suite: 'pachyderm', 'secret-source': 'pachyderm-user' });
      await listRedrawn;
      assert.ok(secretNames().includes('flip'));
    } finally {
      await runCommand('pachyderm.showAllSecrets');
      await cluster.deleteSecret('flip');
    }
  });

  test('a 403 shows which permission is missing, and Retry recovers once it is granted', async () => {
    await cluster.admin('POST', '/__local/faults', { fail: { status: 403, count: 'all', verb: 'list' } });
    await runCommand('pachyderm.refreshSecrets');
    await waitFor(() => roots().some((r) => r.label === 'Not allowed to read secrets (403)'), {
      what: 'the forbidden row',
    });
    const row = roots().find((r) => r.label === 'Not allowed to read secrets (403)')!;
    assert.match(row.description!, /"list".*"secrets".*"default"/);
    assert.equal(roots().find((r) => r.label === 'Retry')!.command?.command, 'pachyderm.refreshSecrets');
    assert.match(area.status.current.tooltip, /Checks that need the cluster are off/);
    await cluster.heal();
    await runCommand('pachyderm.refreshSecrets');
    await waitFor(() => secretNames().includes('postgres'), { what: 'secrets after the 403 ends' });
  });

  test('a cluster that goes down shows "unreachable" and the tree recovers by itself when it is back', async () => {
    await cluster.admin('POST', '/__local/down');
    try {
      await waitFor(() => roots().some((r) => r.label === 'Cluster unreachable'), { what: 'the unreachable row' });
      assert.match(area.status.current.text, /unreachable/);
    } finally {
      await cluster.admin('POST', '/__local/up');
    }
    await waitFor(() => secretNames().includes('postgres'), {
      what: 'secrets after the cluster is back',
      timeoutMs: 45_000,
    });
  });

  test('pachyderm.requestTimeoutSeconds bounds every call: a slow cluster shows the timeout state', async () => {
    await setSetting('pachyderm.requestTimeoutSeconds', 0.5);
    await cluster.admin('POST', '/__local/faults', { delayMs: 3000 });
    await runCommand('pachyderm.refreshSecrets');
    await waitFor(() => roots().some((r) => r.label === 'Cluster did not answer in time'), { what: 'the timeout row' });
    assert.match(roots().find((r) => r.label === 'Cluster did not answer in time')!.description!, /within 0\.5 s/);
  });

  test('with no kubeconfig the tree is empty so the welcome view explains what to set', async () => {
    await setSetting('pachyderm.kubeconfig', path.join(os.tmpdir(), 'no-such-kubeconfig'));
    await waitFor(() => area.catalog.snapshot().state.kind === 'error', { what: 'the no-kubeconfig state' });
    const state = area.catalog.snapshot().state;
    assert.equal(state.kind === 'error' && state.problem, 'no-kubeconfig');
    assert.deepEqual(roots(), []);
    assert.match(area.status.current.tooltip, /No kubeconfig found/);
  });

  test('editing the kubeconfig file (kubectl config use-context) moves the tree to the new context', async () => {
    const copy = path.join(os.tmpdir(), `pachyderm-kubeconfig-${process.pid}`);
    fs.writeFileSync(copy, fs.readFileSync(testEnv().kubeconfig, 'utf8'));
    try {
      await setSetting('pachyderm.kubeconfig', copy);
      await waitFor(
        () => area.kubeconfigWatcher.files.includes(copy) && area.catalog.snapshot().state.kind === 'ready',
        { what: 'the copy in use' },
      );
      fs.writeFileSync(
        copy,
        fs.readFileSync(copy, 'utf8').replace(/^current-context: .*$/m, 'current-context: local-forbidden'),
      );
      await waitFor(
        () =>
          roots()[0].label === 'local-forbidden' &&
          roots().some((r) => r.label === 'Not allowed to read secrets (403)'),
        {
          what: 'the forbidden context from the edited kubeconfig',
        },
      );
    } finally {
      await restoreSettings();
      fs.rmSync(copy, { force: true });
    }
  });

  test("Switch Namespace lists the namespaces and shows the chosen one's secrets", async () => {
    const prompts = answerPrompts(['team-b']);
    await runCommand('pachyderm.switchNamespace');
    prompts.done();
    await waitFor(() => area.catalog.snapshot().namespace === 'team-b' && secretNames().includes('team-b-token'), {
      what: 'team-b secrets',
    });
    assert.equal(roots()[0].description, 'namespace team-b');
  });

  test('Switch Context to a context without access shows the forbidden state', async () => {
    const prompts = answerPrompts(['local-forbidden']);
    await runCommand('pachyderm.switchContext');
    prompts.done();
    // Every context of the kubeconfig is offered (the local cluster may add more than these two).
    for (const c of ['local', 'local-forbidden'])
      assert.ok((prompts.prompts[0].items as string[]).includes(c), `context ${c} offered`);
    await waitFor(() => roots().some((r) => r.label === 'Not allowed to read secrets (403)'), {
      what: 'the forbidden row',
    });
    assert.equal(roots()[0].label, 'local-forbidden');
  });
});
