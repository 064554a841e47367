/**
 * Which pipelines in the workspace use which secret, for hover's "also used by", and which files (specs and Helm
 * values files) name each secret, for Find All References. Filled from a bounded scan of the workspace folders at
 * start-up, then kept current from file-watcher events and open documents (an open document's unsaved text wins
 * over the file on disk).
 */
import { readFileSync, statSync } from 'node:fs';
import { walkFiles } from './fileWalk';
import { normalizeUri, uriOfPath } from './uris';

/**
 * A pipeline that uses a secret, and the file it is written in: an entry of the index (not core's `SecretUse`,
 * which is one place in a spec, with its line, for the Inspect Secret text).
 */
export interface SecretUser {
  secret: string;
  pipeline: string;
  uri: string;
}

/** What one file contributes: its pipelines' uses, and every secret it names (a values file has no pipeline). */
export interface IndexEntry {
  users: SecretUser[];
  names: ReadonlySet<string>;
}

export const NO_ENTRY: IndexEntry = { users: [], names: new Set() };

export class WorkspaceIndex {
  private readonly byUri = new Map<string, SecretUser[]>();
  private readonly namesByUri = new Map<string, ReadonlySet<string>>();
  private readonly open = new Set<string>();

  /** Replaces what one file contributes. `fromEditor` uses mark text the disk must not overwrite. */
  set(rawUri: string, { users, names }: IndexEntry, fromEditor = false): void {
    const uri = normalizeUri(rawUri);
    if (!fromEditor && this.open.has(uri)) return;
    if (fromEditor) this.open.add(uri);
    if (users.length) this.byUri.set(uri, users);
    else this.byUri.delete(uri);
    if (names.size) this.namesByUri.set(uri, names);
    else this.namesByUri.delete(uri);
  }

  /** The editor closed the file: the disk is the truth again (the caller re-reads it). */
  closed(uri: string): void {
    this.open.delete(normalizeUri(uri));
  }

  delete(rawUri: string): void {
    const uri = normalizeUri(rawUri);
    if (this.open.has(uri)) return;
    this.byUri.delete(uri);
    this.namesByUri.delete(uri);
  }

  /** The closed files `gone` picks (by normalised URI) leave the index: a folder was deleted or removed. */
  deleteWhere(gone: (uri: string) => boolean): void {
    for (const uri of new Set([...this.byUri.keys(), ...this.namesByUri.keys()])) if (gone(uri)) this.delete(uri);
  }

  /** The files (normalised URIs) that name `secret`: pipeline specs and Helm values files. */
  filesNaming(secret: string): string[] {
    const out: string[] = [];
    for (const [uri, names] of this.namesByUri) if (names.has(secret)) out.push(uri);
    return out;
  }

  /** Pipelines using `secret`, minus the one asking; sorted, without duplicates. */
  usersOf(secret: string, except?: { uri: string; pipeline: string }): SecretUser[] {
    const exceptUri = except && normalizeUri(except.uri);
    const seen = new Set<string>();
    const out: SecretUser[] = [];
    for (const uses of this.byUri.values()) {
      for (const u of uses) {
        if (u.secret !== secret) continue;
        if (except && normalizeUri(u.uri) === exceptUri && u.pipeline === except.pipeline) continue;
        const id = `${u.uri}\n${u.pipeline}`;
        if (seen.has(id)) continue;
        seen.add(id);
        out.push(u);
      }
    }
    return out.sort((a, b) => (a.pipeline < b.pipeline ? -1 : a.pipeline > b.pipeline ? 1 : a.uri < b.uri ? -1 : 1));
  }

  get fileCount(): number {
    return this.byUri.size;
  }
}

const SKIPPED_DIRS = new Set(['node_modules', '.git', 'out', 'dist', '.vscode-test', '.cache']);
const MAX_FILE_BYTES = 1024 * 1024;
const skipIndexedDir = (name: string) => SKIPPED_DIRS.has(name) || name.startsWith('.');

/** How long the scan reads and judges files before it lets the server answer requests again. */
const SCAN_SLICE_MS = 10;

/**
 * Walks `roots` for files `wanted` accepts, reading at most `maxFiles` candidates, and hands each one's text to
 * `visit`, which returns false to stop the walk. `cut`: a candidate beyond the limit was found. Unreadable entries
 * are skipped: an index is best effort, never a reason to fail.
 *
 * Files are read synchronously in slices of about 10 ms, then the event loop turns: a small file's read costs
 * tens of microseconds, and the thread-pool round trips of `fs.promises` (stat, open, read, close) cost more than
 * the reading itself (bench row 14).
 */
export async function scanFolders(
  roots: readonly string[],
  wanted: (fsPath: string) => boolean,
  visit: (uri: string, text: string) => boolean,
  maxFiles: number,
): Promise<{ visited: number; cut: boolean }> {
  let visited = 0;
  let slice = performance.now();
  for await (const { fsPath } of walkFiles(roots, wanted, skipIndexedDir)) {
    if (visited >= maxFiles) return { visited, cut: true };
    visited++;
    const text = readBounded(fsPath);
    if (text !== undefined && !visit(uriOfPath(fsPath), text)) break;
    if (performance.now() - slice > SCAN_SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      slice = performance.now();
    }
  }
  return { visited, cut: false };
}

/** The file's text, unless it is over MAX_FILE_BYTES, vanished or unreadable (nothing to index then). */
export function readBounded(fsPath: string): string | undefined {
  try {
    return statSync(fsPath).size <= MAX_FILE_BYTES ? readFileSync(fsPath, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}
