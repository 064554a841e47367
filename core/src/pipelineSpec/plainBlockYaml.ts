/**
 * The common case of ./parseYaml.ts: a chunk of YAML written as specs usually are (block mappings and
 * sequences by indentation, simple keys, single-line plain or quoted scalars, one-line `[…]` of scalars, `{}`,
 * comments), read straight from the text into spec nodes. It gives up at anything else (other flow collections,
 * block scalars, anchors, aliases, tags, escapes, scalars running over several lines, tabs, CR, directives,
 * empty documents, plain scalars the core schema reads as floats or non-decimal integers) and the caller parses
 * the chunk with the `yaml` package, which then reports and resolves everything as before. On what this
 * accepts, both give the same nodes, so the same spec model and diagnostics
 * (test/unit/pipelineSpec/plainBlockYaml.test.ts compares them on the corpus, the bench's specs and thousands of
 * mutations).
 *
 * Why: a typical spec's analysis was almost all the `yaml` package's parse (about 170 µs, of which its lexer
 * alone is 40); this reads such a spec in a fraction of that.
 */
import { sharedKey } from './keyTable';
import type { ArrayNode, ObjectNode, ParsedDocuments, PropertyNode, SpecNode } from './tree';
import { GAVE_UP, InlineValueScanner, isCoreNullOrBool, plainScalar } from './plainYamlValues';

const NEWLINE = 10;
const SPACE = 32;
const DASH = 45;
const COLON = 58;
const HASH = 35;

/** yaml stops reading an implicit key after 1024 characters; well before that, give up. */
const MAX_KEY = 1000;

/** A simple key starts with a letter, `_` (95), `$` (36) or `/` (47). */
function isKeyStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c === 47;
}

/** A simple key goes on with what it may start with, digits, `-` and `.` (46). */
function isKeyChar(c: number): boolean {
  return isKeyStart(c) || (c >= 48 && c <= 57) || c === DASH || c === 46;
}

class PlainBlockYamlReader {
  /** The current content line: where it starts, its indentation and its first non-space character. */
  private line = 0;
  private indent = 0;
  private at = 0;
  private hasLine = false;
  /** The deepest indentation of the comment lines before the current line (-1: none). */
  private commentIndent = -1;
  /** After the line break of the last content line read (what a collection's range ends at). */
  private lastEnd: number;
  /** Children of the collections being read, copied out at their exact size when each one ends. */
  private readonly scratch: Array<SpecNode | PropertyNode> = [];
  /** Reads the values that end their line, into the same scratch. */
  private readonly values: InlineValueScanner;

  constructor(
    private readonly text: string,
    private readonly start: number,
    private readonly end: number,
  ) {
    this.lastEnd = start;
    this.values = new InlineValueScanner(text, end, this.scratch);
  }

  /** The chunk's one document as `parseYamlChunk` would give it; throws GAVE_UP. */
  readDocument(): { start: number; root: SpecNode } {
    const text = this.text;
    let docStart = -1;
    let from = this.start;
    if (text.startsWith('---', from)) {
      // The chunk's first line is its `---` (./documentChunks.ts): only blanks may follow it.
      let p = from + 3;
      while (p < this.end && text.charCodeAt(p) === SPACE) p++;
      if (p < this.end && text.charCodeAt(p) !== NEWLINE) throw GAVE_UP;
      docStart = from;
      from = p + 1;
    }
    this.seekContent(from);
    if (!this.hasLine || this.indent !== 0) throw GAVE_UP;
    if (docStart < 0) docStart = this.at;
    const root = this.readBlock();
    if (this.hasLine) throw GAVE_UP;
    return { start: docStart, root };
  }

