/**
 * Notifications never hold a piece of a value: an env file with a bad line given to New Secret (Generic), and a
 * Secret manifest that is not JSON given to Create Secret from File, are refused by line, column and what was
 * expected, in the real workbench's notifications.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, answerPrompts, fixtureUri, runCommand, writeFixture, type PromptRecord } from './harness';
import { answerDialogs, driveWizard } from './wizardDriver';

const CANARY = 'CANARY-hunter2-Q7zX9';
/** Any 4 characters of the canary in a row: what a message quoting ten characters of the text would hold. */
const PIECES = new RegExp(
  [...Array(CANARY.length - 3).keys()].map((i) => CANARY.slice(i, i + 4).replace(/-/g, '\\-')).join('|'),
);

suite('No value in notifications', () => {
  let dir = '';
  let restoreDialogs: (() => void) | undefined;
  let prompts: { prompts: PromptRecord[]; done: () => void } | undefined;

  suiteSetup(async () => {
    await activateExtension();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-no-values-'));
  });

  teardown(async () => {
    restoreDialogs?.();
    restoreDialogs = undefined;
    prompts?.done();
    prompts = undefined;
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  suiteTeardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  const shown = () => prompts!.prompts.filter((p) => p.kind.endsWith('Message')).map((p) => p.text);

  test('New Secret (Generic) refuses an env file line by position, without quoting it', async () => {
    const envFile = path.join(dir, 'db.env');
    fs.writeFileSync(envFile, `HOST=db\nDB_PASSWORD: ${CANARY}\n`);
    prompts = answerPrompts([]);
    restoreDialogs = answerDialogs([envFile]);
    const run = await driveWizard(
      'pachyderm.newGenericSecret',
      [],
      [
        { input: 'env-canary', step: 1 },
        { pick: 'Add env file', step: 2 },
        // Refused: the list again, with nothing added.
        { cancel: true },
      ],
    );
    assert.equal(run.outcome, 'cancel');
    const messages = shown();
    assert.deepEqual(messages, [
      `env file ${envFile}, line 2, column 12: expected KEY=value, with a KEY of letters, digits, '_', '-' or '.' ` +
        `that does not start with a digit`,
    ]);
    for (const m of messages)
      assert.ok(!PIECES.test(m) && !m.includes('DB_PASSWORD'), 'a notification quotes the line');
  });

  test('Create Secret from File refuses a manifest that is not JSON by position, without quoting it', async () => {
    const file = 'secrets/not-json.json';
    await writeFixture(
      file,
      `{\n  "kind": "Secret",\n  "metadata": {"name": "not-json"},\n  "stringData": {"password": ${CANARY}}\n}\n`,
    );
    prompts = answerPrompts([]);
    const refused = await runCommand<{ kind: string; message: string }>(
      'pachyderm.createSecretFromFile',
      fixtureUri(file),
    );
    assert.equal(refused.kind, 'refused');
    const messages = shown();
    assert.equal(messages.length, 1, JSON.stringify(messages.map((m) => m.length)));
    assert.match(
      messages[0],
      /^Cannot create a secret from secrets\/not-json\.json: failed to unmarshal secret: not valid JSON \(line 4, column 30: expected a value/,
    );
    for (const m of [...messages, refused.message]) assert.ok(!PIECES.test(m), 'a notification quotes the file');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
