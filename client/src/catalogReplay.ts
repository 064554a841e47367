/**
 * Remembers the last catalog snapshot sent to the language server, so a server the client restarted after a
 * crash gets it again at once instead of checking specs with no catalog until the cluster next changes.
 * No `vscode` import: unit-tested directly.
 */
import type { CatalogSnapshot } from '../../core/src/catalog';
import { CatalogNotification } from '../../core/src/protocol';

export class CatalogReplay {
  private last: CatalogSnapshot | undefined;
  private runs = 0;

  /** Every notification the client sends passes here (language client middleware). */
  sent(method: string, params: unknown): void {
    if (method === CatalogNotification.method) this.last = params as CatalogSnapshot;
  }

  /** The server is running (again): the snapshot to send it, when this is a restart. */
  running(): CatalogSnapshot | undefined {
    this.runs++;
    return this.runs > 1 ? this.last : undefined;
  }
}
