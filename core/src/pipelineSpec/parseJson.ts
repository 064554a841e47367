/**
 * JSON text → spec documents. pachctl reads every spec as a YAML stream, so a JSON file may hold several
 * documents separated by `---` lines (./documentChunks.ts); JSON values written back to back (`{…}{…}`) are
 * split too, and marked `runTogether` because pachctl rejects them.
 *
 * A part that is well-formed JSON is read by ./wellFormedJson.ts; any other (comments, syntax errors) by
 * jsonc-parser's `visit`, whose events are turned into spec nodes as `parseTree` turns them into its own:
 * nodes, ranges and errors are `parseTree`'s (test/unit/pipelineSpec/jsonTree.test.ts). A property ends after its
 * value, or at the `,` or `}` that ends it; an object or array the text never closes ends at the end.
 */
import { printParseErrorCode, ParseErrorCode, visit, type JSONVisitor } from 'jsonc-parser';
import type { ArrayNode, ObjectNode, ParsedDocuments, PropertyNode, SpecNode } from './tree';
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

/**
 * Comments are reported, not skipped: pachctl reads a JSON spec as YAML, where `//` and `/*` start no comment.
 * A trailing comma is accepted, as YAML's flow collections accept one.
 */
const PARSE_OPTIONS = { disallowComments: true, allowTrailingComma: true, allowEmptyContent: true };

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
    const { root, errors } = parseJsonValue(slice, from);
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

export interface RawError {
  error: ParseErrorCode;
  offset: number;
  length: number;
}

/**
 * The first JSON value of `slice` as spec nodes, offsets shifted by `base`, with jsonc-parser's errors (`visit`
 * stops after one value and reports what follows as EndOfFileExpected).
 */
export function parseJsonValue(slice: string, base: number): { root: SpecNode | undefined; errors: RawError[] } {
  const builder = new SpecNodeBuilder(base);
  visit(slice, builder.visitor(), PARSE_OPTIONS);
  return { root: builder.root, errors: builder.errors };
}

/**
 * Turns `visit`'s events into spec nodes, each event handled as `parseTree` handles it: a container is attached
 * to its parent when it begins and gets its end when it ends; a property is open until a value, a `,` or the end
 * of its object completes it. Offsets are the slice's, shifted by `base`.
 */
class SpecNodeBuilder {
  root: SpecNode | undefined;
  readonly errors: RawError[] = [];
  private readonly containers: Array<ObjectNode | ArrayNode> = [];
  /** The open property each container on `containers` is the value of. */
  private readonly owners: Array<PropertyNode | undefined> = [];
  private open: PropertyNode | undefined;

  constructor(private readonly base: number) {}

  visitor(): JSONVisitor {
    const base = this.base;
    return {
      onObjectBegin: (offset) => this.begin({ type: 'object', start: base + offset, end: -1, properties: [] }),
      onObjectProperty: (key, offset, length) => this.property(key, base + offset, length),
      onObjectEnd: (offset, length) => this.end(offset, length),
      onArrayBegin: (offset) => this.begin({ type: 'array', start: base + offset, end: -1, items: [] }),
      onArrayEnd: (offset, length) => this.end(offset, length),
      onLiteralValue: (value: string | number | boolean | null, offset, length) => {
        const start = base + offset;
        const kind = value === null ? 'null' : (typeof value as 'string' | 'number' | 'boolean');
        this.attach({ type: 'scalar', start, end: start + length, kind, value });
        this.completeProperty(offset + length);
      },
      onSeparator: (separator, offset) => {
        if (separator === ',') this.completeProperty(offset);
      },
      onError: (error, offset, length) => {
        this.errors.push({ error, offset, length });
      },
    };
  }

  private completeProperty(end: number): void {
    if (this.open) this.open.end = this.base + end;
    this.open = undefined;
  }

  private attach(node: SpecNode): void {
    const parent = this.containers[this.containers.length - 1];
    if (this.open) this.open.value ??= node;
    else if (parent?.type === 'array') parent.items.push(node);
    else if (!parent) this.root ??= node;
  }

  private begin(node: ObjectNode | ArrayNode): void {
    this.attach(node);
    this.containers.push(node);
    this.owners.push(this.open);
    this.open = undefined;
  }

  private end(offset: number, length: number): void {
    // An object's last property may still be open when its value is missing.
    this.completeProperty(offset + length);
    this.containers.pop()!.end = this.base + offset + length;
    this.open = this.owners.pop();
    this.completeProperty(offset + length);
  }

  /** A key at `start` (already shifted) of `length`: a property of the innermost object, open until completed. */
  private property(key: string, start: number, length: number): void {
    const property: PropertyNode = {
      key,
      keyKind: 'string',
      keyStart: start,
      keyEnd: start + length,
      value: undefined,
      start,
      end: -1,
    };
    (this.containers[this.containers.length - 1] as ObjectNode).properties.push(property);
    this.open = property;
  }
}
