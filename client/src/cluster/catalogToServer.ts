/**
 * Sends every catalog snapshot to the language server, coalesced: a burst of watch events (a namespace being
 * seeded, a relist) becomes one notification carrying the latest snapshot.
 */
import type * as vscode from 'vscode';
import type { CatalogSnapshot } from '../../../core/src/catalog';
import { CatalogNotification } from '../../../core/src/protocol';
import type { ExtensionHost } from '../host';

export const COALESCE_MS = 50;

export class CatalogForwarder implements vscode.Disposable {
  private pending: CatalogSnapshot | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly host: ExtensionHost) {}

  push(snapshot: CatalogSnapshot): void {
    this.pending = snapshot;
    this.timer ??= setTimeout(() => this.flush(), COALESCE_MS);
  }

  private flush(): void {
    this.timer = undefined;
    const snapshot = this.pending;
    this.pending = undefined;
    if (!snapshot) return;
    this.host.client.sendNotification(CatalogNotification.type, snapshot).catch((err: unknown) => {
      this.host.output.warn(
        `could not send the secret catalog to the language server: ${err instanceof Error ? err.message : String(err)}`,
      );
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}
