/**
 * JSON text → spec documents. pachctl reads every spec as a YAML stream, so a JSON file may hold several
 * documents separated by `---` lines (./documentChunks.ts); JSON values written back to back (`{…}{…}`) are
 * split too, and marked `runTogether` because pachctl rejects them.
 *
 * A part that is well-formed JSON is read by ./wellFormedJson.ts; any other is built by a port of jsonc-parser's
 * parser over its scanner (JsonTreeParser below), not from `parseTree`'s nodes: a file of thousands of specs is
 * parsed on open, and a second tree to convert would double the allocations. Nodes, ranges and errors are `parseTree`'s (test/unit/pipelineSpec/jsonTree.test.ts): a property ends
 * after its value, or at the `,` or `}` that ends it; an object or array the text never closes ends at the end.
 */
import { createScanner, printParseErrorCode, ParseErrorCode, type JSONScanner } from 'jsonc-parser';
import type { ArrayNode, ObjectNode, ParsedDocuments, PropertyNode, ScalarKind, SpecNode } from './tree';
import { parseWellFormedJson } from './wellFormedJson';

/** Why pachctl would fail, in words a user recognises (jsonc-parser only has error codes). */
const JSON_ERROR_TEXT: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: 'invalid symbol',
  [ParseErrorCode.InvalidNumberFormat]: 'invalid number',
  [ParseErrorCode.PropertyNameExpected]: 'property name expected',
  [ParseErrorCode.ValueExpected]: 'value expected',
  [ParseErrorCode.ColonExpected]: 'colon expected',
  [ParseErrorCode.CommaExpected]: 'comma expected',
  [ParseErrorCode.CloseBraceExpected]: 'closing brace "}" expected',
  [ParseErrorCode.CloseBracketExpected]: 'closing bracket "]" expected',
  [ParseErrorCode.EndOfFileExpected]: 'end of document expected',
  [ParseErrorCode.InvalidCommentToken]:
    'comments are not allowed in JSON (pachctl reads JSON as YAML, where // and /* */ are not comments)',
  [ParseErrorCode.UnexpectedEndOfComment]: 'unterminated comment',
  [ParseErrorCode.UnexpectedEndOfString]: 'unterminated string',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'unexpected end of number',
  [ParseErrorCode.InvalidUnicode]: 'invalid unicode escape',
  [ParseErrorCode.InvalidEscapeCharacter]: 'invalid escape character',
  [ParseErrorCode.InvalidCharacter]: 'invalid character in string',
};

/** Parses the text between two separator lines into `out`; document indexes continue from `out`'s. */
export function parseJsonSegment(text: string, segStart: number, segEnd: number, out: ParsedDocuments): void {
  const { documents, syntaxErrors } = out;
  // A UTF-8 byte order mark before the first document: yaml.v3, which pachctl reads specs with, skips it.
  if (segStart === 0 && text.charCodeAt(0) === 0xfeff) segStart = 1;
  const wellFormed = parseWellFormedJson(text, segStart, segEnd);
  if (wellFormed !== undefined) {
    if (wellFormed) documents.push({ index: documents.length, start: segStart, end: segEnd, root: wellFormed });
    else if (segStart > 0) pushEmptyDocument(text, segStart, segEnd, out);
    return;
  }
  let from = segStart;
  let runTogether = false;
  // Each pass parses one JSON value; a value that starts where the previous one ended is run together.
  for (;;) {
    const slice = text.slice(from, segEnd);
    const { root, errors } = buildTree(slice, from);
    let next = -1;
    for (const e of errors) {
      if (
        e.error === ParseErrorCode.EndOfFileExpected &&
        root &&
        (slice[e.offset] === '{' || slice[e.offset] === '[')
      ) {
        next = from + e.offset;
        continue;
      }
      // An error at the very end (a missing `}`) gets an empty range there, not one past the text.
      const start = Math.min(from + e.offset, text.length);
      syntaxErrors.push({
        message: JSON_ERROR_TEXT[e.error] ?? printParseErrorCode(e.error),
        start,
        end: Math.min(start + Math.max(1, e.length), text.length),
      });
    }
    const end = next >= 0 ? next : segEnd;
    if (root || slice.trim() !== '') {
      documents.push({ index: documents.length, start: from, end, root, ...(runTogether ? { runTogether } : {}) });
    }
    if (next < 0) break;
    from = next;
    runTogether = true;
  }
}

