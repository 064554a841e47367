/**
 * What a user sees, in a real VS Code in a real browser: a broken secret reference is squiggled and listed in
 * Problems, completion offers the cluster's secrets, hover shows one's keys, the Secrets tree shows them, and a
 * wizard creates one.
 * The steps share one workbench, in order. Screenshots: test-results/ui/*.png (copied to docs/ for the README by
 * `node scripts/vscode/run-ui-smoke.mjs --update-docs`).
 */
import { after, before, test as nodeTest } from 'node:test';
import assert from 'node:assert/strict';
import { uiEnv, Workbench } from './workbench';

let wb: Workbench;

/** A step of the walk-through; when it fails, the screen at that moment is kept as failed-<n>.png. */
let steps = 0;
function test(name: string, fn: () => Promise<void>): void {
  const n = ++steps;
  nodeTest(name, async () => {
    try {
      await fn();
    } catch (err) {
      await wb?.screenshot(`failed-${n}`).catch(() => undefined);
      throw err;
    }
  });
}

before(async () => {
  wb = await Workbench.open(uiEnv());
});

after(async () => {
  await wb?.close();
});

test('a spec with a missing secret shows a squiggle and a Problems entry naming the secret', async () => {
  await wb.openFile('specs/broken.pipeline.json');
  await wb.activeEditor().locator('.squiggly-error').first().waitFor();
  await wb.page.keyboard.press('Control+Shift+M');
  const problems = wb.page.locator('.markers-panel');
  await problems.locator('.monaco-list-row', { hasText: 'missing Kubernetes secret missing-api-token' }).waitFor();
  await problems.locator('.monaco-list-row', { hasText: 'missing key session-token' }).waitFor();
  await wb.screenshot('diagnostics');
});

test("completion in a secret name offers the cluster's secrets and accepting one writes it", async () => {
  await wb.openFile('specs/completion.pipeline.json');
  // Line 7 is `      { "name": "", "key": "access-key", "envVar": "TOKEN" }`; column 18 is between the empty name's
  // quotes.
  await wb.goTo(7, 18);
  await wb.page.keyboard.press('Control+Space');
  const suggestions = wb.page.locator('.suggest-widget.visible .monaco-list-row');
  await suggestions.filter({ hasText: 's3-credentials' }).waitFor();
  await suggestions.filter({ hasText: 'registry-pull' }).waitFor();
  await wb.screenshot('completion');
  await wb.page.keyboard.type('s3-cr');
  await suggestions.first().filter({ hasText: 's3-credentials' }).waitFor();
  await wb.page.keyboard.press('Enter');
  await wb.waitForEditorText(/"name": "s3-credentials"/);
});

test('hovering a secret reference shows its keys and sizes from the cluster, never a value', async () => {
  // Still in completion.pipeline.json, whose line 7 now names s3-credentials.
  await wb.hoverText('s3-credentials');
  const hover = wb.page.locator('.monaco-hover').filter({ visible: true });
  await hover.filter({ hasText: 'secret-key' }).waitFor();
  assert.doesNotMatch(await hover.innerText(), /fixture-access-key|fixture-secret-key-value/);
  await wb.screenshot('hover');
  await wb.page.keyboard.press('Escape');
});

test('the Secrets view lists the seeded secrets and expands one to its keys, without values', async () => {
  await wb.page
    .locator('.activitybar')
    .getByRole('tab', { name: /^Pachyderm/ })
    .click();
  const view = wb.page.locator('.pane', { has: wb.page.locator('.pane-header', { hasText: 'Secrets' }) });
  const row = (text: string) => view.locator('.monaco-list-row', { hasText: text }).first();
  await row('s3-credentials').waitFor();
  await row('registry-pull').waitFor();
  await row('s3-credentials').click();
  if ((await row('s3-credentials').getAttribute('aria-expanded')) !== 'true')
    await wb.page.keyboard.press('ArrowRight');
  await row('access-key').waitFor();
  await row('secret-key').waitFor();
  assert.doesNotMatch(await view.innerText(), /fixture-access-key|fixture-secret-key-value/);
  await wb.screenshot('secrets-tree');
});

test('the New Secret (Generic) wizard creates a secret in the cluster, and the tree shows it', async () => {
  await wb.runCommand('Pachyderm: New Secret (Generic)');
  // Input steps are recognised by their placeholders: an empty box shows its validation message, not its prompt.
  await wb.answerInput(/New Secret \(Generic\) \(1\/3\)[^]*e\.g\. s3-credentials/, 'ui-smoke-token');
  await wb.pick(/Add the keys/, 'Add literal value');
  await wb.answerInput(/e\.g\. password/, 'token');
  await wb.answerInput(/Value of "token"/, 'ui-smoke-value');
  await wb.pick(/Keys so far: token/, 'Done');
  await wb.waitForQuickInput(/Create in cluster now/);
  await wb.screenshot('wizard');
  await wb.pick(/Create in cluster now/, 'Create in cluster now');
  const view = wb.page.locator('.pane', { has: wb.page.locator('.pane-header', { hasText: 'Secrets' }) });
  await wb.notification(/Secret "ui-smoke-token" created/).waitFor();
  await view.locator('.monaco-list-row', { hasText: 'ui-smoke-token' }).first().waitFor();
  await wb.screenshot('wizard-created');
});
