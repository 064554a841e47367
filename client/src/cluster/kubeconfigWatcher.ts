/**
 * Follows the kubeconfig files: `kubectl config use-context`, a new token from a login tool or a file created
 * after VS Code started all restart the catalog, as they would change what kubectl does. Polling (fs.watchFile)
 * because it also sees files that do not exist yet and files outside the workspace.
 */
import * as fs from 'node:fs';
import type * as vscode from 'vscode';

const POLL_MS = 2000;
const SETTLE_MS = 300;

export class KubeconfigWatcher implements vscode.Disposable {
  private watched = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private readonly listener = (curr: fs.Stats, prev: fs.Stats) => {
    if (curr.mtimeMs === prev.mtimeMs && curr.size === prev.size) return;
    // Editors and kubectl write in several steps; restart once the file has settled.
    clearTimeout(this.timer);
    this.timer = setTimeout(this.onChange, SETTLE_MS);
  };

  constructor(private readonly onChange: () => void) {}

  watch(files: readonly string[]): void {
    const next = new Set(files);
    for (const f of this.watched) if (!next.has(f)) fs.unwatchFile(f, this.listener);
    for (const f of next) if (!this.watched.has(f)) fs.watchFile(f, { interval: POLL_MS, persistent: false }, this.listener);
    this.watched = next;
  }

  /** The files watched now. */
  get files(): readonly string[] {
    return [...this.watched];
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.watch([]);
  }
}
