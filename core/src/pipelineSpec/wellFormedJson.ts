/**
 * The common case of ./parseJson.ts: a part of a file that holds one well-formed JSON value, read straight from
 * the file's text into spec nodes. It gives up at the first thing plain JSON does not have (a syntax error, a
 * comment, a second value, a character jsonc-parser would not skip) and the caller parses that part again with
 * jsonc-parser, which reports and recovers. On what it accepts, both build the same nodes
 * (test/fuzz/wellFormedJson.fuzz.test.ts and test/unit/pipelineSpec/jsonTree.test.ts compare them).
 *
 * Why a second parser: a file of thousands of specs is parsed on every open (bench rows 1 and 2). jsonc-parser's
 * scanner keeps a token's state in closures and hands every key over as a new string; reading the text in one
 * loop, with the short strings a file repeats (keys, most values) taken from ./keyTable.ts, is about twice as fast
 * and leaves the garbage collector less to copy.
 */
import { sharedKey } from './keyTable';
import { decodeEscapedString } from './jsonEscapes';
import type { ArrayNode, ObjectNode, PropertyNode, SpecNode } from './tree';

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;

/**
 * A property as this reader builds it. Half of a tree's objects are properties, and allocating them is most
 * of the reader's time and of what the garbage collector copies while the tree is young: so only what differs
 * between properties is stored (4 fields, not 7). In well-formed JSON a key is a string and a property runs
 * from its key to the end of its value, which is what the full parser records for it too.
 */
export class WellFormedProperty implements PropertyNode {
  constructor(
    readonly key: string,
    public keyStart: number,
    public keyEnd: number,
    public value: SpecNode,
  ) {}

  get keyKind(): 'string' {
    return 'string';
  }

  get start(): number {
    return this.keyStart;
  }

  get end(): number {
    return this.value.end;
  }
}

