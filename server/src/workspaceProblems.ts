/**
 * Problems of the workspace's closed files (`pachyderm.diagnosticsScope` = `workspace`): every pipeline spec,
 * Helm values file and Secret manifest the workspace scan (./workspaceScan.ts) reads gets its diagnostics, pushed with
 * `publishDiagnostics` for a file no editor has open. An open file belongs to ./validation.ts; when its editor
 * closes, the disk's text takes over without a moment of empty Problems. A new catalog, certificate moment or
 * setting checks the kept files again and publishes only the files whose problems changed.
 *
 * Push, not LSP 3.17's pull (`workspace/diagnostic`): vscode-languageclient 9.0.1 polls a workspace pull every 2 s
 * and, when an editor closes, drops the file's diagnostics while keeping the workspace result id, so the file
 * stays without Problems until its text changes (microsoft/vscode-languageserver-node #1673, fixed after 9.0.1).
 * Push also lets a catalog change reach Problems the moment the re-check has run, with no request round trip.
 */
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { RULES, type DocumentKind } from '../../core/src/analysis';
import { capDiagnostics } from './diagnosticCap';
import type { AnalysedDocument, ClosedFileContexts, DocumentHandler, FeatureContext } from './documentHandler';
import { handle } from './documentHandlers';
import type { ServerSettings } from './settings';
import { fsPathOf, normalizeUri } from './uris';
import { readBounded } from './workspaceIndex';

/**
 * A closed file with problems to show: neither its text nor its analysis (a Secret manifest's values must not stay
 * in the server, and 4,000 parse trees would not fit), but the secrets it names, so a catalog change re-reads only
 * the files it concerns, and what was last published for it, so a re-check that changes nothing sends nothing.
 */
interface Kept {
  languageId: string;
  /** The secrets its pipelines name (the workspace index's `SecretUser`s). */
  names: ReadonlySet<string>;
  kind: DocumentKind;
  /** Its findings include one that reads the catalog (a "did you mean" may change with any secret). */
  readsCatalog: boolean;
  /** What was last published; undefined: unknown (an editor's problems may be shown), so the next is sent. */
  published: Diagnostic[] | undefined;
}

export type Handled = { analysed: AnalysedDocument; handler: DocumentHandler } | undefined;

/** How many files a re-check judges between two turns of the event loop, so requests are still answered. */
const RECHECK_BATCH = 100;
const NOTHING: Diagnostic[] = [];

export const workspaceScope = (settings: ServerSettings): boolean => settings.diagnosticsScope === 'workspace';

/** The settings that decide which closed files are read and judged: the workspace's, then each folder's. */
function chosenFiles(settings: readonly ServerSettings[]): string {
  return JSON.stringify(
    settings.map((s) => [s.diagnosticsScope, s.diagnosticsMaxFiles, s.specFiles, s.helmValuesFiles]),
  );
}

/** Whether two lists would show the same in Problems (compared field by field: no JSON of thousands of files). */
function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.code !== y.code || x.message !== y.message || x.severity !== y.severity) return false;
    const [r, q] = [x.range, y.range];
    if (r.start.line !== q.start.line || r.start.character !== q.start.character) return false;
    if (r.end.line !== q.end.line || r.end.character !== q.end.character) return false;
    if (JSON.stringify(x.data) !== JSON.stringify(y.data)) return false;
  }
  return true;
}

/** What the scan says when it stops at `limit` files. */
export function limitMessage(limit: number): string {
  return (
    `the workspace folders hold more than ${limit} JSON and YAML files, so Problems shows the problems of the ` +
    `first ${limit} read and of the files you open. Raise pachyderm.diagnosticsMaxFiles to check more.`
  );
}

function concerned(kept: Kept, changed: ReadonlySet<string> | 'all'): boolean {
  if (changed === 'all' || kept.kind !== 'pipeline' || kept.readsCatalog) return true;
  for (const name of changed) if (kept.names.has(name)) return true;
  return false;
}

