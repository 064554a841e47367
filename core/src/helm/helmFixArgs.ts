/**
 * Arguments of the client commands behind the helm quick fixes. Names, keys and paths only: the plain value
 * a PH003 fix moves is read by the client from the editor's document when the user runs the fix.
 */
export interface MoveValueToSecretArgs {
  /** The values file. */
  uri: string;
  plainPath: string;
  secretNamePath: string;
  key: string;
  suggestedName: string;
}

export interface CopySecretKeyArgs {
  /** The values file, re-checked once the secret changed. */
  uri: string;
  secret: string;
  from: string;
  to: string;
}
