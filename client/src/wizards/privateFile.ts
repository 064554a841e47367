import * as fs from 'node:fs';

/**
 * Writes a manifest readable by its owner only (0600): base64 is not encryption, so the file is as sensitive as
 * the values. An existing file is narrowed to 0600 before the values are written into it.
 */
export function writePrivateFile(path: string, text: string): void {
  if (fs.existsSync(path)) fs.chmodSync(path, 0o600);
  fs.writeFileSync(path, text, { mode: 0o600 });
  fs.chmodSync(path, 0o600);
}
