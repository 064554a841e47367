/**
 * Push diagnostics, debounced per document. Each request carries a generation; a result computed for an
 * older generation, or for a version the editor has moved past, is dropped instead of published, so a slow
 * run can never overwrite a newer one. Closing a document hands it to ./documents.ts.
 */
import { capDiagnostics } from './diagnosticCap';
import { indexEntry } from './documentHandlers';
import { isRuleSettingsUri, ruleSettingsDiagnostics } from './ruleSettingsFiles';
import { ServerState } from './serverState';

export class ValidationScheduler {
  /** Per document, how to cancel its pending run. */
  private readonly pending = new Map<string, () => void>();
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly state: ServerState,
    private readonly delayMs: number,
  ) {}

  schedule(uri: string): void {
    const generation = this.bump(uri);
    this.pending.get(uri)?.();
    const fire = () => {
      this.pending.delete(uri);
      void this.run(uri, generation);
    };
    // setTimeout(0) waits at least 1 ms; with no debounce (tests, bench) the next turn of the loop is enough.
    if (this.delayMs > 0) {
      const timer = setTimeout(fire, this.delayMs);
      this.pending.set(uri, () => clearTimeout(timer));
    } else {
      const immediate = setImmediate(fire);
      this.pending.set(uri, () => clearImmediate(immediate));
    }
  }

  /** The catalog or the settings changed: every open document may judge differently now. */
  scheduleAll(): void {
    for (const doc of this.state.documents.all()) this.schedule(doc.uri);
  }

  /** The editor closed `uri`: its pending run is dropped, and its problems too unless `publish` is false. */
  clear(uri: string, publish = true): void {
    this.bump(uri);
    this.pending.get(uri)?.();
    this.pending.delete(uri);
    this.generations.delete(uri);
    if (publish) void this.state.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private bump(uri: string): number {
    const next = (this.generations.get(uri) ?? 0) + 1;
    this.generations.set(uri, next);
    return next;
  }

  private async run(uri: string, generation: number): Promise<void> {
    const doc = this.state.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    try {
      const resolved = await this.state.resolve(uri);
      // A rule settings file is told what is wrong in it; the other files, what the analysis found.
      const own = isRuleSettingsUri(uri) ? ruleSettingsDiagnostics(doc) : [];
      const diagnostics = capDiagnostics([
        ...own,
        ...(resolved ? resolved.handler.diagnostics(resolved.analysed) : []),
      ]);
      if (this.generations.get(uri) !== generation || this.state.documents.get(uri)?.version !== version) return;
      // vscode-jsonrpc writes the notification on a later turn: anything done before awaiting it delays it.
      await this.state.connection.sendDiagnostics({ uri, version, diagnostics });
      // The editor's text, not the disk's, is what hover's "also used by" should see while the file is open;
      // indexed once the diagnostics, which the user is waiting for, are out. A close or a newer run since
      // then owns the entry.
      if (this.generations.get(uri) !== generation) return;
      this.state.workspace.set(uri, indexEntry(resolved), true);
    } catch (err) {
      // A bug in one rule must not take the server down; the log names the file, never its content.
      this.state.connection.console.error(
        `validation of ${uri} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      );
    }
  }
}
