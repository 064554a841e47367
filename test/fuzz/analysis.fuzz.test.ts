/**
 * Random mutations of the real corpus specs through `analyzeDocument`: whatever half-typed text an editor
 * holds, the analysis must not throw, must report ranges inside the text, and must do work bounded by the
 * text's size. A seeded PRNG makes every failure reproducible: the message names the seed and iteration.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../core/src/analysis/analyzeDocument';
import type { SpecNode } from '../../core/src/spec/tree';
import { catalog } from '../unit/rules/fixtures';
import { corpusSpecs } from '../corpus/paths';
import { prng } from '../support/random';


const SAMPLES: Array<[string, string]> = [
  ['inline.pipeline.json', '{"pipeline": {"name": "p"}, "transform": {"image": "i", "secrets": [{"name": "s", "env_var": "E", "key": "k"}], "imagePullSecrets": ["r"]}, "podPatch": "[{\\"op\\": \\"add\\", \\"path\\": \\"/imagePullSecrets/-\\", \\"value\\": {\\"name\\": \\"x\\"}}]"}\n---\n[{"pipeline": {"name": "q"}, "transform": {}}]'],
  ['inline.pipeline.yaml', 'pipeline:\n  name: p\ntransform:\n  image: &i i\n  env: {A: 1, B: "2"}\n  secrets:\n  - {name: s, mount_path: /pfs/x, key: k}\n  - name: s\n    envVar: E\negress:\n  sql_database: {url: u, secret: {name: s}}\ninput: {cron: {start: 2024-01-01T00:00:00Z}}\n---\n- pipeline: {name: q}\n  transform: {user: *i}\n'],
];

const TOKENS = ['{', '}', '[', ']', ':', ',', '"', "'", '-', '#', '\n', ' ', '&a', '*a', '!!', '---', '\\', '$X', '0x1', '2024-01-01', 'secrets', 'name', 'env_var', 'mountPath', '\u00a0', '\r'];

function mutate(text: string, rnd: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const at = () => Math.floor(rnd() * (text.length + 1));
  const lines = () => text.split('\n');
  switch (Math.floor(rnd() * 7)) {
    case 0: {
      const i = at();
      return text.slice(0, i) + text.slice(i + 1 + Math.floor(rnd() * 8));
    }
    case 1: {
      const i = at();
      return text.slice(0, i) + pick(TOKENS) + text.slice(i);
    }
    case 2: {
      const i = at();
      const n = 1 + Math.floor(rnd() * 20);
      return text.slice(0, i) + text.slice(i, i + n) + text.slice(i);
    }
    case 3: {
      const ls = lines();
      ls.splice(Math.floor(rnd() * ls.length), 1);
      return ls.join('\n');
    }
    case 4: {
      const ls = lines();
      const i = Math.floor(rnd() * ls.length);
      ls.splice(i, 0, ls[i]);
      return ls.join('\n');
    }
    case 5: {
      const toks = text.split(/(\s+)/);
      const i = Math.floor(rnd() * toks.length);
      const j = Math.floor(rnd() * toks.length);
      [toks[i], toks[j]] = [toks[j], toks[i]];
      return toks.join('');
    }
    default:
      return text.slice(0, at());
  }
}

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

test('thousands of mutated specs analyse without throwing, with ranges inside the text and bounded findings', () => {
  const seeds = [...SAMPLES, ...corpusSpecs()];
  assert.ok(seeds.length >= 2);
  const seed = 20261128;
  const rnd = prng(seed);
  const ITERATIONS = 3000;
  for (let iter = 0; iter < ITERATIONS; iter++) {
    const [name, original] = seeds[iter % seeds.length];
    let text = original;
    const rounds = 1 + Math.floor(rnd() * 4);
    for (let m = 0; m < rounds; m++) text = mutate(text, rnd);
    const where = `seed ${seed}, iteration ${iter}, ${name}`;
    let result;
    try {
      result = analyzeDocument({ uri: `file:///w/${iter % 2 ? name : name.replace(/\.(json|ya?ml)$/, '.pipeline.$1')}`, text }, CLUSTER);
    } catch (err) {
      assert.fail(`${where}: ${err instanceof Error ? err.stack : String(err)}`);
    }
    // Linear work: at most a node and a finding per character, plus a constant.
    const nodes = (result.file?.documents ?? []).reduce((a, d) => a + size(d.root), 0);
    assert.ok(nodes <= text.length + 16, `${where}: ${nodes} nodes for ${text.length} characters`);
    assert.ok(result.findings.length <= text.length + 16, `${where}: ${result.findings.length} findings for ${text.length} characters`);
    for (const f of result.findings) {
      assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length, `${where}: ${f.code} range ${f.start}-${f.end} outside 0-${text.length}`);
      assert.ok(f.message.trim().length > 0, `${where}: ${f.code} has an empty message`);
    }
  }
});
