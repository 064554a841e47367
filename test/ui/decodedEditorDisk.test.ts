/**
 * The decoded secret editor leaves no value on disk, in a real VS Code in a real browser: a secret's existing value
 * is opened and closed, then a new value is typed and left unsaved while VS Code makes its backup, and the window
 * is reloaded. Then every place VS Code or the browser writes is searched for both canaries: the user-data folder
 * (settings, global and workspace storage, backups, history, logs), the workspace, and every file of the temp
 * folder written during this run (the browser's profile with its IndexedDB and caches, code-server's folders).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as os from 'node:os';
import { filesHolding } from '../support/canarySearch';
import { UI_TIMEOUT_MS, uiEnv, Workbench } from './workbench';

const env = uiEnv();
const NAME = 'ui-decoded-canary';
let wb: Workbench;

function kubectl(args: string[]): string {
  return execFileSync('kubectl', ['--kubeconfig', env.kubeconfig, ...args], { encoding: 'utf8' });
}

async function until(what: string, condition: () => Promise<boolean> | boolean): Promise<void> {
  const deadline = Date.now() + UI_TIMEOUT_MS;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The editor's page (VS Code nests it in a second frame inside the webview's). */
function frame() {
  return wb.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

function textArea() {
  return frame().locator('textarea#text');
}

async function openDecoded(): Promise<void> {
  await wb.runCommand('Pachyderm: Edit Secret (decoded)');
  await wb.pick(/Edit Secret \(decoded\)/, NAME);
  await wb.page.locator('.tabs-container .tab.active', { hasText: NAME }).waitFor();
}

before(async () => {
  wb = await Workbench.open(env);
  wb.page.on('dialog', (d) => void d.accept());
  // The palette lists what is registered when it opens: wait for the extension (its status bar item) first.
  await wb.page.locator('.statusbar', { hasText: /\d+ secrets/ }).waitFor();
});

after(async () => {
  kubectl(['delete', 'secret', NAME, '--ignore-not-found']);
  await wb?.close();
});

test('unsaved edits in the decoded editor and a window reload leave no value anywhere on disk', async () => {
  try {
    await uneditedThenUnsaved();
  } catch (err) {
    await wb.screenshot('failed-decoded-editor').catch(() => undefined);
    throw err;
  }
});

async function uneditedThenUnsaved(): Promise<void> {
  const existing = `canary${randomBytes(6).toString('hex')}existing`;
  const typed = `canary${randomBytes(6).toString('hex')}typed`;
  kubectl(['create', 'secret', 'generic', NAME, `--from-literal=password=${existing}`]);

  // Opened and closed unchanged.
  await openDecoded();
  await until('the value in the editor', async () => (await textArea().inputValue()).includes(existing));
  await wb.runCommand('View: Close Editor');
  await wb.page.locator('.tabs-container .tab', { hasText: NAME }).waitFor({ state: 'detached' });

  // Edited and left unsaved until VS Code has asked for its backup (about a second after the change).
  await openDecoded();
  await until('the value in the editor', async () => (await textArea().inputValue()).includes(existing));
  await textArea().fill((await textArea().inputValue()).replace(existing, typed));
  await frame().locator('#dirty').waitFor();
  await wb.screenshot('decoded-editor');
  // VS Code backs a modified editor up about a second after its last change. An untitled text typed after the
  // secret shows when that time has come: its backup, with its text, appears in the user-data folder.
  const probe = `backup-clock-${randomBytes(4).toString('hex')}`;
  // Focus the workbench first: keys typed in the webview stay in its page.
  await wb.page.locator('.explorer-folders-view').click();
  await wb.runCommand('File: New Untitled Text File');
  await wb.page.locator('.tabs-container .tab.active', { hasText: 'Untitled-1' }).waitFor();
  await wb.page.keyboard.type(probe);
  await until("VS Code's backup of the untitled text", () => filesHolding(env.userDataDir, probe).length > 0);

  await wb.runCommand('Developer: Reload Window');
  await wb.page.locator('.tabs-container .tab', { hasText: NAME }).waitFor();
  await wb.page.locator('.tabs-container .tab', { hasText: NAME }).click();
  await until('the restored editor', async () => (await textArea().inputValue()).includes(existing));
  assert.ok(!(await textArea().inputValue()).includes(typed));
  // Nothing saved the typed value to the cluster either (auto save is the browser's default).
  const data = JSON.parse(kubectl(['get', 'secret', NAME, '-o', 'json'])) as { data: Record<string, string> };
  assert.equal(data.data.password, Buffer.from(existing).toString('base64'));

  for (const value of [existing, typed]) {
    const found = [
      ...filesHolding(env.userDataDir, value),
      ...filesHolding(env.workspace, value),
      ...filesHolding(os.tmpdir(), value, { modifiedSince: env.startedAt }),
    ];
    assert.deepEqual(found, [], `a canary was found on disk in ${found.join(', ')}`);
  }
}
