/**
 * Sends the cluster's snapshots to the language server, coalesced: a burst of watch events (a namespace being
 * seeded, a relist, pods failing one after another) becomes one notification carrying the latest snapshot. Three
 * feeds: the secret catalog (`CatalogNotification`), the deployed pipelines (`DeployedNotification`, as a
 * summary without any pod message) and the extra targets' catalogs (`TargetCatalogsNotification`).
 */
import type * as vscode from 'vscode';
import type { NotificationType } from 'vscode-languageclient/node';
import type { CatalogSnapshot, TargetSnapshot } from '../../../core/src/catalog';
import { summarizeDeployed, type DeployedSnapshot, type DeployedSummary } from '../../../core/src/deployed';
import {
  CatalogNotification,
  DeployedNotification,
  TargetCatalogsNotification,
  type TargetCatalogsParams,
} from '../../../core/src/protocol';
import type { ExtensionHost } from '../host';

export const COALESCE_MS = 50;

/** Sends the latest of what was pushed within `COALESCE_MS`, as `toParams` makes it, once. */
class SnapshotForwarder<S, P> implements vscode.Disposable {
  private pending: S | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly host: ExtensionHost,
    private readonly type: NotificationType<P>,
    /** What the snapshot is, for the warning when it cannot be sent. */
    private readonly what: string,
    private readonly toParams: (snapshot: S) => P,
  ) {}

  push(snapshot: S): void {
    this.pending = snapshot;
    this.timer ??= setTimeout(() => this.flush(), COALESCE_MS);
  }

  private flush(): void {
    this.timer = undefined;
    const snapshot = this.pending;
    this.pending = undefined;
    if (snapshot === undefined) return;
    this.host.client.sendNotification(this.type, this.toParams(snapshot)).catch((err: unknown) => {
      this.host.output.warn(
        `could not send ${this.what} to the language server: ${err instanceof Error ? err.message : String(err)}`,
      );
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}

export class CatalogForwarder extends SnapshotForwarder<CatalogSnapshot, CatalogSnapshot> {
  constructor(host: ExtensionHost) {
    super(host, CatalogNotification.type, 'the secret catalog', (s) => s);
  }
}

/** The deployed pipelines go as a summary: reduced when sent, so a burst is summarised once. */
export class DeployedForwarder extends SnapshotForwarder<DeployedSnapshot, DeployedSummary> {
  constructor(host: ExtensionHost) {
    super(host, DeployedNotification.type, 'the deployed pipelines', summarizeDeployed);
  }
}

/** Every extra target's latest snapshot, labelled, in one notification (./extraTargets.ts). */
export class TargetsForwarder extends SnapshotForwarder<TargetSnapshot[], TargetCatalogsParams> {
  constructor(host: ExtensionHost) {
    super(host, TargetCatalogsNotification.type, "the extra targets' catalogs", (targets) => ({ targets }));
  }
}
