/**
 * The fast reader of well-formed JSON (core/src/pipelineSpec/wellFormedJson.ts) is held to the tree built from
 * jsonc-parser's own parser (`parseJsonValue` in core/src/pipelineSpec/parseJson.ts): on the repository's seed
 * specs written as JSON and on thousands of seeded mutations of them, whatever part the fast reader accepts is
 * one the library reads without an error, into the same nodes and ranges.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { documentChunks } from '../../core/src/pipelineSpec/documentChunks';
import { parseJsonValue } from '../../core/src/pipelineSpec/parseJson';
import { parseWellFormedJson } from '../../core/src/pipelineSpec/wellFormedJson';
import { prng } from '../support/random';
import { mutate, SAMPLES } from './mutate';
import { SPEC_SEEDS } from './specSeeds';

/**
 * A tree as plain data, read through each node's fields and accessors: the fast reader's properties derive
 * `keyKind`, `start` and `end`, and what the rest of the code reads is what must match, not how it is stored.
 */
function plain(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(plain);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  const keys = new Set(Object.keys(v));
  if ('keyStart' in v) for (const k of ['key', 'keyKind', 'keyStart', 'keyEnd', 'value', 'start', 'end']) keys.add(k);
  for (const k of keys) out[k] = plain((v as Record<string, unknown>)[k]);
  return out;
}

/** The seeds as the JSON people write: indented, on one line, and several documents between `---` lines. */
function jsonSeeds(): string[] {
  // The YAML sample's alias refers across documents, which a JSON value cannot hold: the seeds alone.
  const values = SPEC_SEEDS.flatMap(([, t]) => parseAllDocuments(t).map((d) => d.toJS()));
  const seeds = SAMPLES.filter(([name]) => name.endsWith('.json')).map(([, t]) => t);
  for (const value of values) seeds.push(JSON.stringify(value, null, 2), JSON.stringify(value));
  seeds.push(values.map((v) => JSON.stringify(v, null, 2)).join('\n---\n'));
  return seeds;
}

/** Characters and tokens that take JSON to the edges of what the fast reader accepts. */
const PIECES = ['{', '}', '[', ']', ',', ':', '"', '\\', '\\u00e9', '\\q', '-', '0', '01', '1.', '1e', '1e+2', '.5'];
const MORE = ['true', 'nul', 'null', '\t', '\r\n', '\u00a0', '\f', '\u0001', '//', '/*', ',,', '{}', '[]', '""'];

test('the fast JSON reader builds exactly the tree jsonc-parser does, on seed specs and their mutations', () => {
  const seeds = jsonSeeds();
  const rnd = prng(20261204);
  let accepted = 0;
  let gaveUp = 0;
  for (let iter = 0; iter < 4000; iter++) {
    let text = seeds[iter % seeds.length];
    const rounds = Math.floor(rnd() * 3);
    for (let m = 0; m < rounds; m++) {
      if (rnd() < 0.5) {
        text = mutate(text, rnd);
      } else {
        const pieces = rnd() < 0.5 ? PIECES : MORE;
        const at = Math.floor(rnd() * (text.length + 1));
        text = text.slice(0, at) + pieces[Math.floor(rnd() * pieces.length)] + text.slice(at + Math.floor(rnd() * 3));
      }
    }
    for (const { start, end } of documentChunks(text, 'json')) {
      const fast = parseWellFormedJson(text, start, end);
      if (fast === undefined) {
        gaveUp++;
        continue;
      }
      accepted++;
      const where = `iteration ${iter}: ${JSON.stringify(text.slice(start, end))}`;
      const library = parseJsonValue(text.slice(start, end), start);
      assert.deepStrictEqual(library.errors, [], where);
      assert.deepStrictEqual(plain(fast ?? undefined), plain(library.root), where);
    }
  }
  // Both outcomes are common, so the comparison is not vacuous.
  assert.ok(accepted > 2000, `the fast reader accepted only ${accepted} parts`);
  assert.ok(gaveUp > 1000, `the fast reader gave up on only ${gaveUp} parts`);
});
