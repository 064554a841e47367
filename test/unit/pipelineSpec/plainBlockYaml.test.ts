/**
 * The YAML shortcut (core/src/pipelineSpec/plainBlockYaml.ts) against the `yaml` package's parse it stands in for:
 * on the repository's own specs, the bench's generated specs (and the optional corpus's YAML files) and
 * thousands of seeded mutations of them (the fuzz tests' and edits to indentation, comments, quotes and
 * scalars that keep the text nearly plain), each chunk it accepts gives exactly the documents, nodes, ranges and (no)
 * syntax errors of the full parse, and so the same spec model and diagnostics. It must also accept the specs it exists
 * for, or it pays nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../../core/src/analysis/analyzeDocument';
import { documentChunks } from '../../../core/src/pipelineSpec/documentChunks';
import { LineIndex } from '../../../core/src/pipelineSpec/lineIndex';
import { parseYamlChunkFully } from '../../../core/src/pipelineSpec/parseYaml';
import { parseSpecFile } from '../../../core/src/pipelineSpec/parseSpecFile';
import { readPlainBlockYaml } from '../../../core/src/pipelineSpec/plainBlockYaml';
import { buildSpecModel } from '../../../core/src/pipelineSpec/specModel';
import type { ParsedDocuments, SpecFile } from '../../../core/src/pipelineSpec/tree';
import { checkSource } from '../../../core/src/rules/documentRules';
import { withLineFeeds } from '../../../core/src/pipelineSpec/sourceText';
import { runPipelineRules } from '../../../core/src/rules/runRules';
import { manySpecsYaml, typicalSpecYaml } from '../../../bench/lib/specs';
import { corpusSpecs, skipWithoutCorpus } from '../../corpus/paths';
import { SPEC_SEEDS } from '../../fuzz/specSeeds';
import { mutate, SAMPLES } from '../../fuzz/mutate';
import { catalog } from '../rules/fixtures';
import { prng } from '../../support/random';

const CLUSTER = catalog([
  { name: 's', keys: ['k'] },
  { name: 'app-secret-00001', keys: ['KEY_0'] },
  { name: 'regcred', type: 'kubernetes.io/dockerconfigjson' },
]);

/** Spec-shaped YAML the shortcut is meant to read, in the ways people write it. */
const HANDWRITTEN = [
  'pipeline:\n  name: edges\ndescription: A pipeline that performs image edge detection by using the OpenCV ' +
    'library.\ninput:\n  pfs:\n    glob: /*\n    repo: images\ntransform:\n  cmd:\n    - python3\n    - /edges.py\n  ' +
    'image: pachyderm/opencv:1.0\n',
  'pipeline:\n  name: p\ntransform:\n  image: "a:1"\n  env:\n    LOG: \'info\'\n    N: "4"\n  secrets:\n  - name: ' +
    's\n    key: k\n    envVar: K\n  - name: s\n    mountPath: /var/s\n  imagePullSecrets:\n  - regcred\n  ' +
    'datum_tries: 3\nparallelism_spec:\n  constant: 0\nreprocess: false\nsalt: ~\noutput_branch: null\n',
  '- pipeline:\n    name: a\n  transform:\n    image: x\n- pipeline:\n    ' +
    'name: b\n  transform:\n    image: y\n    cmd:\n    - sh\n',
  'pipeline:\n  name: p\n\n\ntransform:\n  image: i   \n  cmd:\n  -   sh\n  - -c\n  - -1\n',
  '---\npipeline:\n  name: q\ntransform:\n  image: i\ninput:\n  ' +
    'cron:\n    spec: "@every 10s"\n    start: 2024-01-01T00:00:00Z\n',
  'a:\nb:\n  c:\n  d: 1\ne: True\nf: NULL\ng: "x # not a comment"\nh: x#y\ni: http://example.com/a:b\nj: 3s\nk: --x\n',
  'pipeline:\n  name: mnist\nspout: {}\ntransform:\n  image: pachyderm/mnist:v1\n  cmd: [ /app/pipeline.py ]\n  ' +
    'stdin: ["python3", \'-c\', x y, 3,]\ns3_out: true  # must be set\n',
  '# The edges pipeline\npipeline:  # which one\n  name: edges # its name\n  # a comment inside\ntransform:\n  cmd: ' +
    '# the command\n  - python3 # an interpreter\n  - "/edges.py"   ' +
    '# the script\n# between keys\n  image: i\n\n# trailing\n',
];

