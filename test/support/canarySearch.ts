/**
 * Searching files for a canary value: as UTF-8, as UTF-16 (how browsers and V8 store strings in IndexedDB and
 * LevelDB) and as base64 at each of its three alignments (how a Secret's data, or a value inside base64, holds
 * it). Tests use it to prove a value never reached a folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The byte strings a file holding `value` would contain, in any of the encodings above. */
export function canaryNeedles(value: string): Buffer[] {
  const needles = [Buffer.from(value, 'utf8'), Buffer.from(value, 'utf16le')];
  for (const shift of [0, 1, 2]) {
    // Base64 of the value after `shift` filler bytes; the first and last 4 characters mix in filler or padding.
    const encoded = Buffer.from(`${'x'.repeat(shift)}${value}`).toString('base64');
    needles.push(Buffer.from(encoded.slice(4, -4)));
  }
  return needles;
}

export interface SearchOptions {
  /** Only files modified at or after this time (ms since the epoch). */
  modifiedSince?: number;
  /** Folders not to enter (absolute paths). */
  skip?: readonly string[];
  /** Files larger than this are not read (default 256 MiB). */
  maxBytes?: number;
}

/** Every regular file under `dir` that holds `value`; unreadable entries (other users', sockets) are passed over. */
export function filesHolding(dir: string, value: string, options: SearchOptions = {}): string[] {
  const needles = canaryNeedles(value);
  const found: string[] = [];
  const walk = (d: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory() && !options.skip?.includes(p)) walk(p);
      else if (entry.isFile() && holds(p, needles, options)) found.push(p);
    }
  };
  walk(dir);
  return found;
}

function holds(file: string, needles: Buffer[], options: SearchOptions): boolean {
  try {
    const stat = fs.statSync(file);
    if (options.modifiedSince !== undefined && stat.mtimeMs < options.modifiedSince) return false;
    if (stat.size > (options.maxBytes ?? 256 * 1024 * 1024)) return false;
    const bytes = fs.readFileSync(file);
    return needles.some((n) => bytes.includes(n));
  } catch {
    return false;
  }
}