  /** Moves to the first line at or after `from` holding more than spaces. */
  private seekContent(from: number): void {
    const text = this.text;
    const end = this.end;
    let line = from;
    this.commentIndent = -1;
    for (;;) {
      let p = line;
      while (p < end && text.charCodeAt(p) === SPACE) p++;
      if (p >= end) {
        this.hasLine = false;
        return;
      }
      const c = text.charCodeAt(p);
      if (c === NEWLINE) {
        line = p + 1;
        continue;
      }
      // A comment line is part of no node's range, as a blank line.
      if (c === HASH) {
        this.commentIndent = Math.max(this.commentIndent, p - line);
        line = this.lineEnd(p) + 1;
        // Unless it ends the chunk without a line break: then yaml stretches the collections around it.
        if (line > this.end) throw GAVE_UP;
        continue;
      }
      // Tabs, CR, and markers or directives at column 0 are left to the full parse.
      if (c < SPACE) throw GAVE_UP;
      if (
        p === line &&
        (c === 37 /* % */ || ((c === DASH || c === 46) && (text.startsWith('---', p) || text.startsWith('...', p))))
      )
        throw GAVE_UP;
      this.line = line;
      this.indent = p - line;
      this.at = p;
      this.hasLine = true;
      return;
    }
  }

  /** Where the line holding `p` ends: its line break, or the chunk's end. */
  private lineEnd(p: number): number {
    const at = this.text.indexOf('\n', p);
    return at < 0 || at > this.end ? this.end : at;
  }

  /** After a value at `p`: only spaces, then maybe a comment, may end the line; moves to the next content line. */
  private endLine(p: number): void {
    const text = this.text;
    const from = p;
    while (p < this.end && text.charCodeAt(p) === SPACE) p++;
    if (p < this.end && text.charCodeAt(p) === HASH) {
      // yaml rejects a comment that touches the value.
      if (p === from) throw GAVE_UP;
      p = this.lineEnd(p);
    }
    if (p >= this.end) {
      this.lastEnd = this.end;
      this.hasLine = false;
      return;
    }
    if (text.charCodeAt(p) !== NEWLINE) throw GAVE_UP;
    this.lastEnd = p + 1;
    this.seekContent(p + 1);
  }

  /**
   * A collection at `column` ends here: yaml stretches its range over comment lines indented deeper than it
   * that come after its last line, which this reader does not follow.
   */
  private checkEnd(column: number): void {
    if (this.commentIndent > column) throw GAVE_UP;
  }

  private isSeqItem(p: number): boolean {
    if (this.text.charCodeAt(p) !== DASH) return false;
    const next = p + 1 < this.end ? this.text.charCodeAt(p + 1) : NEWLINE;
    return next === SPACE || next === NEWLINE;
  }

  /** The collection starting at the current line's first character. */
  private readBlock(): SpecNode {
    return this.isSeqItem(this.at) ? this.readSeq(this.indent) : this.readMap(this.indent, this.at);
  }

  /** A mapping whose keys stand at column `column`, the first one at `first` (after `- ` in a sequence item). */
  private readMap(column: number, first: number): ObjectNode {
    const from = this.scratch.length;
    let keyStart = first;
    let compactLast = false;
    for (;;) {
      const keyEnd = this.scanKey(keyStart);
      const key = sharedKey(this.text, keyStart, keyEnd);
      if (isCoreNullOrBool(key)) throw GAVE_UP;
      let value = this.readPairValue(column, keyEnd);
      compactLast = value === undefined;
      value ??= this.readSeq(column);
      this.scratch.push({
        key,
        keyKind: 'string',
        keyStart,
        keyEnd,
        value,
        start: keyStart,
        end: Math.max(value.end, keyEnd),
      });
      if (!this.hasLine || this.indent < column) break;
      // Deeper: a scalar running on, or an error; at the same column, only another key may follow.
      if (this.indent > column || this.isSeqItem(this.at)) throw GAVE_UP;
      keyStart = this.at;
    }
    // Ending with a sequence at its own column, it also takes comment lines at that column.
    this.checkEnd(compactLast ? column - 1 : column);
    const properties = this.scratch.slice(from) as PropertyNode[];
    this.scratch.length = from;
    return { type: 'object', start: first, end: this.lastEnd, properties };
  }

  /** A simple key from `keyStart`: where it ends, at its `:`. */
  private scanKey(keyStart: number): number {
    const text = this.text;
    let p = keyStart;
    if (!isKeyStart(text.charCodeAt(p))) throw GAVE_UP;
    while (p < this.end && isKeyChar(text.charCodeAt(p))) p++;
    if (text.charCodeAt(p) !== COLON || p - keyStart > MAX_KEY) throw GAVE_UP;
    return p;
  }