/** Spec-shaped YAML with something the shortcut leaves to the yaml package, one thing each. */
const LEFT_TO_YAML = [
  'pipeline:\n  name: n\njobTimeout: 1.5\n',
  'parallelismSpec:\n  constant: 0x10\n',
  'resourceRequests:\n  memory: 1e3\n',
  'a: +1\n',
  'pipeline: # the empty value after a comment\n',
  'pipeline:  \n  name: n\n',
  'pipeline:\n  name: "n"# a comment touching the value\n',
  'transform:\n  cmd: [[sh]]\n',
  'transform:\n  env: {A: "1"}\n',
  'transform:\n  cmd: [sh,\n    x]\n',
  'transform:\n  cmd: [sh, -]\n',
  'transform:\n  image: &i x\n  user: *i\n',
  'transform:\n  stdin: |\n    echo\n',
  'pipeline:\n  name: n\r\n',
  'pipeline:\n\tname: n\n',
  'a: "esc\\"aped"\n',
  "a: 'it''s'\n",
  'a: b\n  continued\n',
  '"quoted key": 1\n',
  'a: 123456789012345678901234\n',
  '---\n',
  'transform:\n  cmd:\n  - sh\n  # a comment yaml gives to transform\nimage: i\n',
  '- a:\n  - x\n  # c\n- y\n',
];

/** Edits that keep YAML looking plain, or nearly: what the shortcut must tell apart from what it reads. */
const YAML_TOKENS = [
  ']',
  '[',
  '[]',
  '{}',
  ', ',
  '[a, b]',
  ' ]',
  '{ }',
  '\u2028',
  '\u0085',
  '\u00a0',
  '\ufeff',
  '\t',
  '"',
  "'",
  '#',
  ' #x',
  ': ',
  ':',
  '- ',
  '-',
  '  ',
  '\n',
  '\n  ',
  '\n- ',
  'a: b\n',
  '  c: 1\n',
  '- x\n',
  '---\n',
  '...\n',
  '~',
  'null',
  'True',
  '0x1',
  '1.5',
  '12',
  '-3',
  '+4',
  '0o7',
  '.inf',
  '1e3',
  '"q"',
  "'s'",
  '""',
  "''",
  '\\',
  '\r\n',
  '? ',
  '&a ',
  '*a',
  '!t ',
  '|',
  '>',
  '[',
  '{',
  '%',
  '@',
  '`',
  ',',
  '\n# c\n',
  '\n  # c\n',
  '\n    # c\n',
];

function mutateYaml(text: string, rnd: () => number): string {
  const r = rnd();
  const at = Math.floor(rnd() * (text.length + 1));
  if (r < 0.5) return text.slice(0, at) + YAML_TOKENS[Math.floor(rnd() * YAML_TOKENS.length)] + text.slice(at);
  if (r < 0.7) return text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 3));
  // Indentation moved by one or two columns, in or out.
  const lines = text.split('\n');
  const i = Math.floor(rnd() * lines.length);
  const by = [-2, -1, 1, 2][Math.floor(rnd() * 4)];
  lines[i] = by > 0 ? ' '.repeat(by) + lines[i] : lines[i].replace(by === -1 ? /^ ?/ : /^ {0,2}/, '');
  return lines.join('\n');
}

function chunksOf(text: string) {
  return documentChunks(text, 'yaml');
}

/** Compares the shortcut with the full parse on every chunk; returns how many chunks it accepted. */
function compareChunks(text: string, where: string): { accepted: number; chunks: number } {
  let accepted = 0;
  const chunks = chunksOf(text);
  for (const c of chunks) {
    const fast: ParsedDocuments = { documents: [], syntaxErrors: [] };
    if (!readPlainBlockYaml(text, c.start, c.end, fast)) {
      assert.deepStrictEqual(
        fast,
        { documents: [], syntaxErrors: [] },
        `${where}: a chunk given up on left something behind`,
      );
      continue;
    }
    accepted++;
    const full: ParsedDocuments = { documents: [], syntaxErrors: [] };
    parseYamlChunkFully(text, c.start, c.end, full);
    assert.deepStrictEqual(
      fast,
      full,
      `${where}: chunk ${c.start}-${c.end} ${JSON.stringify(text.slice(c.start, c.end))}`,
    );
  }
  return { accepted, chunks: chunks.length };
}

/** The file as the `yaml` package alone parses it, analysed like analyzeDocument does. */
function fullAnalysis(uri: string, given: string) {
  // Lone CRs are line breaks to pachctl's reader; the analysis reads them as LFs and names them (PS117).
  const text = withLineFeeds(given);
  const out: ParsedDocuments = { documents: [], syntaxErrors: [] };
  for (const c of chunksOf(text)) parseYamlChunkFully(text, c.start, c.end, out);
  const file: SpecFile = {
    uri,
    text,
    format: 'yaml',
    documents: out.documents,
    syntaxErrors: out.syntaxErrors,
    lines: new LineIndex(text),
  };
  const model = buildSpecModel(file);
  const findings = [...checkSource(given, undefined), ...runPipelineRules(file, model, CLUSTER)].sort(
    (a, b) => a.start - b.start || a.end - b.end,
  );
  return { file, model, findings };
}