/** Where the reader gave up: the caller parses the part again with the full parser. */
const GAVE_UP = -1;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** What may follow a number or a keyword: jsonc-parser would read anything else into the same token. */
function endsToken(c: number): boolean {
  return isSpace(c) || c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET;
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

class WellFormedJsonReader {
  private pos: number;
  /** Children of the containers being read, copied out at their exact size when each one ends. */
  private readonly scratch: Array<SpecNode | PropertyNode> = [];
  /**
   * The end of the scratch's live part. The array is never shortened (shrinking an array's length can
   * reallocate it): what lies past `top` is left for the reader's own end.
   */
  private top = 0;
  /** The last string read. */
  private value = '';

  constructor(
    private readonly text: string,
    start: number,
    private readonly end: number,
  ) {
    this.pos = start;
  }

  /** The part's one value; null when it holds only blanks; undefined when the reader gave up. */
  read(): SpecNode | null | undefined {
    this.skipSpace();
    if (this.pos >= this.end) return null;
    const root = this.readValue();
    if (!root) return undefined;
    this.skipSpace();
    return this.pos === this.end ? root : undefined;
  }

  private skipSpace(): void {
    const text = this.text;
    let pos = this.pos;
    while (pos < this.end && isSpace(text.charCodeAt(pos))) pos++;
    this.pos = pos;
  }

  private readValue(): SpecNode | undefined {
    const c = this.text.charCodeAt(this.pos);
    switch (c) {
      case OPEN_BRACE:
        return this.readObject();
      case OPEN_BRACKET:
        return this.readArray();
      case QUOTE: {
        const start = this.pos;
        if (this.readString() === GAVE_UP) return undefined;
        return { type: 'scalar', start, end: this.pos, kind: 'string', value: this.value };
      }
      case 116 /* t */:
        return this.readKeyword('true', true);
      case 102 /* f */:
        return this.readKeyword('false', false);
      case 110 /* n */:
        return this.readKeyword('null', null);
      default:
        return c === MINUS || isDigit(c) ? this.readNumber() : undefined;
    }
  }

  private readKeyword(word: string, value: boolean | null): SpecNode | undefined {
    const start = this.pos;
    const end = start + word.length;
    if (
      end > this.end ||
      !this.text.startsWith(word, start) ||
      (end < this.end && !endsToken(this.text.charCodeAt(end)))
    )
      return undefined;
    this.pos = end;
    return { type: 'scalar', start, end, kind: value === null ? 'null' : 'boolean', value };
  }

  /** JSON's number grammar, which is all of what jsonc-parser reads as one number without an error. */
  private readNumber(): SpecNode | undefined {
    const text = this.text;
    const limit = this.end;
    const start = this.pos;
    let pos = start;
    if (text.charCodeAt(pos) === MINUS) pos++;
    if (pos >= limit || !isDigit(text.charCodeAt(pos))) return undefined;
    if (text.charCodeAt(pos) === ZERO) pos++;
    else while (pos < limit && isDigit(text.charCodeAt(pos))) pos++;
    if (pos < limit && text.charCodeAt(pos) === DOT) {
      pos++;
      if (pos >= limit || !isDigit(text.charCodeAt(pos))) return undefined;
      while (pos < limit && isDigit(text.charCodeAt(pos))) pos++;
    }
    const e = pos < limit ? text.charCodeAt(pos) : 0;
    if (e === 69 /* E */ || e === 101 /* e */) {
      pos++;
      const sign = pos < limit ? text.charCodeAt(pos) : 0;
      if (sign === 43 /* + */ || sign === MINUS) pos++;
      if (pos >= limit || !isDigit(text.charCodeAt(pos))) return undefined;
      while (pos < limit && isDigit(text.charCodeAt(pos))) pos++;
    }
    if (pos < limit && !endsToken(text.charCodeAt(pos))) return undefined;
    this.pos = pos;
    return { type: 'scalar', start, end: pos, kind: 'number', value: Number(text.slice(start, pos)) };
  }

  /** Reads the string at `pos` (a `"`) into `value`; short ones go through the key table. */
  private readString(): number {
    const text = this.text;
    const limit = this.end;
    const first = this.pos + 1;
    let pos = first;
    for (;;) {
      if (pos >= limit) return GAVE_UP;
      const c = text.charCodeAt(pos);
      if (c === QUOTE) break;
      if (c === BACKSLASH) return this.readEscapedString(first, pos);
      if (c < 0x20) return GAVE_UP;
      pos++;
    }
    this.pos = pos + 1;
    this.value = sharedKey(text, first, pos);
    return pos + 1;
  }

  /** The rest of a string from its first `\` (./jsonEscapes.ts) into `value`. */
  private readEscapedString(first: number, backslash: number): number {
    const decoded = decodeEscapedString(this.text, first, backslash, this.end);
    if (!decoded) return GAVE_UP;
    this.value = decoded.value;
    this.pos = decoded.end;
    return decoded.end;
  }

  private readObject(): ObjectNode | undefined {
    const text = this.text;
    const start = this.pos;
    const from = this.top;
    this.pos++;
    this.skipSpace();
    while (this.pos < this.end && text.charCodeAt(this.pos) !== CLOSE_BRACE) {
      const keyStart = this.pos;
      if (text.charCodeAt(keyStart) !== QUOTE || this.readString() === GAVE_UP) return undefined;
      const key = this.value;
      const keyEnd = this.pos;
      this.skipSpace();
      if (this.pos >= this.end || text.charCodeAt(this.pos) !== COLON) return undefined;
      this.pos++;
      this.skipSpace();
      const value = this.pos < this.end ? this.readValue() : undefined;
      if (!value) return undefined;
      this.scratch[this.top++] = new WellFormedProperty(key, keyStart, keyEnd, value);
      if (!this.afterItem(CLOSE_BRACE)) return undefined;
    }
    const properties = this.close(from) as PropertyNode[] | undefined;
    return properties && { type: 'object', start, end: this.pos, properties };
  }

  private readArray(): ArrayNode | undefined {
    const text = this.text;
    const start = this.pos;
    const from = this.top;
    this.pos++;
    this.skipSpace();
    while (this.pos < this.end && text.charCodeAt(this.pos) !== CLOSE_BRACKET) {
      const item = this.readValue();
      if (!item) return undefined;
      this.scratch[this.top++] = item;
      if (!this.afterItem(CLOSE_BRACKET)) return undefined;
    }
    const items = this.close(from) as SpecNode[] | undefined;
    return items && { type: 'array', start, end: this.pos, items };
  }

  /**
   * Past the `,` after an item, or at the container's `close`; false when neither follows. A `,` before
   * `close` is accepted, as jsonc-parser does with allowTrailingComma; a second one fails as the next item.
   */
  private afterItem(close: number): boolean {
    this.skipSpace();
    if (this.pos >= this.end) return false;
    const c = this.text.charCodeAt(this.pos);
    if (c !== COMMA) return c === close;
    this.pos++;
    this.skipSpace();
    return true;
  }

  /** The children read since `from`, past the closing character; undefined when the part ended first. */
  private close(from: number): Array<SpecNode | PropertyNode> | undefined {
    if (this.pos >= this.end) return undefined;
    this.pos++;
    const children = this.scratch.slice(from, this.top);
    this.top = from;
    return children;
  }
}

/**
 * `text[start, end)` as one JSON value: its root; null when the part holds only blanks; undefined when it is
 * not well-formed JSON (or holds anything else), for the full parser to read.
 */
export function parseWellFormedJson(text: string, start: number, end: number): SpecNode | null | undefined {
  return new WellFormedJsonReader(text, start, end).read();
}
