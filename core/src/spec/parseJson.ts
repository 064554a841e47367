/**
 * JSON text → spec documents. pachctl reads every spec as a YAML stream, so a JSON file may hold several
 * documents separated by `---` lines (./documentChunks.ts); JSON values written back to back (`{…}{…}`) are
 * split too, and marked `runTogether` because pachctl rejects them.
 *
 * The tree is built straight from jsonc-parser's `visit` events rather than from `parseTree`'s nodes: a file of
 * thousands of specs is parsed on every edit, and a second tree to convert would double the allocations.
 * Ranges follow `parseTree`'s: a property ends after its value (or at the `,`/`}` that ends it), and a node
 * that is never closed ends one before it starts.
 */
import { visit, printParseErrorCode, ParseErrorCode, type JSONVisitor } from 'jsonc-parser';
import type { ArrayNode, ObjectNode, ParsedDocuments, PropertyNode, ScalarKind, SpecNode } from './tree';

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
  [ParseErrorCode.InvalidCommentToken]: 'comments are not allowed in JSON (pachctl reads JSON as YAML, where // and /* */ are not comments)',
  [ParseErrorCode.UnexpectedEndOfComment]: 'unterminated comment',
  [ParseErrorCode.UnexpectedEndOfString]: 'unterminated string',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'unexpected end of number',
  [ParseErrorCode.InvalidUnicode]: 'invalid unicode escape',
  [ParseErrorCode.InvalidEscapeCharacter]: 'invalid escape character',
  [ParseErrorCode.InvalidCharacter]: 'invalid character in string',
};

const PARSE_OPTIONS = { disallowComments: true, allowTrailingComma: true, allowEmptyContent: true };

/** Parses the text between two separator lines into `out`; document indexes continue from `out`'s. */
export function parseJsonSegment(text: string, segStart: number, segEnd: number, out: ParsedDocuments): void {
  const { documents, syntaxErrors } = out;
  let from = segStart;
  let runTogether = false;
  // Each pass parses one JSON value; a value that starts where the previous one ended is run together.
  for (;;) {
    const slice = text.slice(from, segEnd);
    const { root, errors } = buildTree(slice, from);
    let next = -1;
    for (const e of errors) {
      if (e.error === ParseErrorCode.EndOfFileExpected && root && (slice[e.offset] === '{' || slice[e.offset] === '[')) {
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

interface RawError {
  error: ParseErrorCode;
  offset: number;
  length: number;
}

const OBJECT = 0;
const ARRAY = 1;
const PROPERTY = 2;

/** Placeholder children of a container still open; replaced when it closes (or the text ends). */
const OPEN: never[] = [];

/**
 * The first JSON value of `slice` as spec nodes, offsets shifted by `base`. Children are collected on one
 * scratch stack and copied into an array of the exact size when their container closes: growing each
 * object's array by `push` would leave most of a file's tree as unused capacity for the GC to copy.
 */
function buildTree(slice: string, base: number): { root: SpecNode | undefined; errors: RawError[] } {
  let root: SpecNode | undefined;
  const errors: RawError[] = [];
  // The open containers, innermost last: what each is, and where its children start on `scratch`.
  const frames: Array<ObjectNode | ArrayNode | PropertyNode> = [];
  const kinds: number[] = [];
  const firstChild: number[] = [];
  const scratch: Array<SpecNode | PropertyNode> = [];
  let depth = 0;
  const open = (f: ObjectNode | ArrayNode | PropertyNode, kind: number) => {
    frames[depth] = f;
    kinds[depth] = kind;
    firstChild[depth] = scratch.length;
    depth++;
  };
  const attach = (n: SpecNode) => {
    if (depth === 0) {
      if (!root) root = n;
      return;
    }
    const kind = kinds[depth - 1];
    if (kind === ARRAY) scratch.push(n);
    else if (kind === PROPERTY) {
      const p = frames[depth - 1] as PropertyNode;
      if (!p.value) p.value = n;
    }
    // A value straight inside an object (after a syntax error) belongs to no property: dropped.
  };
  const completeProperty = (end: number) => {
    if (depth > 0 && kinds[depth - 1] === PROPERTY) {
      (frames[depth - 1] as PropertyNode).end = base + end;
      depth--;
    }
  };
  /** Hands the innermost container its children and leaves it; `end` is undefined when the text ended first. */
  const close = (end: number | undefined) => {
    depth--;
    const from = firstChild[depth];
    const children = scratch.slice(from);
    scratch.length = from;
    if (kinds[depth] === ARRAY) {
      const a = frames[depth] as ArrayNode;
      a.items = children as SpecNode[];
      if (end !== undefined) a.end = base + end;
    } else {
      const o = frames[depth] as ObjectNode;
      o.properties = children as PropertyNode[];
      if (end !== undefined) o.end = base + end;
    }
  };
  const visitor: JSONVisitor = {
    onObjectBegin(offset) {
      const n: ObjectNode = { type: 'object', start: base + offset, end: base + offset - 1, properties: OPEN };
      attach(n);
      open(n, OBJECT);
    },
    onObjectProperty(key, offset, length) {
      const start = base + offset;
      const p: PropertyNode = { key, keyKind: 'string', keyStart: start, keyEnd: start + length, value: undefined, start, end: start - 1 };
      scratch.push(p);
      open(p, PROPERTY);
    },
    onObjectEnd(offset, length) {
      completeProperty(offset + length);
      close(offset + length);
      completeProperty(offset + length);
    },
    onArrayBegin(offset) {
      const n: ArrayNode = { type: 'array', start: base + offset, end: base + offset - 1, items: OPEN };
      attach(n);
      open(n, ARRAY);
    },
    onArrayEnd(offset, length) {
      close(offset + length);
      completeProperty(offset + length);
    },
    onLiteralValue(value: unknown, offset, length) {
      const start = base + offset;
      attach({ type: 'scalar', start, end: start + length, kind: scalarKind(value), value: (value ?? null) as string | number | boolean | null });
      completeProperty(offset + length);
    },
    onSeparator(sep, offset) {
      if (sep === ',') completeProperty(offset);
    },
    onError(error, offset, length) {
      errors.push({ error, offset, length });
    },
  };
  visit(slice, visitor, PARSE_OPTIONS);
  // Containers the text never closed keep the children they got.
  while (depth > 0) {
    if (kinds[depth - 1] === PROPERTY) depth--;
    else close(undefined);
  }
  return { root, errors };
}

function scalarKind(v: unknown): ScalarKind {
  switch (typeof v) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'number';
    case 'string':
      return 'string';
    default:
      return 'null';
  }
}
