/**
 * File URIs as node writes them. VS Code and node percent-encode a few characters differently, so the
 * workspace index keys every file URI by its normalised form; both sides then agree on one string.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';

export function fsPathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function normalizeUri(uri: string): string {
  const p = fsPathOf(uri);
  return p === undefined ? uri : pathToFileURL(p).href;
}

export function uriOfPath(fsPath: string): string {
  return pathToFileURL(fsPath).href;
}