export class WorkspaceProblems {
  private readonly files = new Map<string, Kept>();
  private recheckGeneration = 0;
  private scanGeneration = 0;
  private scannedWith = '';

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
  ) {}

  /**
   * Judges a closed file's text (`h`: the caller's analysis of `doc` in `ctx`) and publishes its problems when they
   * changed. `closed`: its editor has just closed, so the editor's problems are still shown and must be replaced
   * even by none.
   */
  check(doc: TextDocument, h: Handled, ctx: FeatureContext, closed = false): void {
    const uri = normalizeUri(doc.uri);
    if (this.isOpen(uri)) return;
    if (!h || !workspaceScope(ctx.settings)) {
      this.remove(uri, closed);
      return;
    }
    const kept = this.files.get(uri) ?? ({ published: closed ? undefined : NOTHING } as Kept);
    kept.languageId = doc.languageId;
    this.files.set(uri, kept);
    this.judged(uri, kept, h);
  }

  /** The file is gone (deleted, no longer a spec, past the limit) or out of scope: its problems go with it. */
  remove(rawUri: string, always = false): void {
    const uri = normalizeUri(rawUri);
    const kept = this.files.get(uri);
    this.files.delete(uri);
    if (always || (kept && kept.published?.length !== 0))
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** An editor opened the file: ./validation.ts publishes for it from now on. */
  opened(rawUri: string): void {
    this.files.delete(normalizeUri(rawUri));
  }

  /**
   * Judges the kept files again (a new catalog, moment, rule settings or setting), each read again from disk and
   * judged in its own context (its folder's settings); a newer re-check stops this one. `changed`: the secrets a new
   * catalog changed; then a spec is judged again only if it names one of them or has a finding that reads the
   * catalog. Any other kind always is (a Helm values file's chart has default secret names it need not spell).
   */
  async recheck(
    contexts: () => Promise<ClosedFileContexts>,
    changed: ReadonlySet<string> | 'all' = 'all',
  ): Promise<void> {
    const generation = ++this.recheckGeneration;
    const { base, forFile } = await contexts();
    if (generation !== this.recheckGeneration) return;
    if (!workspaceScope(base.settings)) return this.clear();
    let judged = 0;
    for (const [uri, kept] of [...this.files]) {
      if (this.files.get(uri) !== kept || !concerned(kept, changed) || this.isOpen(uri)) continue;
      const fsPath = fsPathOf(uri);
      const text = fsPath === undefined ? undefined : readBounded(fsPath);
      const h =
        text === undefined ? undefined : handle(TextDocument.create(uri, kept.languageId, 0, text), forFile(uri), true);
      if (!h) this.remove(uri);
      else this.judged(uri, kept, h);
      if (++judged % RECHECK_BATCH === 0) {
        await new Promise((resolve) => setImmediate(resolve));
        if (generation !== this.recheckGeneration) return;
      }
    }
  }

  /** Every closed file's problems leave Problems (the scope is now `openFiles`). */
  clear(): void {
    for (const uri of [...this.files.keys()]) this.remove(uri);
  }

  /**
   * A scan starts with `settings` (the workspace's, then each folder's): an older one still walking stops at its
   * next file (`isCurrentScan`).
   */
  startScan(settings: readonly ServerSettings[]): number {
    this.scannedWith = chosenFiles(settings);
    return ++this.scanGeneration;
  }

  /** Whether the last scan read the files these settings choose (else the workspace must be walked again). */
  scannedFor(settings: readonly ServerSettings[]): boolean {
    return this.scannedWith === chosenFiles(settings);
  }

  isCurrentScan(generation: number): boolean {
    return generation === this.scanGeneration;
  }

  /** After a whole scan: the files it did not see (deleted meanwhile, beyond a lowered limit) leave Problems. */
  keepOnly(seen: ReadonlySet<string>): void {
    this.removeWhere((uri) => !seen.has(uri));
  }

  /** The kept files `gone` picks (by normalised URI) leave Problems now: a folder was deleted or removed. */
  removeWhere(gone: (uri: string) => boolean): void {
    for (const uri of [...this.files.keys()]) if (gone(uri)) this.remove(uri);
  }

  get size(): number {
    return this.files.size;
  }

  private judged(uri: string, kept: Kept, h: NonNullable<Handled>): void {
    const { analysis } = h.analysed;
    kept.kind = analysis.kind;
    kept.readsCatalog = analysis.findings.some((f) => RULES[f.code]?.needsCatalog);
    kept.names = new Set((h.handler.secretUsers?.(h.analysed) ?? []).map((u) => u.secret));
    this.publish(uri, kept, capDiagnostics(h.handler.diagnostics(h.analysed)));
  }

  private publish(uri: string, kept: Kept, diagnostics: Diagnostic[]): void {
    if (kept.published && sameDiagnostics(kept.published, diagnostics)) return;
    kept.published = diagnostics;
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }

  private isOpen(uri: string): boolean {
    for (const doc of this.documents.all()) if (normalizeUri(doc.uri) === uri) return true;
    return false;
  }
}
