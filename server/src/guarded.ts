/**
 * The one wrapper every LSP handler is registered through: a handler that throws (a bug, or input no rule
 * foresaw) answers with its empty answer instead of an error the editor shows or logs, and the server's log
 * gets one line that names the handler and where it failed. The log never carries the error's message: a
 * message may quote document text, and document text may hold a secret value.
 */
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';

export interface FailureLog {
  error(message: string): void;
}

/** How many stack frames the log keeps: enough to find the bug, not a wall of text per keystroke. */
const FRAMES = 6;

/** The error's class and the frames it was thrown from; never its message. */
export function failureSummary(err: unknown): string {
  if (!(err instanceof Error)) return `a thrown ${err === null ? 'null' : typeof err}`;
  // The stack starts with the message, which may run over lines that look like frames: cut it off first.
  let stack = err.stack ?? '';
  const head = err.message ? `${err.name}: ${err.message}` : err.name;
  if (stack.startsWith(head)) stack = stack.slice(head.length);
  else stack = stack.includes(err.message) ? '' : stack;
  const frames = stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, FRAMES)
    .map((line) => line.trim());
  return [err.name, ...frames].join('\n  ');
}

/**
 * `handler`, made safe to hand to the connection: a throw or a rejection is logged and answered by `empty`.
 * A `ResponseError` is the protocol's own error answer (bad parameters of a custom request): it passes through.
 * A handler that does not throw runs exactly as before (synchronously when it is synchronous).
 */
export function guarded<A extends unknown[], R, E = R>(
  log: FailureLog,
  name: string,
  empty: (...args: NoInfer<A>) => E,
  handler: (...args: A) => R | PromiseLike<R>,
): (...args: A) => R | E | Promise<R | E> {
  const fail = (args: A, err: unknown): E => {
    if (err instanceof ResponseError) throw err;
    log.error(`${name} failed: ${failureSummary(err)}`);
    return empty(...args);
  };
  return (...args: A) => {
    try {
      const result = handler(...args);
      if (result && typeof (result as PromiseLike<R>).then === 'function') {
        return Promise.resolve(result).then(undefined, (err: unknown) => fail(args, err));
      }
      return result as R;
    } catch (err) {
      return fail(args, err);
    }
  };
}

/** The empty answer of a request that has none of its own: an error with a fixed message (and `data`, if any). */
export const requestFailed =
  <D = void>(name: string, data?: D) =>
  (): ResponseError<D> =>
    new ResponseError<D>(
      ErrorCodes.InternalError,
      `${name} failed in the Pachyderm language server; its log says where`,
      data,
    );

/** The empty answer of a notification or an event. */
export const nothing = (): void => undefined;
