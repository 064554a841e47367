/**
 * A rejection of bad input, worded exactly as kubectl words it (without kubectl's `error: ` prefix, which the
 * CLI adds). Wizards show `message` as is, so users see the same text in both places.
 */
export class ManifestError extends Error {
  override readonly name = 'ManifestError';
}
