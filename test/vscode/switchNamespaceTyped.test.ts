/**
 * Switch Namespace for a user who may not list namespaces (a namespaced Role, as on many shared clusters): the
 * command cannot offer a list, so it asks for the name in an input box that checks it is a DNS-1123 label, and the
 * tree moves to the namespace typed.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PachydermExtensionExports } from '../../client/src/extension';
import type { TreeRow } from '../../client/src/cluster/treeModel';
import { withTokenUser } from '../../tools/local-cluster/kubeconfig';
import {
  activateExtension,
  answerPrompts,
  cluster,
  restoreSettings,
  runCommand,
  setSetting,
  testEnv,
  waitFor,
} from './harness';

suite('cluster: Switch Namespace without the right to list namespaces', () => {
  let area: PachydermExtensionExports['cluster'];
  const roots = () => area.tree.getChildren() as TreeRow[];
  const secretNames = () =>
    roots()
      .filter((r) => r.kind === 'secret')
      .map((r) => r.label);
  const kubeconfig = path.join(os.tmpdir(), `pachyderm-team-b-reader-${process.pid}`);

  suiteSetup(async () => {
    area = (await activateExtension<PachydermExtensionExports>()).cluster;
    await waitFor(() => area.catalog.snapshot().state.kind === 'ready', { what: 'the catalog to be ready' });
    // Reads secrets in team-b only; listing namespaces is forbidden, as with a RoleBinding in one namespace.
    const user = (await cluster.admin('PUT', '/__local/users', {
      name: 'team-b-reader',
      rules: [{ verbs: ['get', 'list', 'watch'], resources: ['secrets'], namespaces: ['team-b'] }],
    })) as { name: string; token: string };
    fs.writeFileSync(kubeconfig, withTokenUser(fs.readFileSync(testEnv().kubeconfig, 'utf8'), user));
  });

  suiteTeardown(() => fs.rmSync(kubeconfig, { force: true }));

  teardown(async () => {
    await restoreSettings();
    await vscode.workspace
      .getConfiguration('pachyderm')
      .update('namespace', undefined, vscode.ConfigurationTarget.Global);
    await waitFor(
      () =>
        area.catalog.snapshot().state.kind === 'ready' &&
        area.catalog.snapshot().context === 'local' &&
        area.catalog.snapshot().namespace === 'default',
      {
        what: 'the default target again',
      },
    );
  });

  test('it asks for the namespace in a validated input box and the tree shows the namespace typed', async () => {
    await setSetting('pachyderm.kubeconfig', kubeconfig);
    await waitFor(
      () =>
        roots()[0]?.label === 'local-team-b-reader' &&
        roots().some((r) => r.label === 'Not allowed to read secrets (403)'),
      {
        what: 'the team-b reader forbidden in its default namespace',
      },
    );

    const prompts = answerPrompts(['team-b']);
    const win = vscode.window as unknown as {
      showInputBox: (o?: vscode.InputBoxOptions) => Thenable<string | undefined>;
    };
    const scripted = win.showInputBox;
    let asked: vscode.InputBoxOptions | undefined;
    win.showInputBox = (o) => {
      asked = o;
      return scripted(o);
    };
    try {
      await runCommand('pachyderm.switchNamespace');
    } finally {
      prompts.done();
    }

    // No list to pick from: straight to the input box, holding the current namespace.
    assert.deepEqual(
      prompts.prompts.map((p) => p.kind),
      ['showInputBox'],
    );
    assert.match(prompts.prompts[0].text, /Namespace where pachd runs/);
    assert.equal(asked?.value, 'default');
    const check = async (v: string) => {
      const problem = await asked!.validateInput!(v);
      return typeof problem === 'string' ? problem : problem?.message;
    };
    assert.equal(
      await check('Team_B'),
      '"Team_B" is not a namespace name: a DNS-1123 label has only lower-case letters, digits and "-", and starts ' +
        'and ends with a letter or digit.',
    );
    assert.match((await check('x'.repeat(64)))!, /at most 63 characters .*this one has 64/);
    assert.match((await check(''))!, /Type the namespace/);
    assert.equal(await check('team-b'), undefined);

    await waitFor(
      () => area.catalog.snapshot().namespace === 'team-b' && area.catalog.snapshot().state.kind === 'ready',
      { what: 'the catalog of team-b' },
    );
    await waitFor(() => secretNames().includes('team-b-token'), { what: 'team-b secrets in the tree' });
    assert.equal(roots()[0].label, 'local-team-b-reader');
    assert.equal(roots()[0].description, 'namespace team-b');
    assert.ok(!roots().some((r) => r.kind === 'state'), 'no forbidden row once the namespace is one the user may read');
    // Written where it takes effect: the user settings, since the workspace sets no namespace.
    const written = vscode.workspace.getConfiguration('pachyderm').inspect<string>('namespace');
    assert.equal(written?.globalValue, 'team-b');
    assert.equal(written?.workspaceValue, undefined);
  });
});
