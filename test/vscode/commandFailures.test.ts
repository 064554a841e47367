/**
 * The one wrapper around every command, in a real VS Code: a command whose input fails in a way its body does
 * not handle (a file that vanished between the explorer's click and the read) shows one clear error message
 * naming the command, and resolves instead of rejecting into VS Code. The commands come from one table.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ClientCommands } from '../../core/src/protocol';
import { commands } from '../../client/src/commands/commandTable';
import { activateExtension, answerPrompts, contributedCommands, fixtureUri, runCommand } from './harness';

suite('commands: one table, one wrapper', () => {
  suiteSetup(() => activateExtension());

  test('a command whose file vanished shows an error naming the command and does not reject', async () => {
    const gone = fixtureUri('secrets/vanished-before-read.json');
    await vscode.workspace.fs.delete(gone).then(undefined, () => undefined);
    const shown = answerPrompts([]);
    let result: unknown = 'not run';
    try {
      result = await runCommand('pachyderm.createSecretFromFile', gone);
    } finally {
      shown.done();
    }
    assert.equal(result, undefined);
    const errors = shown.prompts.filter((p) => p.kind === 'showErrorMessage');
    assert.equal(errors.length, 1, JSON.stringify(shown.prompts));
    const reason = `ENOENT: no such file or directory, open '${gone.fsPath}'`;
    assert.equal(
      errors[0].text,
      `Pachyderm: Create Secret from File failed: ${reason}. Details are in the "Pachyderm" output.`,
    );
  });

  test('every contributed command and every quick-fix command is in the command table, and registered', async () => {
    const table = Object.keys(commands);
    const expected = [...contributedCommands(), ...Object.values(ClientCommands)];
    assert.deepEqual(
      expected.filter((c) => !table.includes(c)),
      [],
    );
    assert.deepEqual(
      table.filter((c) => !expected.includes(c)),
      [],
      'the table holds a command that neither package.json nor the server knows',
    );
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(
      table.filter((c) => !registered.has(c)),
      [],
    );
  });
});
