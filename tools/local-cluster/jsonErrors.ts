/**
 * A JSON syntax error in Go's words, without the snippet of input JavaScript's message quotes: request bodies hold
 * secret values, and errors must never echo them.
 */
export function jsonSyntaxError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return /end of JSON input/i.test(message)
    ? 'unexpected end of JSON input'
    : 'invalid character looking for beginning of value';
}
