/**
 * The incremental analysis must be indistinguishable from a whole-file `analyzeDocument`, and both from the
 * file parsed and checked as one (`wholeFile`): on the corpus
 * specs, on random multi-document files, and after every one of a seeded series of random edits (including
 * edits that add or remove `---` lines, break the syntax, or change the file's spelling style), and so must
 * the secret references read from its result. And it must
 * really be incremental: an edit inside one spec leaves every other spec's tree as it was.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stringify as toYaml } from 'yaml';
import {
  analyzeDocument,
  findSecretReferences,
  IncrementalAnalyzer,
  type AnalysisResult,
  type AnalyzeInput,
} from '../../../core/src/analysis';
import { classifyByName, classifyDocument } from '../../../core/src/analysis/classify';
import { analyzeHelmValues } from '../../../core/src/helm/analyzeHelmValues';
import { analyzeSecretManifests } from '../../../core/src/secretManifest';
import { specRoots } from '../../../core/src/pipelineSpec/specRoots';
import { checkSource } from '../../../core/src/rules/documentRules';
import { runPipelineRules } from '../../../core/src/rules/runRules';
import * as parseSpecFileModule from '../../../core/src/pipelineSpec/parseSpecFile';
import { parseSpecFile } from '../../../core/src/pipelineSpec/parseSpecFile';
import { buildSpecModel } from '../../../core/src/pipelineSpec/specModel';
import type { CatalogIndex } from '../../../core/src/catalog/snapshot';
import { corpusSpecs, skipWithoutCorpus } from '../../corpus/paths';
import { catalog, CLUSTER, NO_CLUSTER } from '../rules/fixtures';
import { prng } from '../../support/random';

/** Everything a result holds that callers read (the line index is derived from the text). */
function comparable(r: AnalysisResult) {
  const { lines: _lines, ...file } = r.file ?? ({} as NonNullable<AnalysisResult['file']>);
  return { kind: r.kind, findings: r.findings, file: r.file ? file : undefined, model: r.model };
}

/**
 * The file parsed as one and every rule run over it as one, the reference for both analyses (which read and
 * check a file chunk by chunk): what `analyzeDocument` computed before it went chunk by chunk.
 */
function wholeFile({ uri, text }: AnalyzeInput, cat: CatalogIndex): AnalysisResult {
  if (classifyByName(uri) === 'none') return { kind: 'none', findings: [] };
  const file = parseSpecFile(uri, text);
  const kind = classifyDocument(uri, file);
  if (kind === 'helm-values') return { kind, findings: analyzeHelmValues(text, file, cat), file };
  if (kind === 'secret-manifest') {
    const { findings, manifests } = analyzeSecretManifests(file, specRoots(file));
    return { kind, findings, secretManifests: manifests };
  }
  if (kind !== 'pipeline') return { kind, findings: [], file };
  const model = buildSpecModel(file);
  const findings = [...checkSource(text, undefined), ...runPipelineRules(file, model, cat)].sort(
    (a, b) => a.start - b.start || a.end - b.end,
  );
  return { kind, findings, file, model };
}

function assertSame(
  inc: IncrementalAnalyzer,
  uri: string,
  text: string,
  cat: CatalogIndex,
  what: string,
): AnalysisResult {
  const got = inc.analyze({ uri, text }, cat);
  const want = analyzeDocument({ uri, text }, cat);
  assert.deepStrictEqual(comparable(got), comparable(want), what);
  assert.deepStrictEqual(comparable(want), comparable(wholeFile({ uri, text }, cat)), `whole file: ${what}`);
  // The workspace index reads the references after every edit, through the same reused spec views.
  if (got.file && want.file)
    assert.deepStrictEqual(
      findSecretReferences(got.file, got.model),
      findSecretReferences(want.file),
      `references: ${what}`,
    );
  return got;
}

const NAMES = ['db-creds', 'aws', 'regcred', 'missing', 'tls.example.com', 'Bad_Name', '$SECRET'];
const KEYS = ['password', 'username', 'AWS_ACCESS_KEY_ID', 'nope'];

function randomSpec(rnd: () => number, i: number): Record<string, unknown> {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const snake = rnd() < 0.4;
  const secret = () =>
    rnd() < 0.5
      ? { name: pick(NAMES), key: pick(KEYS), [snake ? 'env_var' : 'envVar']: pick(['A', 'B', '1X']) }
      : { name: pick(NAMES), [snake ? 'mount_path' : 'mountPath']: pick(['/s', '/pfs', 'rel']) };
  const spec: Record<string, unknown> = {
    pipeline: { name: `p-${i}` },
    transform: {
      image: 'img',
      env: { A: 'x', ...(rnd() < 0.2 ? { N: 1 } : {}) },
      secrets: Array.from({ length: Math.floor(rnd() * 3) }, secret),
      [snake ? 'image_pull_secrets' : 'imagePullSecrets']: rnd() < 0.5 ? [pick(NAMES)] : [],
    },
    input: { pfs: { repo: 'r', glob: '/*' } },
  };
  if (rnd() < 0.3)
    spec[snake ? 'pod_patch' : 'podPatch'] = JSON.stringify([
      { op: 'add', path: '/imagePullSecrets/-', value: { name: pick(NAMES) } },
    ]);
  if (rnd() < 0.3) spec.egress = { sqlDatabase: { url: 'u', secret: { name: pick(NAMES), key: pick(KEYS) } } };
  if (rnd() < 0.1) spec.typo_field = 1;
  if (rnd() < 0.1) delete spec.transform;
  return spec;
}

