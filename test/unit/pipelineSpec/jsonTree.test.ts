/**
 * The JSON tree is built by a reader of well-formed JSON (core/src/pipelineSpec/wellFormedJson.ts) or, when it
 * gives up, from jsonc-parser's `visit` (core/src/pipelineSpec/parseJson.ts); this holds both to `parseTree`: on
 * seeded random breakages of real-looking specs and on every kind of well-formed value, its documents, nodes,
 * ranges and syntax errors are exactly what jsonc-parser's `parseTree` gives, converted node for node.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTree, printParseErrorCode, ParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { documentChunks } from '../../../core/src/pipelineSpec/documentChunks';
import { parseSpecFile } from '../../../core/src/pipelineSpec/parseSpecFile';
import type { PropertyNode, ScalarKind, SpecDocument, SpecNode } from '../../../core/src/pipelineSpec/tree';
import { parseWellFormedJson } from '../../../core/src/pipelineSpec/wellFormedJson';
import { prng } from '../../support/random';

function convert(n: JsonNode, base: number): SpecNode {
  const start = base + n.offset;
  const end = start + n.length;
  if (n.type === 'object') {
    const properties: PropertyNode[] = [];
    for (const p of n.children ?? []) {
      const [k, v] = p.children ?? [];
      if (!k) continue;
      const keyStart = base + k.offset;
      properties.push({
        key: String(k.value),
        keyKind: 'string',
        keyStart,
        keyEnd: keyStart + k.length,
        value: v ? convert(v, base) : undefined,
        start: base + p.offset,
        end: base + p.offset + p.length,
      });
    }
    return { type: 'object', start, end, properties };
  }
  if (n.type === 'array') return { type: 'array', start, end, items: (n.children ?? []).map((c) => convert(c, base)) };
  return { type: 'scalar', start, end, kind: n.type as ScalarKind, value: n.value ?? null };
}

/**
 * The tree as plain data, read through each node's fields and accessors: the fast reader's properties derive
 * `keyKind`, `start` and `end`, and what the rest of the code reads is what must match, not how it is stored.
 */
function plain<T>(v: T): T {
  if (Array.isArray(v)) return v.map(plain) as T;
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  const keys = new Set(Object.keys(v));
  if ('keyStart' in v) for (const k of ['key', 'keyKind', 'keyStart', 'keyEnd', 'value', 'start', 'end']) keys.add(k);
  for (const k of keys) out[k] = plain((v as Record<string, unknown>)[k]);
  return out as T;
}

/** Documents and errors as `parseTree` sees them: one value per pass, as the analysis splits `{…}{…}`. */
function reference(text: string) {
  const documents: SpecDocument[] = [];
  const errors: Array<{ code: string; start: number }> = [];
  for (const { start: segStart, end: segEnd } of documentChunks(text, 'json')) {
    // Nothing but JSON blanks after a `---` line: an empty document, which starts at that line.
    if (segStart > 0 && /^[ \t\r\n]*$/.test(text.slice(segStart, segEnd))) {
      documents.push({
        index: documents.length,
        start: text.lastIndexOf('---', segStart - 1),
        end: segEnd,
        root: undefined,
      });
      continue;
    }
    let from = segStart;
    let runTogether = false;
    for (;;) {
      const slice = text.slice(from, segEnd);
      const found: ParseError[] = [];
      const tree = parseTree(slice, found, {
        disallowComments: true,
        allowTrailingComma: true,
        allowEmptyContent: true,
      });
      let next = -1;
      for (const e of found) {
        if (
          e.error === ParseErrorCode.EndOfFileExpected &&
          tree &&
          (slice[e.offset] === '{' || slice[e.offset] === '[')
        )
          next = from + e.offset;
        else errors.push({ code: printParseErrorCode(e.error), start: Math.min(from + e.offset, text.length) });
      }
      const root = tree ? convert(tree, from) : undefined;
      if (root || slice.trim() !== '')
        documents.push({
          index: documents.length,
          start: from,
          end: next >= 0 ? next : segEnd,
          root,
          ...(runTogether ? { runTogether } : {}),
        });
      if (next < 0) break;
      from = next;
      runTogether = true;
    }
  }
  return { documents, errors };
}