/**
 * Nothing after a `---` line is an empty YAML document, which pachctl rejects ("expected a mapping or a
 * sequence"): kept as a document without a root that starts at its `---` line, as a YAML one does.
 */
function pushEmptyDocument(text: string, segStart: number, segEnd: number, out: ParsedDocuments): void {
  const separatorEnd = text.charCodeAt(segStart - 1) === 10 ? segStart - 1 : segStart;
  const separatorStart = text.lastIndexOf('\n', separatorEnd - 1) + 1;
  if (!text.startsWith('---', separatorStart)) return;
  out.documents.push({ index: out.documents.length, start: separatorStart, end: segEnd, root: undefined });
}

interface RawError {
  error: ParseErrorCode;
  offset: number;
  length: number;
}

// jsonc-parser's token kinds and scan errors (its `SyntaxKind` / `ScanError` const enums).
const T_OPEN_BRACE = 1;
const T_CLOSE_BRACE = 2;
const T_OPEN_BRACKET = 3;
const T_CLOSE_BRACKET = 4;
const T_COMMA = 5;
const T_COLON = 6;
const T_NULL = 7;
const T_TRUE = 8;
const T_FALSE = 9;
const T_STRING = 10;
const T_NUMBER = 11;
const T_LINE_COMMENT = 12;
const T_BLOCK_COMMENT = 13;
const T_LINE_BREAK = 14;
const T_TRIVIA = 15;
const T_UNKNOWN = 16;
const T_EOF = 17;
const SCAN_ERRORS: Partial<Record<number, ParseErrorCode>> = {
  4: ParseErrorCode.InvalidUnicode,
  5: ParseErrorCode.InvalidEscapeCharacter,
  3: ParseErrorCode.UnexpectedEndOfNumber,
  2: ParseErrorCode.UnexpectedEndOfString,
  6: ParseErrorCode.InvalidCharacter,
};
const NO_TOKENS: readonly number[] = [];
const OBJECT_RECOVERY: readonly number[] = [T_CLOSE_BRACE, T_COMMA];
const ARRAY_RECOVERY: readonly number[] = [T_CLOSE_BRACKET, T_COMMA];

/**
 * The first JSON value of `slice` as spec nodes, offsets shifted by `base`: jsonc-parser's own parser
 * (`visit`, which `parseTree` runs on), recovery and error offsets included, building spec nodes as it goes.
 * A file of thousands of specs is parsed on every open, so it neither tracks JSON paths nor calls back per
 * token, and children are collected on one scratch stack and copied out at their exact size when their
 * container ends (growing arrays by push would leave much of the tree as unused capacity for the GC to copy).
 */
class JsonTreeParser {
  readonly errors: RawError[] = [];
  private readonly scanner: JSONScanner;
  private readonly scratch: Array<SpecNode | PropertyNode> = [];
  /** The property whose value is being read, until a value, `,` or `}` ends it. */
  private open: PropertyNode | undefined;

  constructor(
    slice: string,
    private readonly base: number,
  ) {
    this.scanner = createScanner(slice, false);
  }

  parse(): SpecNode | undefined {
    if (this.scanNext() === T_EOF) return undefined;
    const root = this.parseValue();
    if (!root) {
      this.handleError(ParseErrorCode.ValueExpected, NO_TOKENS, NO_TOKENS);
      return undefined;
    }
    if (this.scanner.getToken() !== T_EOF) this.handleError(ParseErrorCode.EndOfFileExpected, NO_TOKENS, NO_TOKENS);
    return root;
  }

