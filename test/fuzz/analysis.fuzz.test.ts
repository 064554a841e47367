/**
 * Random mutations of the repository's specs (and, when it is there, of the optional real-world corpus's) through
 * `analyzeDocument`: whatever half-typed text an editor
 * holds, the analysis must not throw, must report ranges inside the text, and must do work bounded by the
 * text's size. A seeded PRNG makes every failure reproducible: the message names the seed and iteration.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../core/src/analysis/analyzeDocument';
import type { SpecNode } from '../../core/src/pipelineSpec/tree';
import { catalog } from '../unit/rules/fixtures';
import { corpusSpecs, skipWithoutCorpus } from '../corpus/paths';
import { SPEC_SEEDS } from './specSeeds';
import { prng } from '../support/random';
import { mutate, SAMPLES } from './mutate';

/** Nodes in a tree: the parse's work is linear when this is. */
function size(n: SpecNode | undefined): number {
  if (!n) return 0;
  if (n.type === 'object') return 1 + n.properties.reduce((a, p) => a + 1 + size(p.value), 0);
  if (n.type === 'array') return 1 + n.items.reduce((a, i) => a + size(i), 0);
  return 1;
}

const CLUSTER = catalog([
  { name: 's', keys: ['k'] },
  { name: 'wandb', keys: ['key'] },
  { name: 'r', type: 'kubernetes.io/dockerconfigjson' },
]);

/** Puts `iterations` seeded mutations of the seeds through the analysis, checking each result. */
function fuzz(seeds: Array<[string, string]>, iterations: number): void {
  const seed = 20261128;
  const rnd = prng(seed);
  for (let iter = 0; iter < iterations; iter++) {
    const [name, original] = seeds[iter % seeds.length];
    let text = original;
    const rounds = 1 + Math.floor(rnd() * 4);
    for (let m = 0; m < rounds; m++) text = mutate(text, rnd);
    const where = `seed ${seed}, iteration ${iter}, ${name}`;
    let result;
    try {
      const file = iter % 2 ? name : name.replace(/\.(json|ya?ml)$/, '.pipeline.$1');
      result = analyzeDocument({ uri: `file:///w/${file}`, text }, CLUSTER);
    } catch (err) {
      assert.fail(`${where}: ${err instanceof Error ? err.stack : String(err)}`);
    }
    // Linear work: at most a node and a finding per character, plus a constant.
    const nodes = (result.file?.documents ?? []).reduce((a, d) => a + size(d.root), 0);
    assert.ok(nodes <= text.length + 16, `${where}: ${nodes} nodes for ${text.length} characters`);
    const found = result.findings.length;
    assert.ok(found <= text.length + 16, `${where}: ${found} findings for ${text.length} characters`);
    for (const f of result.findings) {
      const range = `${f.code} range ${f.start}-${f.end} outside 0-${text.length}`;
      assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length, `${where}: ${range}`);
      assert.ok(f.message.trim().length > 0, `${where}: ${f.code} has an empty message`);
    }
  }
}

test('thousands of mutated specs analyse without throwing, with ranges inside the text and bounded findings', () => {
  fuzz([...SAMPLES, ...SPEC_SEEDS], 3000);
});

test(
  'mutated corpus specs analyse without throwing, with ranges inside the text and bounded findings',
  { skip: skipWithoutCorpus() },
  () => {
    fuzz(corpusSpecs(), 3000);
  },
);
