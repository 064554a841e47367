/**
 * The commands that need a parsed spec ask the language server (core/src/protocol/messages.ts): the uses it
 * finds reach Inspect and the delete confirmation, an unsaved editor's text counts, and with the server stopped
 * each command says so instead of hanging.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PachydermExtensionExports } from '../../client/src/extension';
import type { TreeRow } from '../../client/src/cluster/treeModel';
import { activateExtension, answerPrompts, cluster, runCommand, waitFor, writeFixture } from './harness';

suite('secret uses and edits through the language server', () => {
  let area: PachydermExtensionExports['cluster'];
  const secretRow = (name: string) =>
    (area.tree.getChildren() as TreeRow[]).find((r) => r.kind === 'secret' && r.label === name);
  const keyRow = (name: string, key: string) =>
    (area.tree.getChildren(secretRow(name)) as TreeRow[]).find((r) => r.key === key)!;
  const openDocText = (uri: vscode.Uri) =>
    waitFor(() => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.getText(), {
      what: 'the inspect document',
    });

  suiteSetup(async () => {
    area = (await activateExtension<PachydermExtensionExports>()).cluster;
    await waitFor(() => area.catalog.snapshot().state.kind === 'ready' && secretRow('s3-credentials'), {
      what: 'the seeded secrets in the tree',
    });
  });

  teardown(async () => {
    if (vscode.window.activeTextEditor?.document.isDirty)
      await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the delete confirmation names the workspace pipelines that use the secret', async () => {
    await cluster.createSecret({ name: 'del-used', stringData: { k: 'v' } });
    await writeFixture(
      'specs/uses-del.pipeline.yaml',
      'pipeline:\n  name: uses-del\ntransform:\n  image: x:1\n  secrets:\n    - name: del-used\n      mount_path: /s\n',
    );
    const win = vscode.window as unknown as { showWarningMessage: (...a: unknown[]) => Thenable<unknown> };
    const original = win.showWarningMessage;
    const shown: { message: unknown; detail?: string }[] = [];
    win.showWarningMessage = async (message: unknown, options?: unknown) => {
      shown.push({ message, detail: (options as { detail?: string } | undefined)?.detail });
      return undefined;
    };
    try {
      await waitFor(() => secretRow('del-used'), { what: 'del-used in the tree' });
      assert.equal(await runCommand('pachyderm.deleteSecret', secretRow('del-used')), false);
    } finally {
      win.showWarningMessage = original;
      await cluster.deleteSecret('del-used');
    }
    assert.equal(shown.length, 1);
    assert.match(shown[0].detail ?? '', /Used by 1 pipeline\(s\) in this workspace: uses-del\.$/);
  });

  test('Inspect lists a use that exists only in an unsaved editor', async () => {
    const editor = await writeFixture(
      'specs/unsaved-use.pipeline.yaml',
      'pipeline:\n  name: unsaved-use\ntransform:\n  image: x:1\n',
    );
    await editor.edit((b) => b.insert(new vscode.Position(4, 0), '  image_pull_secrets: [registry-pull]\n'));
    assert.ok(editor.document.isDirty);
    const uri = await runCommand<vscode.Uri>('pachyderm.inspectSecret', 'registry-pull');
    const text = await openDocText(uri);
    assert.match(text, /unsaved-use +specs\/unsaved-use\.pipeline\.yaml:5 +transform\.imagePullSecrets\[0\]/);
  });

  test('with the language server stopped, the commands that need it say so and do not hang', async () => {
    const client = area.host.client;
    await client.stop();
    try {
      await writeFixture(
        'specs/insert-stopped.pipeline.json',
        '{"pipeline": {"name": "s"}, "transform": {"image": "x:1"}}\n',
      );
      const prompts = answerPrompts(['Environment variable', 'PGUSER']);
      assert.equal(await runCommand('pachyderm.showPipelinesUsingSecret', 'warehouse-db'), undefined);
      const uri = await runCommand<vscode.Uri>('pachyderm.inspectSecret', 'warehouse-db');
      const inspected = await openDocText(uri);
      await vscode.window.showTextDocument(
        vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'specs/insert-stopped.pipeline.json'),
      );
      assert.equal(await runCommand('pachyderm.insertSecretReference', keyRow('warehouse-db', 'PGUSER')), false);
      prompts.done();

      const errors = prompts.prompts.filter((p) => p.kind === 'showErrorMessage').map((p) => p.text);
      assert.deepEqual(errors, [
        'Pachyderm: could not search the workspace for pipelines using secret "warehouse-db": the Pachyderm language ' +
          'server is not running (see the "Pachyderm" output).',
        'Insert Secret Reference: the Pachyderm language server is not running (see the "Pachyderm" output)',
      ]);
      assert.match(
        inspected,
        /Pipelines in this workspace that use it \(0\):\n {2}\(not searched: the Pachyderm language server is not running/,
      );
    } finally {
      await client.start();
    }
    // Back to normal once it runs again (no spec uses the chart's own secret).
    const uses = await runCommand<{ pipeline: string }[]>('pachyderm.showPipelinesUsingSecret', 'pachyderm-auth');
    assert.deepEqual(uses, []);
  });
});
