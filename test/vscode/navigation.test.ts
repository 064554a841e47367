/**
 * Go to Definition and Find All References on secret references in a real VS Code, against the local cluster.
 * Go to Definition opens the secret's Inspect document (on the key's row for a key) and, while the Secrets view is
 * visible, selects the secret or key in the tree, from a spec or a Helm values file; Find All References lists specs
 * and values files that were never opened.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PachydermExtensionExports } from '../../client/src/extension';
import { activateExtension, cluster, fixtureUri, waitFor, waitForLanguageServer, writeFixture } from './harness';

const SECRET = 'nav-db';
const CANARY = 'CANARY-navigation-Hq72';

const CLOSED: Record<string, string> = {
  'specs/nav-reader.pipeline.yaml':
    'pipeline:\n  name: nav-reader\ntransform:\n  image: alpine:3.19\n  secrets:\n' +
    `    - name: ${SECRET}\n      key: password\n      env_var: PW\n` +
    `    - name: ${SECRET}\n      key: user\n      env_var: U\n`,
  'specs/nav-export.json': JSON.stringify({
    pipeline: { name: 'nav-export' },
    transform: { image: 'x:1' },
    egress: { sqlDatabase: { url: 'u', fileFormat: { type: 'CSV' }, secret: { name: SECRET, key: 'password' } } },
  }),
  // The chart reads key root-token of the first name and, as the next value says, key `password` of the second.
  'specs/values-nav.yaml':
    `pachd:\n  rootTokenSecretName: ${SECRET}\nglobal:\n  postgresql:\n` +
    `    postgresqlExistingSecretName: ${SECRET}\n    postgresqlExistingSecretKey: password\n`,
};

const OPEN = JSON.stringify(
  {
    pipeline: { name: 'nav-load' },
    transform: { image: 'alpine:3.19', secrets: [{ name: SECRET, key: 'password', envVar: 'PW' }] },
  },
  null,
  2,
);

suite('navigation: Go to Definition and Find All References on secrets', () => {
  let area: PachydermExtensionExports['cluster'];
  let spec: vscode.TextEditor;

  /** A position inside the first occurrence of `needle` in the open spec. */
  const inside = (needle: string) => spec.document.positionAt(OPEN.indexOf(needle) + 2);

  async function goToDefinitionAt(position: vscode.Position, doc = spec.document): Promise<vscode.TextEditor> {
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    if (doc === spec.document) spec = editor;
    editor.selection = new vscode.Selection(position, position);
    await vscode.commands.executeCommand('editor.action.revealDefinition');
    return waitFor(
      () => {
        const e = vscode.window.activeTextEditor;
        return e?.document.uri.scheme === 'pachyderm-secret' && e.document.uri.path.endsWith(`/${SECRET}.txt`)
          ? e
          : undefined;
      },
      { what: `the Inspect document of ${SECRET} in the active editor` },
    );
  }

  suiteSetup(async () => {
    area = (await activateExtension<PachydermExtensionExports>()).cluster;
    await waitForLanguageServer();
    await cluster.createSecret({ name: SECRET, stringData: { password: CANARY, user: 'etl' } });
    // Written to disk, never opened: the server learns of them from the file watcher. (Into a folder that exists:
    // files written at once into a new folder can be missed by an inotify watcher that has not yet watched it.)
    for (const [rel, text] of Object.entries(CLOSED)) fs.writeFileSync(fixtureUri(rel).fsPath, text);
    spec = await writeFixture('specs/nav-load.pipeline.json', OPEN);
    await waitFor(() => area.catalog.get(SECRET), { what: `${SECRET} in the catalog` });
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await cluster.deleteSecret(SECRET);
    for (const rel of [...Object.keys(CLOSED), 'specs/nav-load.pipeline.json']) fs.rmSync(fixtureUri(rel).fsPath);
  });

  test('on a secret, with the Secrets view visible: its Inspect document, and the secret selected in the tree', async () => {
    await vscode.commands.executeCommand('pachyderm.secrets.focus');
    await waitFor(() => area.view.visible, { what: 'the Secrets view to be visible' });
    const inspect = await goToDefinitionAt(inside(`"${SECRET}"`));
    assert.equal(inspect.selection.active.line, 0);
    await waitFor(() => area.view.selection[0]?.id === `secret/default/${SECRET}`, {
      what: `${SECRET} selected in the tree (selected: ${area.view.selection.map((r) => r.id).join()})`,
    });
    assert.ok(!inspect.document.getText().includes(CANARY), 'the Inspect document masks values');
  });

  test("on a key: the key's row in the Inspect document, and the key selected in the tree", async () => {
    const inspect = await goToDefinitionAt(inside('"password"'));
    await waitFor(() => inspect.document.lineAt(inspect.selection.active.line).text.startsWith('  password '), {
      what: "the cursor on the key's row",
    });
    await waitFor(() => area.view.selection[0]?.id === `key/default/${SECRET}/password`, {
      what: 'the key selected in the tree',
    });
  });

  test('with the Secrets view closed: the Inspect document alone, the view stays closed', async () => {
    await vscode.commands.executeCommand('workbench.view.explorer');
    await waitFor(() => !area.view.visible, { what: 'the Secrets view to be hidden' });
    const inspect = await goToDefinitionAt(inside(`"${SECRET}"`));
    assert.match(inspect.document.getText(), /^NAME +TYPE +CREATED\nnav-db +Opaque/);
    assert.equal(area.view.visible, false);
  });

  test('Find All References lists the specs that name the secret, opened or not, and on a key only its uses', async () => {
    const where = (ls: vscode.Location[]) =>
      ls.map((l) => `${path.basename(l.uri.fsPath)}:${l.range.start.line + 1}`).sort();
    const references = (position: vscode.Position) =>
      vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', spec.document.uri, position);
    let seen: string[] = [];
    const onSecret = await waitFor(
      async () => {
        const found = await references(inside(`"${SECRET}"`));
        seen = where(found);
        return found.length === 6 ? found : undefined;
      },
      { what: 'six references of the secret, five of them in closed files' },
    ).catch((err: Error) => {
      throw new Error(`${err.message}; found: ${seen.join(', ')}`);
    });
    assert.deepEqual(where(onSecret), [
      'nav-export.json:1',
      'nav-load.pipeline.json:9',
      'nav-reader.pipeline.yaml:6',
      'nav-reader.pipeline.yaml:9',
      'values-nav.yaml:2',
      'values-nav.yaml:5',
    ]);
    const onKey = await references(inside('"password"'));
    assert.deepEqual(where(onKey), [
      'nav-export.json:1',
      'nav-load.pipeline.json:10',
      'nav-reader.pipeline.yaml:7',
      'values-nav.yaml:6',
    ]);
    const closed = vscode.workspace.textDocuments.map((d) => path.basename(d.uri.fsPath));
    assert.ok(!closed.includes('nav-reader.pipeline.yaml'), 'the closed spec was not opened to find it');
    assert.ok(!closed.includes('values-nav.yaml'), 'the closed values file was not opened to find it');
  });

  test('in a values file: a secret name goes to its Inspect document, the key value chosen to its row', async () => {
    const values = await vscode.workspace.openTextDocument(fixtureUri('specs/values-nav.yaml'));
    const text = values.getText();
    const onName = values.positionAt(text.indexOf(`Name: ${SECRET}`) + 8);
    const inspect = await goToDefinitionAt(onName, values);
    assert.equal(inspect.selection.active.line, 0);
    const onKey = values.positionAt(text.indexOf('Key: password') + 7);
    const onRow = await goToDefinitionAt(onKey, values);
    await waitFor(() => onRow.document.lineAt(onRow.selection.active.line).text.startsWith('  password '), {
      what: "the cursor on the key's row",
    });
    const found = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider',
      values.uri,
      onName,
    );
    const files = new Set(found.map((l) => path.basename(l.uri.fsPath)));
    assert.deepEqual([...files].sort(), [
      'nav-export.json',
      'nav-load.pipeline.json',
      'nav-reader.pipeline.yaml',
      'values-nav.yaml',
    ]);
  });
});
