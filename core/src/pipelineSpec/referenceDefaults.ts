/**
 * The names Insert Secret Reference proposes before the user edits them. Apart from the edit itself
 * (secretReferenceEdit.ts, which parses the spec), so the extension host can show them without a spec parser.
 */

/** `password` → `PASSWORD`, `tls.crt` → `TLS_CRT`: a valid environment variable name for a key. */
export function defaultEnvVarName(key: string): string {
  const v = key.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
  return /^[0-9]/.test(v) ? `_${v}` : v;
}

export function defaultMountPath(secretName: string): string {
  return `/var/secrets/${secretName}`;
}
