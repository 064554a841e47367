import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, openFixture, waitFor, waitForLanguageServer } from './harness';

// package.json declares untrustedWorkspaces "limited": the extension must still work in restricted mode.
suite('activation in an untrusted workspace', () => {
  test('the workspace really is in restricted mode', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  test('opening a pipeline spec activates the extension and starts its language server', async () => {
    await openFixture('specs/broken.pipeline.json');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded in restricted mode`);
    await waitFor(() => ext.isActive, { what: 'the extension to activate in restricted mode' });
    await waitForLanguageServer();
  });
});
