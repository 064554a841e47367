/**
 * The Secrets tree: maps the rows of treeModel.ts to TreeItems. Row objects are reused across updates (same id,
 * same object) so a watch event redraws only the rows it changed, without collapsing or flickering the rest.
 */
import * as vscode from 'vscode';
import type { CatalogChange, LiveCatalog } from '../../../core/src/catalog';
import { AgeTicker, systemClock, type TreeClock } from './ageTicker';
import { nextCertificateChange } from './certificateMarks';
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
      return keyRows(row.secret, treeCertificatePolicy(this.rowView())).map((r) => this.reuse(r));
    }
    const rows = rootRows(this.catalog.snapshot(), {
      pachydermOnly: this.pachydermOnly,
      ignoredSettings: this.ignoredSettings,
      ...this.rowView(),
    });
    const secrets = rows.flatMap((r) => (r.kind === 'secret' && r.secret ? [r.secret] : []));
    this.ages.drawn(
      secrets.map((s) => s.creationTimestamp),
      nextCertificateChange(secrets, this.ages.now()),
    );
    return rows.map((r) => this.reuse(r));
  }

  getParent(row: TreeRow): TreeRow | undefined {
    if (row.kind !== 'key' || !row.secret) return undefined;
    return this.rows.get(secretRowId(row.secret.namespace, row.secret.name));
  }

  /** What every secret and key row is drawn with: the marks, the tree's clock, the certificate window. */
  private rowView() {
    const { decorators, certificateWarningDays } = this;
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
    for (const k of [...this.rows.keys()]) if (k.startsWith(`key/${ns}/${name}/`)) this.rows.delete(k);
  }

  dispose(): void {
    this.catalog.off('change', this.listener);
    this.ages.dispose();
    this.changed.dispose();
  }
}
