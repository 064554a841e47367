/**
 * The URI of a secret's read-only Inspect document, in one place: the client serves the document (values masked),
 * and the language server answers Go to Definition with it. Only names travel in it: the context, namespace and
 * secret name in the path, and, in the fragment, the key Go to Definition was asked on (the client moves the
 * location to that key's row and drops the fragment, so each secret has one document).
 */
export const INSPECT_SCHEME = 'pachyderm-secret';

/** The path part: `/<context>/<namespace>/<name>.txt`. */
export function inspectSecretPath(context: string, namespace: string, name: string): string {
  return `/${context}/${namespace}/${name}.txt`;
}

/** The whole URI as a string, each path segment percent-encoded, with `#key=<key>` when a key was asked for. */
export function inspectSecretUri(context: string, namespace: string, name: string, key?: string): string {
  const path = [context, namespace, `${name}.txt`].map(encodeURIComponent).join('/');
  return `${INSPECT_SCHEME}:/${path}${key === undefined ? '' : `#key=${encodeURIComponent(key)}`}`;
}

/** The secret an Inspect path (decoded, as a parsed URI has it) is about: its last segment without `.txt`. */
export function inspectedSecretName(path: string): string {
  return (path.split('/').pop() ?? '').replace(/\.txt$/, '');
}

/** The key of a fragment `key=<key>` (decoded, as a parsed URI has it), if any. */
export function inspectedKey(fragment: string): string | undefined {
  return fragment.startsWith('key=') ? fragment.slice(4) : undefined;
}
