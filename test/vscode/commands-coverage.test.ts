import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, contributedCommands, exercisedCommands } from './harness';

// index.ts loads this file last, so by now every other test has recorded the commands it exercised.
suite('contributed commands', () => {
  suiteSetup(() => activateExtension());

  test('every command in package.json is registered by the running extension', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributedCommands().filter((c) => !registered.has(c));
    assert.deepEqual(missing, [], `contributed in package.json but never registered: ${missing.join(', ')}`);
  });

  test('every command in package.json is exercised by at least one extension-host test', () => {
    const exercised = exercisedCommands();
    const contributed = contributedCommands();
    const untested = contributed.filter((c) => !exercised.has(c));
    console.log(`    contributed commands exercised: ${contributed.length - untested.length}/${contributed.length}`);
    assert.deepEqual(
      untested,
      [],
      `no test runs these commands; call runCommand(id) or coversCommand(id) ` +
        `in the test that exercises them: ${untested.join(', ')}`,
    );
  });
});
