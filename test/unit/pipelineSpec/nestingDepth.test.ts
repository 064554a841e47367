/**
 * Documents nested far deeper than any spec: each form (JSON, YAML flow, YAML block, compact `- - -`) at 10,000
 * levels gets one diagnostic where it first goes too deep, the other documents of the file are still checked,
 * and a document just within the limit goes through every walker (rules, model, hover, completion, `nodeAt`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, findSecretReferences, IncrementalAnalyzer } from '../../../core/src/analysis';
import { completeSpec } from '../../../core/src/language/completion';
import { hoverSpec } from '../../../core/src/language/hover';
import { MAX_READ_DEPTH, PACHCTL_MAX_DEPTH } from '../../../core/src/pipelineSpec/nestingDepth';
import { nodeAt } from '../../../core/src/pipelineSpec/nodeAt';
import { parseSpecFile } from '../../../core/src/pipelineSpec/parseSpecFile';
import { buildSpecModel } from '../../../core/src/pipelineSpec/specModel';
import { readyCatalog } from '../language/fixtures';

const JSON_SPEC =
  '{"pipeline": {"name": "ok"}, "transform": {"image": "i", "secrets": [{"name": "nope", "env_var": "X"}]}}';
const YAML_SPEC = 'pipeline: {name: ok}\ntransform:\n  image: i\n  secrets: [{name: nope, env_var: X}]\n';

/** Each form at `n` levels below a `deep` key, and the offset where level MAX_READ_DEPTH + 1 starts. */
const FORMS: Record<string, { uri: string; other: string; deep: (n: number) => { text: string; at: number } }> = {
  'JSON {"a": [[[…]]]}': {
    uri: 'x.pipeline.json',
    other: JSON_SPEC,
    deep: (n) => ({ text: `{"deep": ${'['.repeat(n)}${']'.repeat(n)}}`, at: 9 + MAX_READ_DEPTH - 1 }),
  },
  'YAML flow': {
    uri: 'x.pipeline.yaml',
    other: YAML_SPEC,
    deep: (n) => ({ text: `deep: ${'['.repeat(n)}${']'.repeat(n)}\n`, at: 6 + MAX_READ_DEPTH - 1 }),
  },
  'YAML compact block sequences': {
    uri: 'x.pipeline.yaml',
    other: YAML_SPEC,
    deep: (n) => ({ text: `deep:\n${'- '.repeat(n)}x\n`, at: 6 + 2 * (MAX_READ_DEPTH - 1) }),
  },
  'YAML block mappings': {
    uri: 'x.pipeline.yaml',
    other: YAML_SPEC,
    // One column more per level: 10,000 levels would be 50 MB, so this form goes to 1,000.
    deep: (n) => {
      const lines = Array.from({ length: Math.min(n, 1000) }, (_, i) => `${' '.repeat(i)}k${i}:`);
      // Level MAX_READ_DEPTH + 1 is the key of line MAX_READ_DEPTH, after its indentation.
      const at = lines.slice(0, MAX_READ_DEPTH).join('\n').length + 1 + MAX_READ_DEPTH;
      return { text: `${lines.join('\n')} x\n`, at };
    },
  },
};

const LEVELS = 10_000;

for (const [name, form] of Object.entries(FORMS)) {
  test(`${name} at ${LEVELS} levels: one diagnostic where it goes too deep; the other documents are checked`, () => {
    const deep = form.deep(LEVELS);
    const sep = '\n---\n';
    const text = `${form.other}${sep}${deep.text}${sep}${form.other}`;
    const at = form.other.length + sep.length + deep.at;
    for (const result of [analyzeDocument({ uri: form.uri, text }, readyCatalog()), incremental(form.uri, text)]) {
      const tooDeep = result.findings.filter((f) => /nested more than/.test(f.message));
      assert.equal(tooDeep.length, 1, JSON.stringify(tooDeep));
      assert.equal(tooDeep[0].code, 'PS100');
      assert.equal(tooDeep[0].start, at);
      const levels = `(${MAX_READ_DEPTH}|${PACHCTL_MAX_DEPTH})`;
      assert.match(tooDeep[0].message, new RegExp(`nested more than ${levels} levels deep`));
      // Both other documents' missing secret is still found.
      assert.equal(result.findings.filter((f) => f.code === 'PS002').length, 2, JSON.stringify(result.findings));
    }
  });
}

test("past pachctl's own limit the message says pachctl rejects the document too", () => {
  const text = `{"deep": ${'['.repeat(PACHCTL_MAX_DEPTH + 1)}${']'.repeat(PACHCTL_MAX_DEPTH + 1)}}`;
  const [f] = analyzeDocument({ uri: 'x.pipeline.json', text }, readyCatalog()).findings;
  assert.equal(
    f.message,
    'nested more than 10000 levels deep: pachctl rejects this too ("exceeded max depth of 10000")',
  );
  const shallower = `{"deep": ${'['.repeat(1000)}${']'.repeat(1000)}}`;
  const [g] = analyzeDocument({ uri: 'x.pipeline.json', text: shallower }, readyCatalog()).findings;
  assert.equal(g.message, 'nested more than 256 levels deep: too deep to check (pachctl itself stops at 10000)');
});

test('a document just within the limit goes through every walker', () => {
  const n = MAX_READ_DEPTH - 3;
  const texts: [string, string][] = [
    ['x.pipeline.json', `{"pipeline": {"name": "p"}, "transform": {"image": "i"}, "deep": ${deepJson(n)}}`],
    ['x.pipeline.yaml', `pipeline: {name: p}\ntransform: {image: i}\ndeep: ${'['.repeat(n)}s${']'.repeat(n)}\n`],
    ['x.pipeline.yaml', `pipeline: {name: p}\ntransform: {image: i}\ndeep:\n${'- '.repeat(n)}s\n`],
  ];
  for (const [uri, text] of texts) {
    const result = analyzeDocument({ uri, text }, readyCatalog());
    assert.deepEqual(
      result.findings.map((f) => f.code),
      ['PS101'],
      `${uri}: ${JSON.stringify(result.findings)}`,
    );
    const file = parseSpecFile(uri, text);
    const model = buildSpecModel(file);
    findSecretReferences(file, model);
    const offset = text.lastIndexOf('s');
    assert.equal(nodeAt(file, offset)?.path.length, n + 1);
    hoverSpec({ file, model, offset, catalog: readyCatalog(), otherUsers: () => [], now: new Date(0) });
    completeSpec({ file, offset, catalog: readyCatalog(), style: 'camel' });
  }
});

function deepJson(n: number): string {
  return `${'['.repeat(n)}"s"${']'.repeat(n)}`;
}

function incremental(uri: string, text: string) {
  return new IncrementalAnalyzer().analyze({ uri, text }, readyCatalog());
}
