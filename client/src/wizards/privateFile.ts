import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Why a manifest could not be saved: the path and the cause in words (never the contents). */
export class PrivateFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`could not save ${path}: ${reason}`);
  }
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  EROFS: 'the file system is read-only',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ENOENT: 'its folder does not exist',
  ENAMETOOLONG: 'the name is too long',
  EBUSY: 'the file is busy',
  ELOOP: 'too many symbolic links in the path',
  EIO: 'an input/output error',
};

function reasonOf(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  return (code && REASONS[code]) ?? (code ? `error ${code}` : 'an unexpected error');
}

/**
 * Writes a manifest readable by its owner only (0600): base64 is not encryption, so the file is as sensitive as
 * the values. The text goes to a new file in the same folder, created exclusively with mode 0600 and synced,
 * which is then renamed over the target. So nothing is ever written through an existing file: a symlink at the
 * target is replaced by the file (what it pointed to is untouched), another hard link to an old file keeps the
 * old contents, a file others could read never holds the values even for a moment, and a failure part way
 * leaves the target as it was. Throws PrivateFileError.
 */
export function writePrivateFile(target: string, text: string): void {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  let created = false;
  try {
    fd = fs.openSync(temp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600);
    created = true;
    // The umask can only narrow the mode; set it exactly.
    fs.fchmodSync(fd, 0o600);
    fs.writeFileSync(fd, text);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, target);
  } catch (err) {
    if (fd !== undefined) fs.closeSync(fd);
    // Only the file made here is removed, never one that was there already.
    if (created) fs.rmSync(temp, { force: true });
    throw new PrivateFileError(target, reasonOf(err));
  }
  syncFolder(path.dirname(target));
}

/** Makes the rename itself durable; some file systems cannot sync a folder, which loses nothing written. */
function syncFolder(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Best effort only.
  }
}