  private scanNext(): number {
    const scanner = this.scanner;
    for (;;) {
      const token = scanner.scan();
      const scanError = scanner.getTokenError();
      if (scanError !== 0) {
        const code = SCAN_ERRORS[scanError];
        if (code !== undefined) this.handleError(code, NO_TOKENS, NO_TOKENS);
      }
      switch (token) {
        case T_LINE_COMMENT:
        case T_BLOCK_COMMENT:
          this.handleError(ParseErrorCode.InvalidCommentToken, NO_TOKENS, NO_TOKENS);
          break;
        case T_UNKNOWN:
          this.handleError(ParseErrorCode.InvalidSymbol, NO_TOKENS, NO_TOKENS);
          break;
        case T_TRIVIA:
        case T_LINE_BREAK:
          break;
        default:
          return token;
      }
    }
  }

  private handleError(error: ParseErrorCode, skipUntilAfter: readonly number[], skipUntil: readonly number[]): void {
    const scanner = this.scanner;
    this.errors.push({ error, offset: scanner.getTokenOffset(), length: scanner.getTokenLength() });
    if (skipUntilAfter.length + skipUntil.length === 0) return;
    let token = scanner.getToken();
    while (token !== T_EOF) {
      if (skipUntilAfter.includes(token)) {
        this.scanNext();
        break;
      } else if (skipUntil.includes(token)) break;
      token = this.scanNext();
    }
  }

  /** Ends the open property at `end` (relative), as `parseTree` does when a value, `,` or `}` ends it. */
  private completeProperty(end: number): void {
    if (this.open) {
      this.open.end = this.base + end;
      this.open = undefined;
    }
  }

  private tokenEnd(): number {
    return this.scanner.getTokenOffset() + this.scanner.getTokenLength();
  }

  private parseValue(): SpecNode | undefined {
    switch (this.scanner.getToken()) {
      case T_OPEN_BRACKET:
        return this.parseArray();
      case T_OPEN_BRACE:
        return this.parseObject();
      default:
        return this.parseLiteral();
    }
  }

  private parseLiteral(): SpecNode | undefined {
    const scanner = this.scanner;
    let value: string | number | boolean | null;
    let kind: ScalarKind;
    switch (scanner.getToken()) {
      case T_STRING:
        value = scanner.getTokenValue();
        kind = 'string';
        break;
      case T_NUMBER:
        value = Number(scanner.getTokenValue());
        if (isNaN(value)) {
          this.handleError(ParseErrorCode.InvalidNumberFormat, NO_TOKENS, NO_TOKENS);
          value = 0;
        }
        kind = 'number';
        break;
      case T_NULL:
        value = null;
        kind = 'null';
        break;
      case T_TRUE:
        value = true;
        kind = 'boolean';
        break;
      case T_FALSE:
        value = false;
        kind = 'boolean';
        break;
      default:
        return undefined;
    }
    const start = this.base + scanner.getTokenOffset();
    const node: SpecNode = { type: 'scalar', start, end: start + scanner.getTokenLength(), kind, value };
    this.valueRead(node, this.tokenEnd());
    this.scanNext();
    return node;
  }

  /** A value was read: it is the open property's (which it ends), and no other's. */
  private valueRead(node: SpecNode, end: number): void {
    const p = this.open;
    if (p) {
      if (!p.value) p.value = node;
      this.completeProperty(end);
    }
  }

