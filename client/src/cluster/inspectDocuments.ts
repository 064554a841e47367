/**
 * The read-only Inspect Secret documents (scheme `pachyderm-secret`): rendered from the catalog's metadata with
 * values masked, re-rendered when the catalog changes. Only names are in their URIs.
 */
import * as vscode from 'vscode';
import type { CatalogChange } from '../../../core/src/catalog';
import {
  INSPECT_SCHEME,
  inspectedSecretName,
  inspectSecretPath,
  type SecretUsesResult,
} from '../../../core/src/protocol';
import { certificateWarningDays } from './certificateSetting';
import { inspectSecretText } from './inspectSecretText';
import type { ClusterArea } from './clusterArea';
import { cutNote, workspaceUses } from './workspaceUses';

export { INSPECT_SCHEME };

/** The Inspect document's list of uses, with a note when it may be incomplete. */
async function inspectUses(
  area: ClusterArea,
  name: string,
): Promise<{ uses: SecretUsesResult['uses']; note?: string }> {
  const answer = await workspaceUses(area, name);
  if (!answer.ok) return { uses: [], note: `not searched: ${answer.reason}` };
  const { uses, searchedOnly } = answer.result;
  return searchedOnly === undefined ? { uses } : { uses, note: cutNote(searchedOnly) };
}

/** The read-only Inspect documents, re-rendered when the catalog changes. */
export class InspectDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly listener = (_s: unknown, change: CatalogChange) => this.onCatalogChange(change);

  constructor(private readonly area: ClusterArea) {
    area.catalog.on('change', this.listener);
  }

  /** The URI of a secret's Inspect document in the current target: names only, values are masked in it. */
  uriOf(secretName: string): vscode.Uri {
    const { context, namespace } = this.area.catalog.target();
    return vscode.Uri.from({ scheme: INSPECT_SCHEME, path: inspectSecretPath(context, namespace, secretName) });
  }

  refresh(uri: vscode.Uri): void {
    this.emitter.fire(uri);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const name = nameOf(uri);
    const meta = this.area.catalog.get(name);
    if (!meta)
      return (
        `Secret "${name}" is not in the catalog of ` +
        `${this.area.catalog.target().context}/${this.area.catalog.target().namespace}.\n`
      );
    const { uses, note } = await inspectUses(this.area, name);
    return inspectSecretText(meta, uses, undefined, note, certificateWarningDays());
  }

  /** An open Inspect document follows its secret: new keys, labels, or its deletion. */
  private onCatalogChange(change: CatalogChange): void {
    const touched = new Set([...change.changed, ...change.removed]);
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.uri.scheme === INSPECT_SCHEME && (change.stateChanged || touched.has(nameOf(doc.uri))))
        this.emitter.fire(doc.uri);
    }
  }

  dispose(): void {
    this.area.catalog.off('change', this.listener);
    this.emitter.dispose();
  }
}

function nameOf(uri: vscode.Uri): string {
  return inspectedSecretName(uri.path);
}
