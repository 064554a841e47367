/**
 * The one wrapper every command runs in. A body reports the failures it expects itself (a clear message naming
 * the secret or the file); anything it throws besides is caught here, so no command rejects into VS Code (whose
 * own notification would show the error's message, which may quote input). The user gets the command's title
 * and the kind of error, the output channel where it was thrown, and the command resolves to undefined.
 */
import * as vscode from 'vscode';
import { unexpectedFailureLog, unexpectedFailureMessage } from './commandFailure';

export function guardCommand<A extends unknown[], R>(
  commandId: string,
  title: string,
  output: vscode.LogOutputChannel,
  run: (...args: A) => R | Promise<R>,
): (...args: A) => Promise<R | undefined> {
  return async (...args: A) => {
    try {
      return await run(...args);
    } catch (err) {
      output.error(unexpectedFailureLog(commandId, err));
      void vscode.window.showErrorMessage(unexpectedFailureMessage(title, err));
      return undefined;
    }
  };
}
