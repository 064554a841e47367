/**
 * Breadth-first walk of the workspace folders, shared by the background index scan and the on-demand secret
 * search. Each caller decides which folders to skip and when to stop (it just stops iterating).
 */
import { promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';

export interface WalkedFile {
  /** The workspace folder the file was found under. */
  root: string;
  fsPath: string;
}

export async function* walkFiles(
  roots: readonly string[],
  wanted: (fsPath: string) => boolean,
  skipDir: (name: string) => boolean,
): AsyncGenerator<WalkedFile> {
  const queue = roots.map((root) => ({ root, dir: root }));
  while (queue.length) {
    const { root, dir } = queue.shift()!;
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      // Vanished or unreadable: a walk is best effort, never a reason to fail.
      continue;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!skipDir(e.name)) queue.push({ root, dir: p });
      } else if (e.isFile() && wanted(p)) {
        yield { root, fsPath: p };
      }
    }
  }
}
