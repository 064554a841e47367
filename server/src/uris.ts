/**
 * File URIs as node writes them. VS Code and node percent-encode a few characters differently, so the
 * workspace index keys every file URI by its normalised form; both sides then agree on one string.
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { plainFileUriPath } from '../../core/src/analysis';

// On POSIX a plain file URI's path is the file's path (core's plainFileUriPath), with no URL parsing.
const POSIX = path.sep === '/';
const FILE = 'file://';

export function fsPathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  const plain = POSIX ? plainFileUriPath(uri) : undefined;
  if (plain !== undefined) return plain;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function normalizeUri(uri: string): string {
  if (POSIX && plainFileUriPath(uri) !== undefined) return uri;
  const p = fsPathOf(uri);
  return p === undefined ? uri : pathToFileURL(p).href;
}

export function uriOfPath(fsPath: string): string {
  return POSIX && plainFileUriPath(FILE + fsPath) !== undefined ? FILE + fsPath : pathToFileURL(fsPath).href;
}

/** The workspace folder holding the file at `fsPath`, if any; of nested folders, the innermost (as VS Code picks). */
export function folderContaining(fsPath: string, folders: readonly string[]): string | undefined {
  let found: string | undefined;
  for (const f of folders) if (fsPath.startsWith(f + path.sep) && f.length > (found?.length ?? -1)) found = f;
  return found;
}
