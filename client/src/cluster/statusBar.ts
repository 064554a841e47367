/**
 * The status bar item: the catalog's state in a word, and in the tooltip why cluster checks are silent when the
 * catalog is not ready (the language server says nothing then, so this is where the user learns why).
 */
import * as vscode from 'vscode';
import type { CatalogSnapshot } from '../../../core/src/catalog';
import { SECRETS_VIEW } from './commandIds';
import { statusText } from './statusModel';

export class CatalogStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'pachyderm.catalogStatus',
    vscode.StatusBarAlignment.Left,
    50,
  );

  constructor() {
    this.item.name = 'Pachyderm Secrets';
    this.item.command = `${SECRETS_VIEW}.focus`;
  }

  update(snapshot: CatalogSnapshot): void {
    const { text, tooltip, error } = statusText(snapshot);
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.backgroundColor = error ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  /** For tests: what the item shows. */
  get current(): { text: string; tooltip: string } {
    return { text: this.item.text, tooltip: String(this.item.tooltip ?? '') };
  }

  dispose(): void {
    this.item.dispose();
  }
}
