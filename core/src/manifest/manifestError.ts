/**
 * A rejection of bad input, worded exactly as kubectl words it (without kubectl's `error: ` prefix, which the
 * CLI adds), so the CLI prints what kubectl prints for the same input.
 *
 * Where kubectl's words quote the input itself (an env-file line, which may be `PASSWORD: hunter2` typed without
 * its `=`), `withoutInput` says the same by position and by what was expected instead. The wizards show
 * `withoutInput`: a VS Code notification must never hold a piece of a value. Elsewhere the two are the same.
 */
export class ManifestError extends Error {
  override readonly name = 'ManifestError';
  readonly withoutInput: string;

  constructor(message: string, withoutInput?: string) {
    super(message);
    this.withoutInput = withoutInput ?? message;
  }
}
