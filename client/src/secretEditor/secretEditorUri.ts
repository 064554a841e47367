/**
 * The URIs of the decoded secret editor: `pachyderm-secret-edit:/<context>/<namespace>/<name>.pachyderm-secret`.
 * They hold where the secret is and its name, never a value, because VS Code keeps editor URIs in its editor
 * history and its logs. The suffix is what the custom editor's selector (package.json) recognises.
 */
import * as vscode from 'vscode';

export const SECRET_EDIT_SCHEME = 'pachyderm-secret-edit';
export const SECRET_EDIT_VIEW_TYPE = 'pachyderm.decodedSecret';
const SUFFIX = '.pachyderm-secret';

export interface SecretLocation {
  context: string;
  namespace: string;
  name: string;
}

export function secretEditUri({ context, namespace, name }: SecretLocation): vscode.Uri {
  // A context name may hold any character, '/' included; namespace and secret names are DNS names.
  const path = `/${encodeURIComponent(context)}/${namespace}/${name}${SUFFIX}`;
  return vscode.Uri.from({ scheme: SECRET_EDIT_SCHEME, path });
}

/** The location a URI names, or undefined for a URI this editor did not make. */
export function secretLocationOf(uri: vscode.Uri): SecretLocation | undefined {
  if (uri.scheme !== SECRET_EDIT_SCHEME || !uri.path.endsWith(SUFFIX)) return undefined;
  const parts = uri.path.slice(1, -SUFFIX.length).split('/');
  if (parts.length !== 3 || parts.some((p) => !p)) return undefined;
  try {
    return { context: decodeURIComponent(parts[0]), namespace: parts[1], name: parts[2] };
  } catch {
    return undefined;
  }
}
