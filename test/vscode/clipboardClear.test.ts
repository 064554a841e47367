/**
 * Copy Value clears the clipboard after `pachyderm.clipboardClearSeconds`, only while it still holds the copied
 * value, in a real VS Code. The tests set the delay to 1 s and wait on the clearer's own event, never on time.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PachydermExtensionExports } from '../../client/src/extension';
import { ClipboardClearer } from '../../client/src/cluster/clipboardClear';
import type { TreeRow } from '../../client/src/cluster/treeModel';
import { activateExtension, runCommand, setSetting, waitFor, waitForEvent } from './harness';

const ACCESS_KEY = Buffer.from('Zml4dHVyZS1hY2Nlc3Mta2V5', 'base64').toString();

suite('Copy Value clears the clipboard', () => {
  let area: PachydermExtensionExports['cluster'];
  const keyRow = (name: string, key: string) => {
    const secret = (area.tree.getChildren() as TreeRow[]).find((r) => r.kind === 'secret' && r.label === name);
    return (area.tree.getChildren(secret) as TreeRow[]).find((r) => r.key === key)!;
  };

  /** Runs Copy Value on s3-credentials → access-key and returns the status bar messages it showed. */
  async function copyAccessKey(): Promise<string[]> {
    const win = vscode.window as unknown as { setStatusBarMessage: (text: string, ms: number) => vscode.Disposable };
    const original = win.setStatusBarMessage;
    const messages: string[] = [];
    win.setStatusBarMessage = (text: string, ms: number) => {
      messages.push(text);
      return original.call(vscode.window, text, ms);
    };
    try {
      await runCommand('pachyderm.copySecretValue', keyRow('s3-credentials', 'access-key'));
    } finally {
      win.setStatusBarMessage = original;
    }
    return messages;
  }

  suiteSetup(async () => {
    area = (await activateExtension<PachydermExtensionExports>()).cluster;
    await waitFor(() => area.catalog.snapshot().state.kind === 'ready' && keyRow('s3-credentials', 'access-key'), {
      what: 'the seeded key in the tree',
    });
  });

  test('after the set delay the copied value is cleared, and the copy message said it would be', async () => {
    await setSetting('pachyderm.clipboardClearSeconds', 1, vscode.ConfigurationTarget.Global);
    const checked = waitForEvent(area.clipboard.onDidCheck, () => true, { what: 'the clipboard check' });
    const messages = await copyAccessKey();
    assert.deepEqual(messages, ['Copied value of s3-credentials → access-key; the clipboard will be cleared in 1 s']);
    assert.equal(await checked, 'cleared');
    assert.equal(await vscode.env.clipboard.readText(), '');
  });

  test('a clipboard the user changed meanwhile is left alone', async () => {
    await setSetting('pachyderm.clipboardClearSeconds', 1, vscode.ConfigurationTarget.Global);
    const checked = waitForEvent(area.clipboard.onDidCheck, () => true, { what: 'the clipboard check' });
    await copyAccessKey();
    assert.equal(await vscode.env.clipboard.readText(), ACCESS_KEY);
    await vscode.env.clipboard.writeText('copied by the user');
    assert.equal(await checked, 'changed');
    assert.equal(await vscode.env.clipboard.readText(), 'copied by the user');
  });

  test('0 never clears, and the copy message does not promise it', async () => {
    await setSetting('pachyderm.clipboardClearSeconds', 0, vscode.ConfigurationTarget.Global);
    const messages = await copyAccessKey();
    assert.deepEqual(messages, ['Copied value of s3-credentials → access-key']);
    // Nothing is scheduled: a check now has nothing to compare and leaves the value where the user put it.
    assert.equal(await area.clipboard.check(), undefined);
    assert.equal(await vscode.env.clipboard.readText(), ACCESS_KEY);
    await vscode.env.clipboard.writeText('');
  });

  test('a value still on the clipboard when the extension stops is cleared then', async () => {
    const clearer = new ClipboardClearer(vscode.env.clipboard);
    await clearer.copy(ACCESS_KEY, 600);
    assert.equal(await vscode.env.clipboard.readText(), ACCESS_KEY);
    clearer.dispose();
    await waitFor(async () => (await vscode.env.clipboard.readText()) === '', { what: 'the clipboard to be cleared' });
  });
});
