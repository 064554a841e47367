/**
 * The candidate files under each PATH given to `check`. Symbolic links are followed, to files and to folders,
 * and each real folder is searched once, so a link back to an ancestor cannot loop. Names are bytes: a file
 * name that is not valid UTF-8 is read by its exact bytes and shown with the bad bytes as `\xNN`. Whatever
 * cannot be read (a dangling link, a link loop, a folder or file the OS refuses) is reported, never skipped
 * in silence.
 */
import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { bytesToText, textToBytes } from '../../core/src/manifest';

export interface Candidate {
  /** The exact bytes of the path, for reading. */
  path: Buffer;
  /** The path as text, for output and for matching (bad bytes as lone surrogates; see rawBytes.ts). */
  shown: string;
}

export interface WalkResult {
  files: Candidate[];
  /** One sentence per thing that could not be read; each makes the run an input error. */
  unreadable: string[];
  /** Things skipped on purpose (a link back to a folder already searched). */
  notes: string[];
}

const CANDIDATE = /\.(json|ya?ml)$/i;

/** What an errno code means, for messages read by people who do not know the codes. */
export function errnoText(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  const meaning: Record<string, string> = {
    ENOENT: 'it does not exist',
    ELOOP: 'too many levels of symbolic links (a link loop)',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOTDIR: 'a part of the path is not a folder',
    EISDIR: 'it is a folder',
    EIO: 'input/output error',
  };
  return code ? `${meaning[code] ?? 'the system refused'} (${code})` : String(err);
}

/** Adds the candidates under one PATH to `result`; false when the PATH itself does not exist (a usage error). */
export function walkPath(path: string, result: WalkResult, searched = new Set<string>()): boolean {
  const bytes = textToBytes(path);
  let st: Stats;
  try {
    st = statSync(bytes);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR')
      return false;
    result.unreadable.push(`cannot read ${path}: ${errnoText(err)}`);
    return true;
  }
  if (st.isDirectory()) walkFolder({ path: bytes, shown: path }, result, searched, []);
  else if (st.isFile()) result.files.push({ path: bytes, shown: path });
  else result.unreadable.push(`cannot read ${path}: it is not a regular file`);
  return true;
}

function walkFolder(dir: Candidate, result: WalkResult, searched: Set<string>, ancestors: string[]): void {
  let real: string;
  let entries;
  try {
    real = realpathSync(dir.path, { encoding: 'buffer' }).toString('latin1');
    entries = readdirSync(dir.path, { withFileTypes: true, encoding: 'buffer' });
  } catch (err) {
    result.unreadable.push(`cannot read folder ${dir.shown}: ${errnoText(err)}`);
    return;
  }
  if (searched.has(real)) {
    if (ancestors.includes(real)) result.notes.push(`skipped ${dir.shown}: it links back to a folder that contains it`);
    return;
  }
  searched.add(real);
  entries.sort((a, b) => Buffer.compare(a.name, b.name));
  for (const entry of entries) {
    const name = entry.name;
    // Text and bytes convert both ways exactly (rawBytes.ts), so join's tidying of "./x" loses nothing.
    const shown = join(dir.shown, bytesToText(name));
    const child: Candidate = { path: textToBytes(shown), shown };
    const text = name.toString('latin1');
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      if (skippedFolder(text) && !CANDIDATE.test(text)) continue;
      let st: Stats;
      try {
        st = statSync(child.path);
      } catch (err) {
        const why =
          (err as NodeJS.ErrnoException).code === 'ENOENT'
            ? 'it is a symbolic link to something that does not exist'
            : errnoText(err);
        result.unreadable.push(`cannot read ${child.shown}: ${why}`);
        continue;
      }
      isDir = st.isDirectory();
      isFile = st.isFile();
    }
    if (isDir) {
      if (!skippedFolder(text)) walkFolder(child, result, searched, [...ancestors, real]);
    } else if (CANDIDATE.test(text)) {
      // A FIFO or device named like a spec would block or never end if read: report it instead.
      if (isFile) result.files.push(child);
      else result.unreadable.push(`cannot read ${child.shown}: it is not a regular file`);
    }
  }
}

function skippedFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}