function assertSameAnalysis(text: string, where: string): void {
  const uri = 'file:///w/x.pipeline.yaml';
  const ours = analyzeDocument({ uri, text, languageId: 'yaml' }, CLUSTER);
  const full = fullAnalysis(uri, text);
  // A Secret manifest's analysis keeps no tree (its text holds values): the same chunk reader gives it here.
  const file = ours.file ?? parseSpecFile(uri, text, 'yaml');
  assert.deepStrictEqual(file.documents, full.file.documents, where);
  assert.deepStrictEqual(file.syntaxErrors, full.file.syntaxErrors, where);
  // A file of Kubernetes manifests, say, is not analysed as specs: then there is no model to compare.
  if (ours.kind !== 'pipeline') return;
  assert.deepStrictEqual(ours.model, full.model, where);
  assert.deepStrictEqual(ours.findings, full.findings, where);
}

test('the shortcut reads the bench’s specs and handwritten spec-shaped YAML exactly as the yaml package does', () => {
  for (const [i, text] of [
    typicalSpecYaml(),
    manySpecsYaml(50),
    ...HANDWRITTEN,
    ...SPEC_SEEDS.map(([, t]) => t),
  ].entries()) {
    const { accepted, chunks } = compareChunks(text, `input ${i}`);
    assertSameAnalysis(text, `input ${i}`);
    // What it exists for: the generated specs and the plain handwritten ones are read by the shortcut.
    assert.equal(accepted, chunks, `input ${i} was left to the full parse`);
  }
  for (const text of LEFT_TO_YAML) {
    assert.equal(
      compareChunks(text, JSON.stringify(text)).accepted,
      0,
      `${JSON.stringify(text)} was not left to the yaml package`,
    );
    assertSameAnalysis(text, JSON.stringify(text));
  }
});

/**
 * Puts the seeds and `iterations` seeded mutations of them through the comparison; returns how many seed chunks
 * and how many mutants the shortcut read, so a caller can check both sides of the comparison were exercised.
 */
function compareSeedsAndMutants(
  seeds: Array<[string, string]>,
  iterations: number,
): { accepted: number; acceptedMutants: number } {
  let accepted = 0;
  for (const [name, text] of seeds) {
    accepted += compareChunks(text, name).accepted;
    assertSameAnalysis(text, name);
  }
  const seed = 20261128;
  const rnd = prng(seed);
  let acceptedMutants = 0;
  for (let iter = 0; iter < iterations; iter++) {
    const [name, original] = seeds[iter % seeds.length];
    let text = original;
    const rounds = 1 + Math.floor(rnd() * 3);
    // Half the general fuzz mutations, half edits close to what the shortcut reads.
    for (let m = 0; m < rounds; m++) text = iter % 2 ? mutate(text, rnd) : mutateYaml(text, rnd);
    const where = `seed ${seed}, iteration ${iter}, ${name}`;
    const r = compareChunks(text, where);
    if (r.accepted) {
      acceptedMutants++;
      assertSameAnalysis(text, where);
    }
  }
  return { accepted, acceptedMutants };
}

const yamlOnly = (seeds: Array<[string, string]>) => seeds.filter(([name]) => /\.ya?ml$/.test(name));

test('on the repository’s specs and thousands of mutations, every chunk the shortcut accepts is the full parse’s', () => {
  const seeds = yamlOnly([
    ...SAMPLES,
    ...SPEC_SEEDS,
    ['typical.pipeline.yaml', typicalSpecYaml()],
    ...[...HANDWRITTEN, ...LEFT_TO_YAML].map((t, i): [string, string] => [`hand-${i}.yaml`, t]),
  ]);
  const { accepted, acceptedMutants } = compareSeedsAndMutants(seeds, 4000);
  // Both sides of the comparison are exercised: mutants it reads and mutants it leaves to the yaml package.
  assert.ok(accepted >= 5, `only ${accepted} seed chunks read by the shortcut`);
  assert.ok(acceptedMutants > 500 && acceptedMutants < 4000, `${acceptedMutants} of 4000 mutants read by the shortcut`);
});

const corpusTest = 'on the corpus and on mutations of it, every chunk the shortcut accepts is the full parse’s';
test(corpusTest, { skip: skipWithoutCorpus() }, () => {
  const seeds = yamlOnly(corpusSpecs());
  assert.ok(seeds.length > 0, 'the corpus holds YAML specs');
  const { accepted } = compareSeedsAndMutants(seeds, 2000);
  assert.ok(accepted >= 5, `only ${accepted} corpus chunks read by the shortcut`);
});
