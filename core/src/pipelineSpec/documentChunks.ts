/**
 * A file of many specs as chunks that parse on their own, so that an edit re-parses one chunk
 * (core/src/analysis/incrementalAnalyzer.ts) and a whole-file parse is the same chunks parsed in turn.
 *
 * A line that is `---` at column 0 with only blanks after it always starts a new document: in JSON no string
 * can span a line break, and yaml.v3 (what pachctl reads specs with) ends any node at a document marker, even
 * an unclosed quoted scalar. A `%` directive at column 0 applies to the document after it, so a YAML file
 * with directives is one chunk.
 */
import type { OffsetRange } from '../text';
import type { SpecFormat } from './tree';

/** A chunk of a file's text. */
export interface ChunkRange extends OffsetRange {
  /** The rest of a file past `MAX_CHUNKS`: not read, see `documentChunks`. */
  unread?: true;
}

/**
 * The most chunks a file is read in. Past it the rest of the file is one unread chunk (one diagnostic says so):
 * each chunk costs a few hundred bytes and microseconds however empty, and 5 million `---` lines (20 MB) took
 * 3.5 GB in the server. Real files hold a few hundred specs at most.
 */
export const MAX_CHUNKS = 10_000;

/**
 * Each separator line's start and the start of the line after it (or the end of the text), flat: [start, next,
 * start, next, …], at most `limit` of them. This runs on every edit of a large file, so it allocates one array
 * and slices nothing.
 */
function separatorOffsets(text: string, limit: number): number[] {
  const out: number[] = [];
  let lineStart = lineStartingWith(text, '---', 0);
  for (; lineStart >= 0 && out.length < 2 * limit; lineStart = lineStartingWith(text, '---', lineStart + 3)) {
    let lineEnd = text.indexOf('\n', lineStart + 3);
    if (lineEnd < 0) lineEnd = text.length;
    if (isBlank(text, lineStart + 3, lineEnd)) out.push(lineStart, Math.min(lineEnd + 1, text.length));
  }
  return out;
}

/** Whether `text[from, to)` is only whitespace (what `trim` removes), without slicing it. */
function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // The common case, a line break right after `---`, never gets here; anything unusual asks `trim`.
    if (c !== 32 && c !== 9 && c !== 13) return text.slice(from, to).trim() === '';
  }
  return true;
}

/**
 * The first offset ≥ `from` where a line starts with `prefix`, or -1. This runs on every edit of a large file:
 * searching for the prefix and checking the character before it is several times faster than searching for
 * a line break followed by it, as line breaks are far more common than `-` or `%`.
 */
function lineStartingWith(text: string, prefix: string, from: number): number {
  for (let at = text.indexOf(prefix, from); at >= 0; at = text.indexOf(prefix, at + 1)) {
    if (at === 0 || text.charCodeAt(at - 1) === 10 /* \n */) return at;
  }
  return -1;
}

/**
 * The chunks of `text`, in order. JSON: the text between separator lines (the lines themselves belong to no
 * document). YAML: each chunk starts at its `---` line, which is part of the document it opens.
 */
export function documentChunks(text: string, format: SpecFormat): ChunkRange[] {
  const seps = format === 'yaml' && hasDirective(text) ? [] : separatorOffsets(text, MAX_CHUNKS + 1);
  // MAX_CHUNKS + 1 separators: more than MAX_CHUNKS documents. The chunk after the first MAX_CHUNKS separators,
  // the last one made, then runs to the end of the file: that is the unread rest.
  const capped = seps.length === 2 * (MAX_CHUNKS + 1);
  if (capped) seps.length = 2 * MAX_CHUNKS;
  const out = chunksBetween(text, format, seps);
  if (capped) out[out.length - 1].unread = true;
  return out;
}

function chunksBetween(text: string, format: SpecFormat, seps: readonly number[]): ChunkRange[] {
  const out: ChunkRange[] = [];
  let start = 0;
  if (format === 'json') {
    for (let i = 0; i < seps.length; i += 2) {
      out.push({ start, end: seps[i] });
      start = seps[i + 1];
    }
    out.push({ start, end: text.length });
    return out;
  }
  for (let i = 0; i < seps.length; i += 2) {
    if (seps[i] > start) out.push({ start, end: seps[i] });
    start = seps[i];
  }
  if (text.length > start || out.length === 0) out.push({ start, end: text.length });
  return out;
}

function hasDirective(text: string): boolean {
  return lineStartingWith(text, '%', 0) >= 0;
}