  private parseObject(): ObjectNode {
    const scanner = this.scanner;
    const start = this.base + scanner.getTokenOffset();
    const node: ObjectNode = { type: 'object', start, end: start - 1, properties: OPEN };
    const owner = this.open;
    this.open = undefined;
    const from = this.scratch.length;
    this.scanNext();
    let needsComma = false;
    while (scanner.getToken() !== T_CLOSE_BRACE && scanner.getToken() !== T_EOF) {
      if (scanner.getToken() === T_COMMA) {
        if (!needsComma) this.handleError(ParseErrorCode.ValueExpected, NO_TOKENS, NO_TOKENS);
        this.completeProperty(scanner.getTokenOffset());
        this.scanNext();
        if (scanner.getToken() === T_CLOSE_BRACE) break;
      } else if (needsComma) {
        this.handleError(ParseErrorCode.CommaExpected, NO_TOKENS, NO_TOKENS);
      }
      if (!this.parseProperty()) this.handleError(ParseErrorCode.ValueExpected, NO_TOKENS, OBJECT_RECOVERY);
      needsComma = true;
    }
    const end = this.tokenEnd();
    this.completeProperty(end);
    node.end = this.base + end;
    node.properties = this.scratch.slice(from) as PropertyNode[];
    this.scratch.length = from;
    this.open = owner;
    this.valueRead(node, end);
    if (scanner.getToken() !== T_CLOSE_BRACE)
      this.handleError(ParseErrorCode.CloseBraceExpected, [T_CLOSE_BRACE], NO_TOKENS);
    else this.scanNext();
    return node;
  }

  private parseProperty(): boolean {
    const scanner = this.scanner;
    if (scanner.getToken() !== T_STRING) {
      this.handleError(ParseErrorCode.PropertyNameExpected, NO_TOKENS, OBJECT_RECOVERY);
      return false;
    }
    const start = this.base + scanner.getTokenOffset();
    const p: PropertyNode = {
      key: scanner.getTokenValue(),
      keyKind: 'string',
      keyStart: start,
      keyEnd: start + scanner.getTokenLength(),
      value: undefined,
      start,
      end: start - 1,
    };
    this.scratch.push(p);
    this.open = p;
    this.scanNext();
    if (scanner.getToken() === T_COLON) {
      this.scanNext();
      if (!this.parseValue()) this.handleError(ParseErrorCode.ValueExpected, NO_TOKENS, OBJECT_RECOVERY);
    } else {
      this.handleError(ParseErrorCode.ColonExpected, NO_TOKENS, OBJECT_RECOVERY);
    }
    return true;
  }

  private parseArray(): ArrayNode {
    const scanner = this.scanner;
    const start = this.base + scanner.getTokenOffset();
    const node: ArrayNode = { type: 'array', start, end: start - 1, items: OPEN };
    const owner = this.open;
    this.open = undefined;
    const from = this.scratch.length;
    this.scanNext();
    let needsComma = false;
    while (scanner.getToken() !== T_CLOSE_BRACKET && scanner.getToken() !== T_EOF) {
      if (scanner.getToken() === T_COMMA) {
        if (!needsComma) this.handleError(ParseErrorCode.ValueExpected, NO_TOKENS, NO_TOKENS);
        this.scanNext();
        if (scanner.getToken() === T_CLOSE_BRACKET) break;
      } else if (needsComma) {
        this.handleError(ParseErrorCode.CommaExpected, NO_TOKENS, NO_TOKENS);
      }
      const item = this.parseValue();
      if (item) this.scratch.push(item);
      else this.handleError(ParseErrorCode.ValueExpected, NO_TOKENS, ARRAY_RECOVERY);
      needsComma = true;
    }
    const end = this.tokenEnd();
    node.end = this.base + end;
    node.items = this.scratch.slice(from) as SpecNode[];
    this.scratch.length = from;
    this.open = owner;
    this.valueRead(node, end);
    if (scanner.getToken() !== T_CLOSE_BRACKET)
      this.handleError(ParseErrorCode.CloseBracketExpected, [T_CLOSE_BRACKET], NO_TOKENS);
    else this.scanNext();
    return node;
  }
}

/** Placeholder children of a container being read; replaced when it ends. */
const OPEN: never[] = [];

/** The first JSON value of `slice` as spec nodes, offsets shifted by `base`. */
function buildTree(slice: string, base: number): { root: SpecNode | undefined; errors: RawError[] } {
  const parser = new JsonTreeParser(slice, base);
  const root = parser.parse();
  return { root, errors: parser.errors };
}
