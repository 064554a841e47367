/**
 * File URIs as node writes them. VS Code and node percent-encode a few characters differently, so the
 * workspace index keys every file URI by its normalised form; both sides then agree on one string.
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// The workspace scan converts thousands of paths and URIs: the common case skips node's URL functions.
const POSIX = path.sep === '/';
/** Characters that neither VS Code nor node percent-encode in a path (not `~`: node 20 writes `%7E`). */
const PLAIN = /^\/[A-Za-z0-9/._-]*$/;
/** A `.` or `..` segment, or an empty one (`//`), which node's URL functions resolve away. */
const UNRESOLVED = /\/\.\.?(\/|$)|\/\//;

/** Whether a POSIX path is spelled the same as a file URI's path, node's way, with nothing to encode or resolve. */
const plainPath = (p: string): boolean => POSIX && PLAIN.test(p) && !UNRESOLVED.test(p);
const FILE = 'file://';

export function fsPathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  if (uri.startsWith(FILE) && plainPath(uri.slice(FILE.length))) return uri.slice(FILE.length);
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function normalizeUri(uri: string): string {
  if (uri.startsWith(FILE) && plainPath(uri.slice(FILE.length))) return uri;
  const p = fsPathOf(uri);
  return p === undefined ? uri : pathToFileURL(p).href;
}

export function uriOfPath(fsPath: string): string {
  return plainPath(fsPath) ? FILE + fsPath : pathToFileURL(fsPath).href;
}

/** The workspace folder holding the file at `fsPath`, if any; of nested folders, the innermost (as VS Code picks). */
export function folderContaining(fsPath: string, folders: readonly string[]): string | undefined {
  let found: string | undefined;
  for (const f of folders) if (fsPath.startsWith(f + path.sep) && f.length > (found?.length ?? -1)) found = f;
  return found;
}
