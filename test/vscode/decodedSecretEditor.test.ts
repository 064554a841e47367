/**
 * Edit Secret (decoded) in a real VS Code against the local cluster, with real kubectl reading what was written:
 * the editor's URI and every text document stay value-free, the language client never selects its scheme, Save
 * writes with the version read (a conflict writes nothing and shows the differences), binary keys stay byte-exact,
 * and VS Code's own backup of an edited secret holds no value.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PachydermExtensionExports } from '../../client/src/extension';
import { DOCUMENT_SELECTOR } from '../../client/src/languageClient';
import type { TreeRow } from '../../client/src/cluster/treeModel';
import { SECRET_EDIT_SCHEME, SECRET_EDIT_VIEW_TYPE } from '../../client/src/secretEditor/secretEditorUri';
import { filesHolding } from '../support/canarySearch';
import { activateExtension, answerPrompts, openFixture, runCommand, testEnv, waitFor } from './harness';
import { asLimitedUser } from './limitedUser';

const isSecretEditorTab = (tab: vscode.Tab) =>
  tab.input instanceof vscode.TabInputCustom && tab.input.viewType === SECRET_EDIT_VIEW_TYPE;

const NAME = 'decoded-edit';
const CANARY = 'canary-4c9e-decoded-editor';
const BINARY = Buffer.from([0, 0xff, 0x80, 0x0a, 0x7f]);
const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');

function kubectl(args: string[], input?: string): string {
  return execFileSync('kubectl', ['--kubeconfig', testEnv().kubeconfig, ...args], { input, encoding: 'utf8' });
}

function clusterData(name = NAME): Record<string, string> {
  return (JSON.parse(kubectl(['get', 'secret', name, '-o', 'json'])) as { data?: Record<string, string> }).data ?? {};
}

suite('Edit Secret (decoded)', () => {
  let exports: PachydermExtensionExports;
  const secretRow = (name: string) =>
    (exports.cluster.tree.getChildren() as TreeRow[]).find((r) => r.kind === 'secret' && r.label === name);
  const activeTab = () => vscode.window.tabGroups.activeTabGroup.activeTab;

  async function openEditor() {
    const uri = await runCommand<vscode.Uri>('pachyderm.editSecretDecoded', secretRow(NAME));
    const doc = await waitFor(() => exports.secretEditor.documentOf(uri), { what: 'the decoded editor' });
    return { uri, doc };
  }

  setup(async () => {
    exports = await activateExtension<PachydermExtensionExports>();
    const bin = path.join(testEnv().workspace, '..', `${NAME}.bin`);
    fs.writeFileSync(bin, BINARY);
    kubectl(['delete', 'secret', NAME, '--ignore-not-found']);
    kubectl(['create', 'secret', 'generic', NAME, `--from-literal=password=${CANARY}`, `--from-file=keystore=${bin}`]);
    fs.rmSync(bin);
    await waitFor(() => secretRow(NAME)?.secret?.keys.length === 2, { what: `${NAME} in the tree` });
  });

  teardown(async () => {
    // Revert first: closing an untitled text with changes would ask whether to save it.
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    kubectl(['delete', 'secret', NAME, '--ignore-not-found']);
  });

  test('opens a custom editor whose URI names the secret only, and no text document holds a value', async () => {
    const { uri, doc } = await openEditor();
    assert.equal(uri.scheme, SECRET_EDIT_SCHEME);
    assert.ok(!uri.toString().includes(CANARY));
    assert.match(uri.path, new RegExp(`/${testEnv().cluster!.namespace}/${NAME}\\.pachyderm-secret$`));
    assert.deepEqual(JSON.parse(doc.text), { stringData: { password: CANARY }, data: { keystore: b64(BINARY) } });
    const tab = activeTab()!.input as vscode.TabInputCustom;
    assert.equal(tab.viewType, SECRET_EDIT_VIEW_TYPE);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.scheme === SECRET_EDIT_SCHEME));
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.getText().includes(CANARY)));
  });

  test("the language client's selector never matches the editor's scheme, whose text is only a note", async () => {
    const { uri } = await openEditor();
    const asText = await vscode.workspace.openTextDocument(uri);
    assert.match(asText.getText(), /opens with "Pachyderm: Edit Secret \(decoded\)"/);
    assert.ok(!asText.getText().includes(CANARY));
    for (const languageId of ['json', 'yaml', 'jsonc', 'plaintext']) {
      const doc = await vscode.languages.setTextDocumentLanguage(asText, languageId);
      assert.equal(vscode.languages.match(DOCUMENT_SELECTOR, doc), 0, languageId);
    }
    // The same selector does match a workspace spec, so the check above can fail.
    const spec = (await openFixture('specs/broken.pipeline.json')).document;
    assert.ok(vscode.languages.match(DOCUMENT_SELECTOR, spec) > 0);
  });

  test('Save writes the changed keys with the version read, binary keys stay byte-exact', async () => {
    const { doc } = await openEditor();
    const edited = JSON.parse(doc.text) as { stringData: Record<string, string>; data: Record<string, string> };
    edited.stringData.password = 'rotated-password';
    edited.stringData['new-key'] = 'added';
    await exports.secretEditor.fromWebview(doc, { type: 'edit', text: JSON.stringify(edited, null, 2) });
    assert.ok(doc.isDirty());
    assert.equal(await exports.secretEditor.fromWebview(doc, { type: 'save' }), 'saved');
    assert.ok(!doc.isDirty());
    const data = clusterData();
    assert.deepEqual(data, { password: b64('rotated-password'), 'new-key': b64('added'), keystore: b64(BINARY) });
  });

  test('a save after the secret changed in the cluster writes nothing, shows the differences, and may retry', async () => {
    const { doc } = await openEditor();
    await exports.secretEditor.fromWebview(doc, { type: 'edit', text: doc.text.replace(CANARY, 'mine') });
    kubectl(['patch', 'secret', NAME, '--type=merge', '-p', JSON.stringify({ stringData: { password: 'theirs' } })]);
    assert.equal(await exports.secretEditor.fromWebview(doc, { type: 'save' }), 'conflict');
    assert.ok(doc.pendingCluster && doc.isDirty());
    assert.equal(clusterData().password, b64('theirs'));
    assert.equal(await exports.secretEditor.fromWebview(doc, { type: 'overwrite' }), 'saved');
    assert.equal(clusterData().password, b64('mine'));
    assert.equal(clusterData().keystore, b64(BINARY));
  });

  test('an immutable secret is refused before an editor opens', async () => {
    const manifest = { apiVersion: 'v1', kind: 'Secret', metadata: { name: `${NAME}-frozen` }, immutable: true };
    kubectl(['create', '-f', '-'], JSON.stringify({ ...manifest, data: { k: b64(CANARY) } }));
    try {
      await waitFor(() => secretRow(`${NAME}-frozen`)?.secret?.immutable, { what: 'the immutable secret' });
      const prompts = answerPrompts([]);
      assert.equal(await runCommand('pachyderm.editSecretDecoded', secretRow(`${NAME}-frozen`)), undefined);
      prompts.done();
      assert.match(prompts.prompts[0].text, /is immutable \(immutable: true\)/);
    } finally {
      kubectl(['delete', 'secret', `${NAME}-frozen`]);
    }
  });

  test('a user who may read but not patch the secret is told so, and no editor opens or reads a value', async () => {
    const reader = { verbs: ['get', 'list', 'watch'], resources: ['secrets'], namespaces: ['*'] };
    await asLimitedUser(exports.cluster.catalog, { name: 'de-reader', rules: [reader], secret: NAME }, async () => {
      const prompts = answerPrompts([]);
      assert.equal(await runCommand('pachyderm.editSecretDecoded', secretRow(NAME)), undefined);
      prompts.done();
      assert.deepEqual(
        prompts.prompts.map((p) => `${p.kind}: ${p.text}`),
        [
          `showErrorMessage: You may not change secret "${NAME}": missing permission to "patch" resource "secrets" ` +
            'in namespace "default". Ask a cluster admin for it.',
        ],
      );
      assert.equal(vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter(isSecretEditorTab).length, 0);
    });
    // As the admin again, the same command opens the editor, so the refusal above was the user's rights.
    const { doc } = await openEditor();
    assert.ok(doc.text.includes(CANARY));
  });

  test("VS Code's backups keep no value of an edited secret, while they do keep an untitled text's", async () => {
    const { doc } = await openEditor();
    const typed = 'canary-typed-8a2f-unsaved';
    await exports.secretEditor.fromWebview(doc, { type: 'edit', text: doc.text.replace(CANARY, typed) });
    // VS Code never tracks the editor as modified: nothing for it to back up, auto save or keep over a reload.
    assert.ok(doc.isDirty() && activeTab()?.isDirty === false);
    // VS Code backs a modified editor up about a second after its last change. An untitled text changed after the
    // secret shows when that time has come: its backup, with its text, appears in the same folder.
    const probe = 'backup-clock-3e1c';
    const untitled = await vscode.workspace.openTextDocument({ content: '' });
    await vscode.window.showTextDocument(untitled);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(untitled.uri, new vscode.Position(0, 0), probe);
    await vscode.workspace.applyEdit(edit);
    const userDir = path.resolve(exports.cluster.host.context.globalStorageUri.fsPath, '..', '..');
    await waitFor(() => filesHolding(path.join(userDir, 'Backups'), probe).length, {
      what: "VS Code's backup of the untitled text",
    });
    assert.deepEqual(filesHolding(path.dirname(userDir), typed), []);
    assert.deepEqual(filesHolding(path.dirname(userDir), CANARY), []);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