function randomFile(rnd: () => number, format: 'json' | 'yaml', specs: number): string {
  const docs: string[] = [];
  for (let i = 0; i < specs; i++) {
    const s = randomSpec(rnd, i);
    const body = rnd() < 0.15 ? [s, randomSpec(rnd, i + 100)] : s;
    docs.push(format === 'json' ? JSON.stringify(body, null, rnd() < 0.5 ? 2 : 0) + '\n' : toYaml(body));
  }
  // Sometimes run two JSON documents together, or leave an empty YAML document.
  const sep = () => (format === 'json' && rnd() < 0.05 ? '' : rnd() < 0.05 ? '---\n---\n' : '---\n');
  return docs.reduce((acc, d, i) => (i === 0 ? d : acc + sep() + d), rnd() < 0.2 ? '---\n' : '');
}

const TOKENS = [
  '{',
  '}',
  '[',
  ']',
  ':',
  ',',
  '"',
  "'",
  '-',
  '#',
  '\n',
  ' ',
  '&a',
  '*a',
  '!!x',
  '\n---\n',
  '---',
  '0x1F',
  '2024-01-01',
  'env_var',
  'mountPath',
  'name',
  '\r',
];

function randomEdit(text: string, rnd: () => number): string {
  const at = Math.floor(rnd() * (text.length + 1));
  switch (Math.floor(rnd() * 5)) {
    case 0:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 6));
    case 1:
    case 2:
      return text.slice(0, at) + TOKENS[Math.floor(rnd() * TOKENS.length)] + text.slice(at);
    case 3: {
      // A whole line copied elsewhere: documents grow, shrink, split and join.
      const lines = text.split('\n');
      const i = Math.floor(rnd() * lines.length);
      lines.splice(Math.floor(rnd() * lines.length), 0, lines[i]);
      return lines.join('\n');
    }
    default: {
      // Rename inside one spec: the edit the language server sees most.
      const m = /p-(\d+)/g;
      const all = [...text.matchAll(m)];
      if (!all.length) return text + ' ';
      const hit = all[Math.floor(rnd() * all.length)];
      return text.slice(0, hit.index) + 'p-x' + text.slice(hit.index! + 2);
    }
  }
}

test(
  'the incremental analysis equals a whole-file analysis on every corpus spec, alone and all in one file',
  { skip: skipWithoutCorpus() },
  () => {
    const specs = corpusSpecs();
    const inc = new IncrementalAnalyzer();
    for (const [name, text] of specs) {
      const ext = name.endsWith('.json') ? 'json' : 'yaml';
      assertSame(inc, `file:///c/${name.replace(/\.(json|ya?ml)$/, '')}.pipeline.${ext}`, text, CLUSTER, name);
    }
    for (const ext of ['json', 'yaml'] as const) {
      const all = specs
        .filter(([n]) => (ext === 'json' ? n.endsWith('.json') : !n.endsWith('.json')))
        .map(([, s]) => s.trimEnd() + '\n');
      if (!all.length) continue;
      const uri = `file:///c/all.pipeline.${ext}`;
      assertSame(inc, uri, all.join('---\n'), CLUSTER, `all ${ext}`);
      // The same file again with the documents in reverse order: every chunk is reused at another offset.
      assertSame(inc, uri, [...all].reverse().join('---\n'), CLUSTER, `all ${ext}, reversed`);
    }
  },
);

test('the incremental analysis equals a whole-file analysis on random multi-document files', () => {
  for (const format of ['json', 'yaml'] as const) {
    for (let seed = 1; seed <= 40; seed++) {
      const rnd = prng(seed);
      const inc = new IncrementalAnalyzer();
      const text = randomFile(rnd, format, 1 + Math.floor(rnd() * 12));
      assertSame(
        inc,
        `file:///r/f.pipeline.${format}`,
        text,
        seed % 3 === 0 ? NO_CLUSTER : CLUSTER,
        `${format} seed ${seed}`,
      );
    }
  }
});

test('after every random edit the incremental analysis equals a whole-file analysis of the new text', () => {
  for (const format of ['json', 'yaml'] as const) {
    for (let seed = 1; seed <= 6; seed++) {
      const rnd = prng(1000 + seed);
      const inc = new IncrementalAnalyzer();
      const uri = `file:///r/e.pipeline.${format}`;
      let text = randomFile(rnd, format, 8);
      assertSame(inc, uri, text, CLUSTER, `${format} seed ${seed} start`);
      for (let step = 0; step < 30; step++) {
        text = randomEdit(text, rnd);
        assertSame(inc, uri, text, CLUSTER, `${format} seed ${seed} edit ${step}: ${JSON.stringify(text)}`);
      }
    }
  }
});

