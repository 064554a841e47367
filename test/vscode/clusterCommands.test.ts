/**
 * The cluster area's secret commands in a real VS Code against the local cluster: Inspect, Reveal/Copy Value,
 * Copy Name, Show Pipelines Using Secret, Delete (both confirmations), Create Secret from File, Insert Secret
 * Reference.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PachydermExtensionExports } from '../../client/src/extension';
import type { TreeRow } from '../../client/src/cluster/treeModel';
import { activateExtension, answerPrompts, cluster, fixtureUri, runCommand, waitFor, writeFixture } from './harness';

const ACCESS_KEY = Buffer.from('Zml4dHVyZS1hY2Nlc3Mta2V5', 'base64').toString();

suite('cluster: secret commands', () => {
  let area: PachydermExtensionExports['cluster'];
  const secretRow = (name: string) =>
    (area.tree.getChildren() as TreeRow[]).find((r) => r.kind === 'secret' && r.label === name);
  const keyRow = (name: string, key: string) =>
    (area.tree.getChildren(secretRow(name)) as TreeRow[]).find((r) => r.key === key)!;
  const inCatalog = (name: string) => area.catalog.snapshot().secrets.some((s) => s.name === name);

  suiteSetup(async () => {
    area = (await activateExtension<PachydermExtensionExports>()).cluster;
    await waitFor(() => area.catalog.snapshot().state.kind === 'ready' && secretRow('s3-credentials'), {
      what: 'the seeded secrets in the tree',
    });
  });

  teardown(async () => {
    await cluster.heal();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Inspect Secret opens a read-only document like pachctl inspect, with values masked and no value in its URI', async () => {
    const uri = await runCommand<vscode.Uri>('pachyderm.inspectSecret', secretRow('s3-credentials'));
    assert.equal(uri.scheme, 'pachyderm-secret');
    assert.ok(!uri.toString().includes(ACCESS_KEY));
    const doc = await waitFor(() => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()), {
      what: 'the inspect document',
    });
    const text = doc.getText();
    assert.match(text.split('\n')[0], /^NAME +TYPE +CREATED$/);
    assert.match(text.split('\n')[1], /^s3-credentials +Opaque +.* ago$/);
    assert.match(text, /access-key +18 bytes +text +••••••••/);
    assert.match(text, /broken +specs\/broken\.pipeline\.json:\d+ +transform\.secrets\[1\]/);
    assert.ok(!text.includes(ACCESS_KEY));
  });

  test('an open Inspect document follows its secret when the cluster changes it', async () => {
    await cluster.createSecret({ name: 'inspect-live', stringData: { one: '1' } });
    await waitFor(() => inCatalog('inspect-live'), { what: 'inspect-live in the catalog' });
    const uri = await runCommand<vscode.Uri>('pachyderm.inspectSecret', 'inspect-live');
    const doc = await waitFor(() => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()), {
      what: 'the inspect document',
    });
    assert.match(doc.getText(), /Keys \(1\)/);
    await cluster.deleteSecret('inspect-live');
    await cluster.createSecret({ name: 'inspect-live', stringData: { one: '1', two: '22' } });
    await waitFor(() => /Keys \(2\)/.test(doc.getText()), { what: 'the document to show the new key' });
    await cluster.deleteSecret('inspect-live');
    await waitFor(() => /is not in the catalog/.test(doc.getText()), {
      what: 'the document to say the secret is gone',
    });
  });

  test('Reveal Value shows the value only in a modal dialog, and Copy Value puts it on the clipboard', async () => {
    const win = vscode.window as unknown as { showInformationMessage: (...a: unknown[]) => Thenable<unknown> };
    const original = win.showInformationMessage;
    const shown: { message: unknown; options: unknown }[] = [];
    win.showInformationMessage = async (message: unknown, options: unknown) => {
      shown.push({ message, options });
      return undefined;
    };
    try {
      await runCommand('pachyderm.revealSecretValue', keyRow('s3-credentials', 'access-key'));
    } finally {
      win.showInformationMessage = original;
    }
    assert.deepEqual(shown, [{ message: 's3-credentials → access-key', options: { modal: true, detail: ACCESS_KEY } }]);
    await vscode.env.clipboard.writeText('');
    await runCommand('pachyderm.copySecretValue', keyRow('s3-credentials', 'access-key'));
    assert.equal(await vscode.env.clipboard.readText(), ACCESS_KEY);
  });

  test('Copy Value from the palette asks for the secret and the key', async () => {
    const prompts = answerPrompts(['warehouse-db', 'PGUSER']);
    await runCommand('pachyderm.copySecretValue');
    prompts.done();
    assert.equal(await vscode.env.clipboard.readText(), 'etl');
  });

  test('Copy Secret Name copies the name', async () => {
    await runCommand('pachyderm.copySecretName', secretRow('registry-pull'));
    assert.equal(await vscode.env.clipboard.readText(), 'registry-pull');
  });

  test('Show Pipelines Using Secret lists the workspace specs that use it and opens the chosen one', async () => {
    await writeFixture(
      'specs/uses-warehouse.pipeline.yaml',
      'pipeline:\n  name: load\ntransform:\n  image: etl:1\n  secrets:\n    - name: warehouse-db\n      env_var: ' +
        'PGPASSWORD\n      key: PGPASSWORD\n',
    );
    const prompts = answerPrompts([(_p, items) => items.find((i) => (i as { label: string }).label === 'load')]);
    const uses = await runCommand<{ pipeline: string; file: string; line: number }[]>(
      'pachyderm.showPipelinesUsingSecret',
      secretRow('warehouse-db'),
    );
    prompts.done();
    assert.ok(prompts.prompts[0].items.includes('load'));
    assert.deepEqual(
      uses.filter((u) => u.pipeline === 'load').map((u) => [u.file, u.line]),
      [['specs/uses-warehouse.pipeline.yaml', 6]],
    );
    // Sorted by file, then position, so the list reads like the workspace.
    assert.deepEqual(
      uses.map((u) => u.file),
      [...uses.map((u) => u.file)].sort(),
    );
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.path.endsWith('uses-warehouse.pipeline.yaml'), {
      what: 'the spec to open',
    });
    assert.equal(vscode.window.activeTextEditor!.selection.start.line, 5);
  });

  test('Delete Secret asks a modal confirmation for a Pachyderm-managed secret, and a stronger one for others', async () => {
    await cluster.createSecret({
      name: 'del-managed',
      stringData: { k: 'v' },
      labels: { suite: 'pachyderm', 'secret-source': 'pachyderm-user' },
    });
    await cluster.createSecret({ name: 'del-other', stringData: { k: 'v' } });
    await waitFor(() => secretRow('del-managed') && secretRow('del-other'), { what: 'both secrets in the tree' });

    const cancel = answerPrompts([undefined]);
    assert.equal(await runCommand('pachyderm.deleteSecret', secretRow('del-other')), false);
    cancel.done();
    assert.match(cancel.prompts[0].text, /"del-other" is not a Pachyderm-managed secret/);
    assert.ok(inCatalog('del-other'));

    const other = answerPrompts(['Delete Anyway']);
    assert.equal(await runCommand('pachyderm.deleteSecret', secretRow('del-other')), true);
    other.done();
    const managed = answerPrompts(['Delete']);
    assert.equal(await runCommand('pachyderm.deleteSecret', secretRow('del-managed')), true);
    managed.done();
    assert.match(managed.prompts[0].text, /^Delete secret "del-managed" from namespace "default"\?$/);
    await waitFor(() => !inCatalog('del-other') && !inCatalog('del-managed'), { what: 'both secrets gone' });
  });

  test("Create Secret from File creates with pachctl's labels, offers to replace, and refuses a foreign suite label", async () => {
    const file = 'secrets/api-token.json';
    await writeFixture(
      file,
      JSON.stringify(
        {
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name: 'api-token' },
          type: 'Opaque',
          stringData: { token: 'abc' },
        },
        null,
        2,
      ),
    );
    const created = await runCommand<{ kind: string }>('pachyderm.createSecretFromFile', fixtureUri(file));
    assert.deepEqual(created, { kind: 'created', name: 'api-token' });
    await waitFor(() => area.catalog.get('api-token')?.labels['secret-source'] === 'pachyderm-user', {
      what: 'api-token with pachctl labels',
    });

    const replace = answerPrompts(['Replace']);
    const replaced = await runCommand<{ kind: string }>('pachyderm.createSecretFromFile', fixtureUri(file));
    replace.done();
    assert.deepEqual(replaced, { kind: 'replaced', name: 'api-token' });
    assert.match(replace.prompts[0].text, /"api-token" already exists/);

    await writeFixture(
      'secrets/bad-suite.json',
      JSON.stringify({ kind: 'Secret', metadata: { name: 'bad', labels: { suite: 'other' } }, stringData: { a: 'b' } }),
    );
    const errors = answerPrompts([]);
    // From the active editor this time (writeFixture opened it).
    const refused = await runCommand<{ kind: string; message: string }>('pachyderm.createSecretFromFile');
    errors.done();
    assert.deepEqual(refused, { kind: 'refused', message: 'invalid suite label set on secret: suite=other' });
    assert.ok(
      errors.prompts.some(
        (p) => p.kind === 'showErrorMessage' && p.text.includes('invalid suite label set on secret: suite=other'),
      ),
    );
    await cluster.deleteSecret('api-token');
  });

  test('Insert Secret Reference adds an env var entry to the active spec in its spelling', async () => {
    const editor = await writeFixture(
      'specs/insert.pipeline.json',
      '{\n  "pipeline": {"name": "ins"},\n  "transform": {\n    "image": "x:1",\n    "err_cmd": ["true"]\n  }\n}\n',
    );
    const prompts = answerPrompts(['Environment variable', 'DB_PASSWORD']);
    assert.equal(await runCommand('pachyderm.insertSecretReference', keyRow('warehouse-db', 'PGPASSWORD')), true);
    prompts.done();
    const spec = JSON.parse(editor.document.getText());
    assert.deepEqual(spec.transform.secrets, [{ name: 'warehouse-db', key: 'PGPASSWORD', env_var: 'DB_PASSWORD' }]);
  });
});
