/**
 * How the builders reach files and the environment. The CLI passes `nodeSourceReader`; the wizards pass the
 * same (the user picks real files) and tests can pass an in-memory one. Failures carry Go's wording
 * (`no such file or directory`), because kubectl's messages embed it.
 */
import * as fs from 'node:fs';
import { bytesToText, textToBytes } from './rawBytes';

export type PathKind = 'file' | 'dir' | 'other';

export interface DirEntry {
  name: string;
  /** A regular file itself, not a symlink to one: kubectl takes only these from a directory. */
  regular: boolean;
}

export interface SourceReader {
  /** Follows symlinks, as Go's os.Stat. */
  stat(path: string): PathKind;
  readFile(path: string): Uint8Array;
  /** Sorted by name, as Go's os.ReadDir. */
  readDir(path: string): DirEntry[];
  env(name: string): string | undefined;
}

/** A failed file-system call, described as Go's *os.PathError would be. */
export class FsError extends Error {
  constructor(
    readonly op: 'stat' | 'open' | 'read',
    readonly path: string,
    /** Go's syscall text, e.g. `no such file or directory`. */
    readonly reason: string,
  ) {
    super(`${op} ${path}: ${reason}`);
  }
}

const GO_ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'not a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
};

function toFsError(err: unknown, op: FsError['op'], path: string): FsError {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  // Node reports reading a directory at read time, as Go does.
  const goOp = code === 'EISDIR' ? 'read' : op;
  return new FsError(goOp, path, GO_ERRNO_TEXT[code] ?? (err instanceof Error ? err.message : String(err)));
}

// Paths go to the OS as bytes (rawBytes.ts): a name that is not UTF-8, given on the command line or found in a
// directory, names the same file kubectl would read.
export const nodeSourceReader: SourceReader = {
  stat(path) {
    try {
      const st = fs.statSync(textToBytes(path));
      return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
    } catch (err) {
      throw toFsError(err, 'stat', path);
    }
  },
  readFile(path) {
    try {
      return fs.readFileSync(textToBytes(path));
    } catch (err) {
      throw toFsError(err, 'open', path);
    }
  },
  readDir(path) {
    try {
      return fs
        .readdirSync(textToBytes(path), { withFileTypes: true, encoding: 'buffer' })
        .sort((a, b) => Buffer.compare(a.name, b.name))
        .map((d) => ({ name: bytesToText(d.name), regular: d.isFile() }));
    } catch (err) {
      throw toFsError(err, 'open', path);
    }
  },
  env(name) {
    return process.env[name];
  },
};
