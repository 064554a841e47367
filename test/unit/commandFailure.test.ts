import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  unexpectedFailureLog,
  unexpectedFailureMessage,
  unexpectedFailureReason,
} from '../../client/src/commands/commandFailure';

const VALUE = 'hunter2-very-secret';

/**
 * An error whose message quotes a secret's value, as V8's JSON.parse does (`"…" is not valid JSON`), over two
 * lines, the second dressed as a stack frame.
 */
function parseError(): Error {
  return new SyntaxError(`Unexpected token, "${VALUE}" is not valid JSON\n    at not-a-frame (${VALUE})`);
}

test('the premise: V8 quotes JSON text it cannot parse in its message', () => {
  assert.throws(() => JSON.parse('hunter2'), /hunter2/);
});

test("an unexpected error's message (which may quote a value) reaches neither the notification nor the log", () => {
  const err = parseError();
  const message = unexpectedFailureMessage('Create Secret from File', err);
  assert.equal(
    message,
    'Pachyderm: Create Secret from File failed: an unexpected SyntaxError. Details are in the "Pachyderm" output.',
  );
  const log = unexpectedFailureLog('pachyderm.createSecretFromFile', err);
  assert.ok(!log.includes(VALUE), log);
  assert.match(log, /^\[command\] pachyderm\.createSecretFromFile failed: an unexpected SyntaxError\n {4}at /);
  assert.match(log, /parseError/, 'the log says where it was thrown');
});

test("a VS Code file system error shows Node's message, which names the file", () => {
  const err = new Error("Error: ENOENT: no such file or directory, open '/w/secrets/gone.json'");
  err.name = 'EntryNotFound (FileSystemError)';
  assert.equal(unexpectedFailureReason(err), "ENOENT: no such file or directory, open '/w/secrets/gone.json'");
});

test('something thrown that is not an Error still gets a message', () => {
  assert.equal(unexpectedFailureReason(VALUE), 'an unexpected failure');
  assert.equal(unexpectedFailureLog('pachyderm.x', VALUE), '[command] pachyderm.x failed: an unexpected failure');
});