const SPEC = JSON.stringify(
  {
    pipeline: { name: 'p' },
    transform: { cmd: ['a', 'b'], env: { A: '1' }, secrets: [{ name: 's', key: 'k', envVar: 'E' }] },
    datumTries: 3,
    s3Out: true,
    salt: null,
  },
  null,
  2,
);
const PIECES = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  '"a"',
  '1',
  '1e',
  '-',
  'null',
  'tru',
  '\n---\n',
  ' ',
  '//',
  '/*',
  '*/',
  '\\',
  '\\u12',
  '\t',
  '\u0001',
  '{}{',
  ',,',
  '::',
];

test('the JSON tree, its ranges and syntax errors are exactly jsonc-parser parseTree’s on broken specs', () => {
  const rnd = prng(42);
  for (let i = 0; i < 1500; i++) {
    let text = [SPEC, SPEC, SPEC].join('\n---\n');
    const edits = 1 + Math.floor(rnd() * 4);
    for (let j = 0; j < edits; j++) {
      const at = Math.floor(rnd() * (text.length + 1));
      text = text.slice(0, at) + PIECES[Math.floor(rnd() * PIECES.length)] + text.slice(at + Math.floor(rnd() * 5));
    }
    if (rnd() < 0.2) text = text.slice(0, Math.floor(rnd() * text.length));
    const file = parseSpecFile('f.json', text, 'json');
    const want = reference(text);
    assert.deepStrictEqual(plain(file.documents), want.documents, JSON.stringify(text));
    assert.deepStrictEqual(
      file.syntaxErrors.map((e) => e.start),
      want.errors.map((e) => e.start),
      JSON.stringify(text),
    );
  }
});

/** Every kind of well-formed JSON a spec may hold: escapes, numbers, keywords, empty and nested containers. */
const WELL_FORMED = [
  SPEC,
  `{"a\\"b\\\\c\\/d\\b\\f\\n\\r\\t": "\\u00e9\\u20AC x\\uD83D\\uDE00", "k": "plain \\"quoted\\" end"}`,
  `{"n": [0, -0, 1, -12, 3.25, -0.5, 1e3, 2E-2, 4e+1, 12345678901234567890], "b": [true, false, null]}`,
  `[{"x": {}}, [], [[]], {"y": [{}]}, "s", 1]`,
  `{"trailing": [1, 2,], "comma": {"a": 1,},}`,
  '\r\n\t {"crlf":\r\n  "value"\r\n}\r\n',
  `{"Aa": 1, "BB": 2, "Aa": 3, "imagePullSecrets": ["a"], "a-key-longer-than-twelve": {"é": "ü\u2028"}}`,
  '"just a string"',
  '42',
  'null',
  '   ',
  '',
];

test('well-formed JSON is read by the fast reader into exactly parseTree’s nodes', () => {
  for (const text of WELL_FORMED) {
    const file = parseSpecFile('f.json', text, 'json');
    assert.deepStrictEqual(plain(file.documents), reference(text).documents, JSON.stringify(text));
    assert.deepStrictEqual(file.syntaxErrors, [], JSON.stringify(text));
    // Proves the fast reader, not the fallback, built them.
    assert.notEqual(parseWellFormedJson(text, 0, text.length), undefined, JSON.stringify(text));
  }
});

test('the fast reader gives up on anything jsonc-parser reports or reads differently, for the full parser to handle', () => {
  const notPlain = [
    '{"a": 1} {"b": 2}',
    '{"a": 1}{"b": 2}',
    '{"a": 01}',
    '{"a": 1.}',
    '{"a": 1e}',
    '{"a": -}',
    '{"a": .5}',
    '{"a": truex}',
    '{"a": tru}',
    '{"a": "x\\q"}',
    '{"a": "\\u12"}',
    '{"a": "line\nbreak"}',
    '{"a": "unterminated',
    '{"a" 1}',
    '{"a": 1 "b": 2}',
    '{,}',
    '{"a": 1,,}',
    '[1,,2]',
    '[,1]',
    '{"a": 1',
    '[1',
    '// c\n{}',
    '{"a": /* c */ 1}',
    '{"a": 1}\f',
    '\u00a0{}',
    '{a: 1}',
    "{'a': 1}",
    '{"a": NaN}',
    '{"a": 1/2}',
  ];
  for (const text of notPlain) {
    assert.equal(parseWellFormedJson(text, 0, text.length), undefined, JSON.stringify(text));
    // And the document still comes out as jsonc-parser reads it.
    const file = parseSpecFile('f.json', text, 'json');
    assert.deepStrictEqual(plain(file.documents), reference(text).documents, JSON.stringify(text));
  }
});