  /**
   * The value after the `:` at `colon` of a key at column `column`: on the same line, on the lines below, or
   * empty. Undefined when the lines below start a sequence at the key's own column (a compact sequence, which
   * the caller reads: its mapping's range ends differently).
   */
  private readPairValue(column: number, colon: number): SpecNode | undefined {
    const text = this.text;
    const p = colon + 1;
    const afterColon = p < this.end ? text.charCodeAt(p) : NEWLINE;
    if (afterColon !== NEWLINE && afterColon !== SPACE) throw GAVE_UP;
    let q = p;
    while (q < this.end && text.charCodeAt(q) === SPACE) q++;
    const next = q < this.end ? text.charCodeAt(q) : NEWLINE;
    const comment = next === HASH && q > p;
    if (next !== NEWLINE && !comment) return this.readInlineValue(q);
    // `key:` and nothing else on the line: the value is on the lines below, or empty. Where yaml puts an
    // empty value after blanks or a comment is not worth knowing here.
    if (q > p && !comment) throw GAVE_UP;
    const lineEnd = comment ? this.lineEnd(q) : p;
    this.lastEnd = Math.min(lineEnd + 1, this.end);
    this.seekContent(lineEnd + 1);
    if (this.hasLine && this.indent > column) return this.readBlock();
    if (this.hasLine && this.indent === column && this.isSeqItem(this.at)) return undefined;
    // An empty value ending its mapping ends the mapping's range (and the document's) early: left to yaml.
    if (comment || !this.hasLine || this.indent < column) throw GAVE_UP;
    return plainScalar(colon + 1, colon + 1, 'null', null);
  }

  /** A sequence whose `-` stand at column `column`, the first on the current line. */
  private readSeq(column: number): ArrayNode {
    const text = this.text;
    const start = this.at;
    const from = this.scratch.length;
    for (;;) {
      let p = this.at + 1;
      // A bare `-` with the item on the lines below is left to the full parse.
      if (p >= this.end || text.charCodeAt(p) !== SPACE) throw GAVE_UP;
      while (p < this.end && text.charCodeAt(p) === SPACE) p++;
      if (p >= this.end || text.charCodeAt(p) === NEWLINE) throw GAVE_UP;
      this.scratch.push(this.holdsKey(p) ? this.readMap(p - this.line, p) : this.readInlineValue(p));
      if (!this.hasLine || this.indent < column) break;
      if (this.indent > column) throw GAVE_UP;
      // The same column without `-`: the next key of the mapping this sequence is a value of.
      if (!this.isSeqItem(this.at)) break;
    }
    this.checkEnd(column);
    const items = this.scratch.slice(from) as SpecNode[];
    this.scratch.length = from;
    return { type: 'array', start, end: this.lastEnd, items };
  }

  /** Whether the line from `p` reads as `key:` (then a space or the line's end), the start of a mapping. */
  private holdsKey(p: number): boolean {
    const text = this.text;
    if (!isKeyStart(text.charCodeAt(p))) return false;
    while (p < this.end && isKeyChar(text.charCodeAt(p))) p++;
    if (p >= this.end || text.charCodeAt(p) !== COLON) return false;
    const next = p + 1 < this.end ? text.charCodeAt(p + 1) : NEWLINE;
    return next === SPACE || next === NEWLINE;
  }

  /** A value that starts at `p` and ends its line: a scalar, a one-line `[…]` of scalars, or `{}`. */
  private readInlineValue(p: number): SpecNode {
    const node = this.values.scan(p);
    this.endLine(node.end);
    return node;
  }
}

/**
 * `text[start, end)` (one chunk, ./documentChunks.ts) as `parseYamlChunk` reads it, into `out`; false, with
 * `out` untouched, when the chunk holds anything this reader leaves to the `yaml` package.
 */
export function readPlainBlockYaml(text: string, start: number, end: number, out: ParsedDocuments): boolean {
  let doc: { start: number; root: SpecNode };
  try {
    doc = new PlainBlockYamlReader(text, start, end).readDocument();
  } catch (err) {
    if (err === GAVE_UP) return false;
    throw err;
  }
  out.documents.push({ index: out.documents.length, start: doc.start, end, root: doc.root });
  return true;
}