test('an edit inside one spec parses that spec again and reuses every other spec, moved to its new place', (t) => {
  for (const format of ['json', 'yaml'] as const) {
    const inc = new IncrementalAnalyzer();
    const uri = `file:///r/one.pipeline.${format}`;
    const text = randomFile(prng(7), format, 10).replace('p-4', 'p-4-renamed');
    const before = inc.analyze({ uri, text: text.replace('p-4-renamed', 'p-4') }, CLUSTER);
    // Moved specs are copies (a result is a value), so parsing is counted where it happens rather than by identity.
    const parses = t.mock.method(parseSpecFileModule, 'parseSpecChunk');
    const after = inc.analyze({ uri, text }, CLUSTER);
    assert.equal(parses.mock.callCount(), 1, `${format}: one document parsed again`);
    parses.mock.restore();
    const roots = (r: AnalysisResult) => r.file!.documents.map((d) => d.root);
    const renamed = after.model!.specs.find((s) => s.pipelineName === 'p-4-renamed')?.document.root;
    assert.ok(renamed && !roots(before).includes(renamed), `${format}: the renamed spec is the one parsed again`);
    assert.deepStrictEqual(comparable(after), comparable(analyzeDocument({ uri, text }, CLUSTER)));
  }
});

test('a result held across later analyses of the same document stays as it was', () => {
  for (const format of ['json', 'yaml'] as const) {
    const inc = new IncrementalAnalyzer();
    const uri = `file:///r/held.pipeline.${format}`;
    const text = randomFile(prng(11), format, 6);
    const held = inc.analyze({ uri, text }, CLUSTER);
    const snapshot = JSON.stringify(comparable(held));
    const second = text.indexOf(format === 'json' ? '\n---\n' : '---\n', 1);
    assert.ok(second > 0, 'the file has a second spec');
    const rest = text.slice(format === 'json' ? second + 1 : second);
    // Each edit moves or renumbers specs the held result shares with the analyser's kept chunks.
    const edits = [
      (format === 'json' ? '\n\n' : '# a comment before everything\n') + text,
      text.slice(0, second) + '\n---\n' + text.slice(0, second) + text.slice(second),
      rest,
    ];
    for (const edited of edits) inc.analyze({ uri, text: edited }, CLUSTER);
    inc.analyze({ uri, text: rest }, NO_CLUSTER);
    assert.equal(JSON.stringify(comparable(held)), snapshot, `${format}: the held result is unchanged`);
    assert.deepStrictEqual(comparable(held), comparable(analyzeDocument({ uri, text }, CLUSTER)));
  }
});

test('a catalog change re-judges the cluster rules of reused specs', () => {
  const inc = new IncrementalAnalyzer();
  const uri = 'file:///r/cat.pipeline.yaml';
  const text =
    'pipeline: {name: a}\ntransform: {secrets: [{name: db-creds, key: ' +
    'password, envVar: P}]}\n---\npipeline: {name: b}\ntransform: {image: i}\n';
  assert.deepEqual(
    inc.analyze({ uri, text }, CLUSTER).findings.map((f) => f.code),
    [],
  );
  const without = catalog([{ name: 'aws', keys: ['k'] }]);
  assert.deepEqual(
    inc.analyze({ uri, text }, without).findings.map((f) => f.code),
    ['PS002'],
  );
  assert.deepEqual(
    inc.analyze({ uri, text }, NO_CLUSTER).findings.map((f) => f.code),
    [],
  );
});

test('a change of the file-wide spelling style re-words the unknown-field suggestions of reused specs', () => {
  const inc = new IncrementalAnalyzer();
  const uri = 'file:///r/style.pipeline.yaml';
  const typo = 'pipeline: {name: a}\ntransform: {image: i}\ndatum_trie: 3\n';
  const snake =
    '---\npipeline: {name: b}\ntransform: {image: i, image_pull_secrets: ' +
    '[], err_cmd: []}\nparallelism_spec: {constant: 1}\n';
  const first = inc.analyze({ uri, text: typo }, CLUSTER);
  assert.deepEqual(first.findings.find((f) => f.code === 'PS101')?.data?.suggestions, ['datumTries']);
  assertSame(inc, uri, typo + snake, CLUSTER, 'snake spec added');
  assert.deepEqual(
    inc.analyze({ uri, text: typo + snake }, CLUSTER).findings.find((f) => f.code === 'PS101')?.data?.suggestions,
    ['datum_tries'],
  );
});

test('forget drops what is kept for a document, and the next analysis starts afresh', () => {
  const inc = new IncrementalAnalyzer();
  const uri = 'file:///r/f.pipeline.json';
  const text = '{"pipeline": {"name": "a"}, "transform": {}}\n---\n{"pipeline": {"name": "b"}, "transform": {}}\n';
  const a = inc.analyze({ uri, text }, CLUSTER);
  inc.forget(uri);
  const b = inc.analyze({ uri, text }, CLUSTER);
  assert.notEqual(b.file!.documents[0].root, a.file!.documents[0].root);
  assert.deepStrictEqual(comparable(b), comparable(a));
});
