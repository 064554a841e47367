/**
 * JSON text → spec documents. pachctl reads every spec as a YAML stream, so a JSON file may hold several
 * documents separated by `---` lines; JSON values written back to back (`{…}{…}`) are split too, and marked
 * `runTogether` because pachctl rejects them.
 */
import { parseTree, printParseErrorCode, ParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { SpecDocument, SpecNode, SyntaxProblem, PropertyNode, ScalarKind } from './tree';

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

export function parseJsonDocuments(text: string): { documents: SpecDocument[]; syntaxErrors: SyntaxProblem[] } {
  const documents: SpecDocument[] = [];
  const syntaxErrors: SyntaxProblem[] = [];
  for (const [segStart, segEnd] of splitOnSeparatorLines(text)) {
    let from = segStart;
    let runTogether = false;
    // Each pass parses one JSON value; a value that starts where the previous one ended is run together.
    for (;;) {
      const slice = text.slice(from, segEnd);
      const errors: ParseError[] = [];
      const tree = parseTree(slice, errors, { disallowComments: true, allowTrailingComma: true, allowEmptyContent: true });
      let next = -1;
      for (const e of errors) {
        if (e.error === ParseErrorCode.EndOfFileExpected && tree && (slice[e.offset] === '{' || slice[e.offset] === '[')) {
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
      const root = tree ? convert(tree, from) : undefined;
      const end = next >= 0 ? next : segEnd;
      if (root || !isBlank(slice)) {
        documents.push({ index: documents.length, start: from, end, root, ...(runTogether ? { runTogether } : {}) });
      }
      if (next < 0) break;
      from = next;
      runTogether = true;
    }
  }
  return { documents, syntaxErrors };
}

/** [start, end) of the text between `---` lines (a YAML document separator). */
function splitOnSeparatorLines(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let segStart = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (text.startsWith('---', lineStart) && isBlank(text.slice(lineStart + 3, lineEnd))) {
      out.push([segStart, lineStart]);
      segStart = Math.min(lineEnd + 1, text.length);
    }
    lineStart = lineEnd + 1;
  }
  out.push([segStart, text.length]);
  return out;
}

function isBlank(s: string): boolean {
  return s.trim() === '';
}

function convert(n: JsonNode, base: number): SpecNode {
  const start = base + n.offset;
  const end = start + n.length;
  switch (n.type) {
    case 'object': {
      const properties: PropertyNode[] = [];
      for (const p of n.children ?? []) {
        const [k, v] = p.children ?? [];
        if (!k) continue;
        properties.push({
          key: String(k.value),
          keyKind: 'string',
          keyStart: base + k.offset,
          keyEnd: base + k.offset + k.length,
          value: v ? convert(v, base) : undefined,
          start: base + p.offset,
          end: base + p.offset + p.length,
        });
      }
      return { type: 'object', start, end, properties };
    }
    case 'array':
      return { type: 'array', start, end, items: (n.children ?? []).map((c) => convert(c, base)) };
    default:
      return { type: 'scalar', start, end, kind: n.type as ScalarKind, value: n.value ?? null };
  }
}
