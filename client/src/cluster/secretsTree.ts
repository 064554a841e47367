/**
 * The Secrets tree: maps the rows of treeModel.ts to TreeItems. Row objects are reused across updates (same id,
 * same object) so a watch event redraws only the rows it changed, without collapsing or flickering the rest.
 */
import * as vscode from 'vscode';
import type { CatalogChange, LiveCatalog } from '../../../core/src/catalog';
import { AgeTicker, systemClock, type TreeClock } from './ageTicker';
import { nextCertificateChange } from './certificateMarks';
import type { DeployedSnapshot } from '../../../core/src/deployed';
import { deployedDecoration, deployedRows, deployedUsers, usersBySecret, type DeployedUser } from './deployedRows';
import { deployedStateRow } from './noticeRows';
import {
  keyRows,
  rootRows,
  secretRow,
  secretRowId,
  treeCertificatePolicy,
  type SecretDecorator,
  type TreeRow,
} from './treeModel';

export class SecretsTreeProvider implements vscode.TreeDataProvider<TreeRow>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeRow | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private rows = new Map<string, TreeRow>();
  private readonly decorators: SecretDecorator[] = [];
  private pachydermOnly = false;
  private ignoredSettings: readonly string[] = [];
  private certificateWarningDays: number | undefined;
  private deployed: DeployedSnapshot | undefined;
  private deployedUsers = new Map<string, DeployedUser[]>();
  private failingOnly = false;
  /** The "N deployed · M failing" note of a secret row, from the last deployed snapshot. */
  private readonly deployedMark: SecretDecorator = (s) => deployedDecoration(this.deployedUsers.get(s.name) ?? []);
  private readonly listener: (s: unknown, change: CatalogChange) => void;
  /** Redraws when a shown age would read differently ("1 minute ago" an hour later), while the view is visible. */
  readonly ages = new AgeTicker(systemClock, () => this.changed.fire(undefined));

  constructor(private readonly catalog: LiveCatalog) {
    this.listener = (_s, change) => this.onCatalogChange(change);
    catalog.on('change', this.listener);
  }

  /** For another area to mark rows (e.g. Helm "platform" secrets); returns a disposable that removes it. */
  addDecorator(decorator: SecretDecorator): vscode.Disposable {
    this.decorators.push(decorator);
    this.changed.fire(undefined);
    return new vscode.Disposable(() => {
      const i = this.decorators.indexOf(decorator);
      if (i >= 0) this.decorators.splice(i, 1);
      this.changed.fire(undefined);
    });
  }

  setPachydermOnly(on: boolean): void {
    this.pachydermOnly = on;
    this.changed.fire(undefined);
  }

  /** A new deployed-pipelines snapshot (core's `DeployedWatcher`): notes, rows under secrets, the notice. */
  setDeployed(snapshot: DeployedSnapshot): void {
    this.deployed = snapshot;
    this.deployedUsers = usersBySecret(snapshot.pipelines);
    this.changed.fire(undefined);
  }

  /** The title-bar toggle: only secrets a deployed pipeline fails because of. */
  setFailingOnly(on: boolean): void {
    this.failingOnly = on;
    this.changed.fire(undefined);
  }

  /** The deployed pipelines that use a secret (and key), for confirmations and notices. */
  deployedUsersOf(secret: string, key?: string): DeployedUser[] {
    if (key === undefined) return this.deployedUsers.get(secret) ?? [];
    return deployedUsers(this.deployed?.pipelines ?? [], secret, key);
  }

  setIgnoredSettings(ignored: readonly string[]): void {
    if (ignored.join() === this.ignoredSettings.join()) return;
    this.ignoredSettings = ignored;
    this.changed.fire(undefined);
  }

  /** `pachyderm.certificateExpiryWarningDays` changed: certificate marks may read differently. */
  setCertificateWarningDays(days: number): void {
    if (days === this.certificateWarningDays) return;
    this.certificateWarningDays = days;
    this.changed.fire(undefined);
  }

  /** The view's visibility: ages are kept fresh only while it shows. */
  setVisible(visible: boolean): void {
    this.ages.setVisible(visible);
  }

  /** For tests: read ages from (and schedule their redraws on) this clock. */
  useClock(clock: TreeClock): void {
    this.ages.useClock(clock);
    this.changed.fire(undefined);
  }

  getTreeItem(row: TreeRow): vscode.TreeItem {
    const item = new vscode.TreeItem(
      row.label,
      row.collapsible ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = row.id;
    item.description = row.description;
    item.tooltip = row.tooltip;
    item.iconPath = new vscode.ThemeIcon(row.icon, row.iconColor ? new vscode.ThemeColor(row.iconColor) : undefined);
    item.contextValue = row.contextValue;
    if (row.command) item.command = row.command;
    return item;
  }

  getChildren(row?: TreeRow): TreeRow[] {
    if (row) {
      if (row.kind !== 'secret' || !row.secret) return [];
      const keys = keyRows(row.secret, treeCertificatePolicy(this.rowView()));
      return [...keys, ...deployedRows(row.secret, this.deployedUsersOf(row.secret.name))].map((r) => this.reuse(r));
    }
    const snapshot = this.catalog.snapshot();
    const notice = snapshot.state.kind === 'ready' ? deployedStateRow(this.deployed) : undefined;
    const rows = rootRows(snapshot, {
      pachydermOnly: this.pachydermOnly,
      ignoredSettings: this.ignoredSettings,
      ...this.rowView(),
      notices: notice ? [notice] : [],
      ...(this.failingOnly ? { failingOnly: (s) => this.deployedUsersOf(s.name).some((u) => u.failure) } : {}),
    });
    const secrets = rows.flatMap((r) => (r.kind === 'secret' && r.secret ? [r.secret] : []));
    this.ages.drawn(
      secrets.map((s) => s.creationTimestamp),
      nextCertificateChange(secrets, this.ages.now()),
    );
    return rows.map((r) => this.reuse(r));
  }

  /** The row of a secret, or of one of its keys, to reveal; undefined when the catalog has no such secret. */
  rowFor(name: string, key?: string): TreeRow | undefined {
    const meta = this.catalog.get(name);
    if (!meta) return undefined;
    const secret = this.reuse(secretRow(meta, this.rowView()));
    const keyRow = key === undefined ? undefined : this.getChildren(secret).find((r) => r.key === key);
    return keyRow ?? secret;
  }

  getParent(row: TreeRow): TreeRow | undefined {
    if ((row.kind !== 'key' && row.kind !== 'deployed') || !row.secret) return undefined;
    return this.rows.get(secretRowId(row.secret.namespace, row.secret.name));
  }

  /** What every secret and key row is drawn with: the marks, the tree's clock, the certificate window. */
  private rowView() {
    const { certificateWarningDays } = this;
    const decorators = [...this.decorators, this.deployedMark];
    return { decorators, now: new Date(this.ages.now()), certificateWarningDays };
  }

  private reuse(fresh: TreeRow): TreeRow {
    const existing = this.rows.get(fresh.id);
    if (!existing) {
      this.rows.set(fresh.id, fresh);
      return fresh;
    }
    for (const k of Object.keys(existing) as (keyof TreeRow)[]) if (!(k in fresh)) delete existing[k];
    Object.assign(existing, fresh);
    return existing;
  }

  private onCatalogChange(change: CatalogChange): void {
    const ns = this.catalog.snapshot().namespace;
    // Additions, removals and state changes change the list itself; edits of existing secrets only their rows.
    // (With the filter on, an edit can move a secret in or out of the list: labels decide.)
    const onlyEdits =
      !this.pachydermOnly &&
      !change.stateChanged &&
      !change.removed.length &&
      change.changed.every((n) => this.rows.has(secretRowId(ns, n)));
    if (!onlyEdits) {
      for (const name of change.removed) this.forgetSecret(ns, name);
      this.changed.fire(undefined);
      return;
    }
    for (const name of change.changed) {
      const id = secretRowId(ns, name);
      const meta = this.catalog.get(name);
      if (!meta || !this.rows.has(id)) continue;
      // Firing for the row re-reads it and its key rows.
      this.changed.fire(this.reuse(secretRow(meta, this.rowView())));
    }
  }

  private forgetSecret(ns: string, name: string): void {
    const id = secretRowId(ns, name);
    this.rows.delete(id);
    const under = [`key/${ns}/${name}/`, `deployed/${ns}/${name}/`];
    for (const k of [...this.rows.keys()]) if (under.some((u) => k.startsWith(u))) this.rows.delete(k);
  }

  dispose(): void {
    this.catalog.off('change', this.listener);
    this.ages.dispose();
    this.changed.dispose();
  }
}
