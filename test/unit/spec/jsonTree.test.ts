/**
 * The JSON tree is built by a port of jsonc-parser's own parser (core/src/spec/parseJson.ts); this holds it to
 * the original: on seeded random breakages of real-looking specs, its documents, nodes, ranges and syntax errors
 * are exactly what jsonc-parser's `parseTree` gives, converted node for node.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTree, printParseErrorCode, ParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { documentChunks } from '../../../core/src/spec/documentChunks';
import { parseSpecFile } from '../../../core/src/spec/parseSpecFile';
import type { PropertyNode, ScalarKind, SpecDocument, SpecNode } from '../../../core/src/spec/tree';
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
      properties.push({ key: String(k.value), keyKind: 'string', keyStart, keyEnd: keyStart + k.length, value: v ? convert(v, base) : undefined, start: base + p.offset, end: base + p.offset + p.length });
    }
    return { type: 'object', start, end, properties };
  }
  if (n.type === 'array') return { type: 'array', start, end, items: (n.children ?? []).map((c) => convert(c, base)) };
  return { type: 'scalar', start, end, kind: n.type as ScalarKind, value: n.value ?? null };
}

/** Documents and errors as `parseTree` sees them: one value per pass, as the analysis splits `{…}{…}`. */
function reference(text: string) {
  const documents: SpecDocument[] = [];
  const errors: Array<{ code: string; start: number }> = [];
  for (const { start: segStart, end: segEnd } of documentChunks(text, 'json')) {
    let from = segStart;
    let runTogether = false;
    for (;;) {
      const slice = text.slice(from, segEnd);
      const found: ParseError[] = [];
      const tree = parseTree(slice, found, { disallowComments: true, allowTrailingComma: true, allowEmptyContent: true });
      let next = -1;
      for (const e of found) {
        if (e.error === ParseErrorCode.EndOfFileExpected && tree && (slice[e.offset] === '{' || slice[e.offset] === '[')) next = from + e.offset;
        else errors.push({ code: printParseErrorCode(e.error), start: Math.min(from + e.offset, text.length) });
      }
      const root = tree ? convert(tree, from) : undefined;
      if (root || slice.trim() !== '') documents.push({ index: documents.length, start: from, end: next >= 0 ? next : segEnd, root, ...(runTogether ? { runTogether } : {}) });
      if (next < 0) break;
      from = next;
      runTogether = true;
    }
  }
  return { documents, errors };
}

const SPEC = JSON.stringify({ pipeline: { name: 'p' }, transform: { cmd: ['a', 'b'], env: { A: '1' }, secrets: [{ name: 's', key: 'k', envVar: 'E' }] }, datumTries: 3, s3Out: true, salt: null }, null, 2);
const PIECES = ['{', '}', '[', ']', ',', ':', '"', '"a"', '1', '1e', '-', 'null', 'tru', '\n---\n', ' ', '//', '/*', '*/', '\\', '\\u12', '\t', '\u0001', '{}{', ',,', '::'];

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
    assert.deepStrictEqual(file.documents, want.documents, JSON.stringify(text));
    assert.deepStrictEqual(
      file.syntaxErrors.map((e) => e.start),
      want.errors.map((e) => e.start),
      JSON.stringify(text),
    );
  }
});
