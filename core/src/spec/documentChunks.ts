/**
 * A file of many specs as chunks that parse on their own, so that an edit re-parses one chunk
 * (core/src/analysis/incrementalAnalyzer.ts) and a whole-file parse is the same chunks parsed in turn.
 *
 * A line that is `---` at column 0 with only blanks after it always starts a new document: in JSON no string
 * can span a line break, and yaml.v3 (what pachctl reads specs with) ends any node at a document marker, even
 * an unclosed quoted scalar. A `%` directive at column 0 applies to the document after it, so a YAML file
 * with directives is one chunk.
 */
import type { SpecFormat } from './tree';

export interface TextRange {
  start: number;
  end: number;
}

/** Each separator line as [its start, the start of the line after it (or the end of the text)]. */
export function separatorLines(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let lineStart = lineStartingWith(text, '---', 0); lineStart >= 0; lineStart = lineStartingWith(text, '---', lineStart + 3)) {
    let lineEnd = text.indexOf('\n', lineStart + 3);
    if (lineEnd < 0) lineEnd = text.length;
    if (text.slice(lineStart + 3, lineEnd).trim() === '') out.push([lineStart, Math.min(lineEnd + 1, text.length)]);
  }
  return out;
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
export function documentChunks(text: string, format: SpecFormat): TextRange[] {
  const seps = format === 'yaml' && hasDirective(text) ? [] : separatorLines(text);
  const out: TextRange[] = [];
  if (format === 'json') {
    let start = 0;
    for (const [lineStart, next] of seps) {
      out.push({ start, end: lineStart });
      start = next;
    }
    out.push({ start, end: text.length });
    return out;
  }
  let start = 0;
  for (const [lineStart] of seps) {
    if (lineStart > start) out.push({ start, end: lineStart });
    start = lineStart;
  }
  if (text.length > start || out.length === 0) out.push({ start, end: text.length });
  return out;
}

function hasDirective(text: string): boolean {
  return lineStartingWith(text, '%', 0) >= 0;
}
