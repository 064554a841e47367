/**
 * File URIs as node writes them. VS Code and node percent-encode a few characters differently, so the
 * workspace index keys every file URI by its normalised form; both sides then agree on one string.
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export function fsPathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** A file URI whose path holds only characters that neither VS Code nor node percent-encode: already normal. */
const PLAIN_FILE_URI = /^file:\/\/\/[A-Za-z0-9/._~-]*$/;

export function normalizeUri(uri: string): string {
  // The workspace scan normalises thousands of URIs: the common case skips parsing the URI twice.
  if (PLAIN_FILE_URI.test(uri)) return uri;
  const p = fsPathOf(uri);
  return p === undefined ? uri : pathToFileURL(p).href;
}

export function uriOfPath(fsPath: string): string {
  return pathToFileURL(fsPath).href;
}

/** The workspace folder holding the file at `fsPath`, if any; of nested folders, the innermost (as VS Code picks). */
export function folderContaining(fsPath: string, folders: readonly string[]): string | undefined {
  let found: string | undefined;
  for (const f of folders) if (fsPath.startsWith(f + path.sep) && f.length > (found?.length ?? -1)) found = f;
  return found;
}
