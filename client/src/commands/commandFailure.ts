/**
 * What a command shows and logs when its body throws something it did not expect. An error's message may hold
 * a piece of its input (V8's JSON.parse quotes the text it choked on, which can be a secret's value), so neither
 * the notification nor the log ever carries a message it cannot vouch for: the notification names the command
 * and the kind of error, and the log adds the stack frames (function names and file positions only).
 */

/**
 * A file system error from VS Code (vscode.FileSystemError, e.g. "EntryNotFound (FileSystemError)"): its message
 * is Node's (`ENOENT: no such file or directory, open '…'`), which names the file and never its content.
 */
function fileSystemProblem(err: Error): string | undefined {
  if (!/\(FileSystemError\)$/.test(err.name)) return undefined;
  return err.message.replace(/^Error: /, '');
}

/** The one-line reason shown to the user. */
export function unexpectedFailureReason(err: unknown): string {
  if (!(err instanceof Error)) return 'an unexpected failure';
  return fileSystemProblem(err) ?? `an unexpected ${err.name || 'error'}`;
}

/** The notification for a command that failed unexpectedly. */
export function unexpectedFailureMessage(title: string, err: unknown): string {
  return `Pachyderm: ${title} failed: ${unexpectedFailureReason(err)}. Details are in the "Pachyderm" output.`;
}

/** The output channel's line: the command, the kind of error and where it was thrown, without its message. */
export function unexpectedFailureLog(commandId: string, err: unknown): string {
  const reason = unexpectedFailureReason(err);
  const frames = err instanceof Error ? stackFrames(err) : [];
  return [`[command] ${commandId} failed: ${reason}`, ...frames].join('\n');
}

/**
 * The `at …` lines of a stack. V8 starts a stack with `String(err)` (name and message, which may span several
 * lines), so that part is cut off first and no line of the message can pass for a frame.
 */
function stackFrames(err: Error): string[] {
  const stack = err.stack ?? '';
  const header = String(err);
  const frames = stack.startsWith(header) ? stack.slice(header.length) : '';
  return frames
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .map((line) => `    ${line.trim()}`);
}
