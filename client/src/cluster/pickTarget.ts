/**
 * Commands run from a tree row get the row; from the palette they ask for the secret (and key) with a quick
 * pick over the catalog, so every command works in both places.
 */
import * as vscode from 'vscode';
import type { SecretMeta } from '../../../core/src/catalog';
import type { ClusterArea } from './clusterArea';
import type { TreeRow } from './treeModel';

export function isRow(arg: unknown): arg is TreeRow {
  return (
    !!arg &&
    typeof arg === 'object' &&
    typeof (arg as TreeRow).id === 'string' &&
    typeof (arg as TreeRow).kind === 'string'
  );
}

/** A secret given as a tree row, `{ name }`, or a name; otherwise asked for. */
export async function secretFrom(area: ClusterArea, arg: unknown, title: string): Promise<SecretMeta | undefined> {
  const name = isRow(arg)
    ? arg.secret?.name
    : typeof arg === 'string'
      ? arg
      : (arg as { name?: unknown } | undefined)?.name;
  if (typeof name === 'string' && name) {
    const meta = area.catalog.get(name) ?? (isRow(arg) ? arg.secret : undefined);
    if (!meta)
      void vscode.window.showErrorMessage(`Secret "${name}" is not in namespace "${area.catalog.target().namespace}".`);
    return meta;
  }
  const snapshot = area.catalog.snapshot();
  if (snapshot.state.kind !== 'ready') {
    void vscode.window.showErrorMessage(
      `The secrets of the cluster are not available: ` +
        `${snapshot.state.kind === 'error' ? snapshot.state.reason : snapshot.state.kind}.`,
    );
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    snapshot.secrets.map((s) => ({ label: s.name, description: s.type, secret: s })),
    { title, placeHolder: `Secret in ${snapshot.context}/${snapshot.namespace}` },
  );
  return picked?.secret;
}

/** A key given as a key row or `{ name, key }`; otherwise asked for (secret, then key). */
export async function secretKeyFrom(
  area: ClusterArea,
  arg: unknown,
  title: string,
): Promise<{ secret: SecretMeta; key: string } | undefined> {
  const given = isRow(arg) ? arg.key : (arg as { key?: unknown } | undefined)?.key;
  const secret = await secretFrom(area, arg, title);
  if (!secret) return undefined;
  if (typeof given === 'string' && given) {
    if (!secret.keys.some((k) => k.name === given)) {
      void vscode.window.showErrorMessage(`Secret "${secret.name}" has no key "${given}".`);
      return undefined;
    }
    return { secret, key: given };
  }
  if (secret.keys.length === 1) return { secret, key: secret.keys[0].name };
  const picked = await vscode.window.showQuickPick(
    secret.keys.map((k) => ({ label: k.name, description: `${k.size} bytes · ${k.binary ? 'binary' : 'text'}` })),
    { title, placeHolder: `Key of ${secret.name}` },
  );
  return picked ? { secret, key: picked.label } : undefined;
}
