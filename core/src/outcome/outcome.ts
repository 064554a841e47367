/**
 * The result of an operation that can fail with a message for the user: a value, or a message that says what
 * went wrong and what to do. An operation that returns one never throws for a failure it can word, so a face
 * shows `message` as it is (a notification, a CLI error line) and never has to guess at an exception's text.
 *
 * A message names secrets, keys, files and namespaces, and never holds a secret's value: the operations that
 * return one build their messages from names and from the API server's own words, never from a value.
 *
 * `F` adds what a caller may branch on besides the message (e.g. the classified cluster problem), so the same
 * type serves operations whose failures carry more than words.
 */
export type Outcome<T, F extends object = NoDetail> = Succeeded<T> | Failed<F>;

type NoDetail = Record<never, never>;

export interface Succeeded<T> {
  readonly ok: true;
  readonly value: T;
}

export type Failed<F extends object = NoDetail> = { readonly ok: false; readonly message: string } & F;

export function succeeded<T>(value: T): Succeeded<T> {
  return { ok: true, value };
}

export function failed(message: string): Failed;
export function failed<F extends object>(message: string, detail: F): Failed<F>;
export function failed<F extends object>(message: string, detail?: F): Failed<F> {
  return { ok: false, message, ...detail } as Failed<F>;
}
