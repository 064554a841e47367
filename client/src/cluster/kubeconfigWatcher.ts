/**
 * Follows the kubeconfig files: `kubectl config use-context`, a new token from a login tool or a file created
 * after VS Code started all restart the catalog, as they would change what kubectl does. Polling, because it also
 * sees files that do not exist yet and files outside the workspace.
 *
 * It polls with its own stat calls against a baseline taken when watching starts, rather than fs.watchFile:
 * fs.watchFile takes its baseline asynchronously, so a write right after watch() could become the baseline and
 * never be reported.
 */
import * as fs from 'node:fs';
import type * as vscode from 'vscode';

const POLL_MS = 2000;
const SETTLE_MS = 300;

/** What identifies a version of a file; `missing` for a file that does not exist (yet). */
function stamp(file: string): string {
  try {
    const s = fs.statSync(file);
    return `${s.mtimeMs}:${s.size}:${s.ino}`;
  } catch {
    return 'missing';
  }
}

export class KubeconfigWatcher implements vscode.Disposable {
  private baselines = new Map<string, string>();
  private poller: NodeJS.Timeout | undefined;
  private settle: NodeJS.Timeout | undefined;

  constructor(
    private readonly onChange: () => void,
    private readonly pollMs = POLL_MS,
  ) {}

  watch(files: readonly string[]): void {
    const next = new Map<string, string>();
    for (const f of new Set(files)) next.set(f, this.baselines.get(f) ?? stamp(f));
    this.baselines = next;
    if (next.size && !this.poller) {
      this.poller = setInterval(() => this.poll(), this.pollMs);
      this.poller.unref();
    } else if (!next.size && this.poller) {
      clearInterval(this.poller);
      this.poller = undefined;
    }
  }

  /** The files watched now. */
  get files(): readonly string[] {
    return [...this.baselines.keys()];
  }

  private poll(): void {
    let changed = false;
    for (const [file, before] of this.baselines) {
      const now = stamp(file);
      if (now === before) continue;
      this.baselines.set(file, now);
      changed = true;
    }
    if (!changed) return;
    // Editors and kubectl write in several steps; restart once the file has settled.
    clearTimeout(this.settle);
    this.settle = setTimeout(this.onChange, SETTLE_MS);
  }

  dispose(): void {
    clearTimeout(this.settle);
    this.watch([]);
  }
}
