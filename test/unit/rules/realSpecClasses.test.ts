/**
 * Classes of real-world spec files that the analysis misjudged: a last `---` line, a spec without `pipeline`,
 * byte order marks, UTF-16 and CR-only files, one syntax error reported several times, and fields that older
 * Pachyderm versions had. The fixtures under ./specFixtures were written for these tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDocument } from '../../../core/src/analysis/analyzeDocument';
import { decodeSource } from '../../../core/src/pipelineSpec/sourceText';
import { repoRoot } from '../../corpus/paths';
import { analyse, CLUSTER, yamlUri } from './fixtures';

const FIXTURES = join(repoRoot(), 'test', 'unit', 'rules', 'specFixtures');
const fixture = (name: string) => decodeSource(readFileSync(join(FIXTURES, name)));

/** A fixture through the analysis as the CLI gives it: decoded from its bytes, under its own name. */
function analyseFixture(name: string) {
  const { text, encoding, bom } = fixture(name);
  const { findings, kind } = analyzeDocument({ uri: `file:///w/${name}`, text, source: { encoding, bom } }, CLUSTER);
  const line = (offset: number) => text.slice(0, offset).split(/\r\n|\r|\n/).length;
  return { kind, text, findings, shown: findings.map((f) => `${line(f.start)} ${f.code} ${f.message}`) };
}

test('a file that ends with a `---` line: PS111 on that line, in JSON and in YAML', () => {
  const json = analyseFixture('trailing-separator.pipeline.json');
  assert.deepEqual(json.shown, [
    '6 PS111 expected a mapping or a sequence; got an empty document (nothing after this "---" line)',
  ]);
  assert.equal(json.text.slice(json.findings[0].start, json.findings[0].end), '---');
  const yaml = analyseFixture('trailing-separator.pipeline.yaml');
  assert.deepEqual(
    yaml.shown.map((s) => s.split(' ').slice(0, 2).join(' ')),
    ['10 PS111'],
  );
  assert.equal(yaml.text.slice(yaml.findings[0].start, yaml.findings[0].end), '---');
});

test('an empty document between two `---` lines is reported on the line that opens it; a leading `---` is fine', () => {
  const spec = '{"pipeline": {"name": "p"}, "transform": {"image": "i:1"}}';
  const a = analyse(`${spec}\n---\n\n---\n${spec}\n`);
  assert.deepEqual(a.codes(), ['PS111']);
  assert.equal(a.findings[0].start, spec.length + 1, 'the first of the two `---` lines');
  assert.deepEqual(analyse(`---\n${spec}\n`).codes(), []);
  assert.deepEqual(analyse('---\npipeline: {name: p}\ntransform: {image: i}\n', yamlUri).codes(), []);
  assert.deepEqual(analyse('pipeline: {name: p}\ntransform: {image: i}\n---\n# nothing here\n', yamlUri).codes(), [
    'PS111',
  ]);
  // A run of `---` lines is one mistake: told once, at its first line.
  const run = analyse(`${spec}\n---\n---\n\n---\n`);
  assert.deepEqual(
    run.findings.map((f) => [f.code, f.start]),
    [['PS111', spec.length + 1]],
  );
});

test('a root with `transform` and `input`, `spout` or `service` is a spec even without `pipeline`, whatever its name', () => {
  const r = analyseFixture('transform-and-input.json');
  assert.equal(r.kind, 'pipeline');
  assert.deepEqual(r.shown, [
    '1 PS113 no `pipeline` specified',
    '7 PS001 secret s3-creds has env_var set but is missing key',
    '7 PS002 missing Kubernetes secret s3-creds (did you mean "db-creds"?)',
  ]);
  const kind = (text: string) => analyzeDocument({ uri: 'file:///w/x.yaml', text }, CLUSTER).kind;
  assert.equal(kind('transform: {image: i}\nspout: {service: {internal_port: 80}}\n'), 'pipeline');
  assert.equal(kind('transform: {image: i}\nservice: {internal_port: 80}\n'), 'pipeline');
  assert.equal(kind('transform: {image: i}\ndescription: d\n'), 'none', 'a transform alone is not enough');
  assert.equal(kind('input: {pfs: {repo: r}}\nservice: {internal_port: 80}\n'), 'none');
});

test('a UTF-8 byte order mark is accepted in JSON and YAML, kept in the text or not', () => {
  assert.deepEqual(analyseFixture('bom.pipeline.json').shown, []);
  assert.deepEqual(analyseFixture('bom.pipeline.yaml').shown, []);
  // An editor may hand over the mark as part of the text: the offsets still point into that text.
  const withMark = `\uFEFF${fixture('bom.pipeline.json').text}`;
  assert.deepEqual(analyse(withMark).codes(), []);
  const broken = analyse(`\uFEFF{"pipeline": {"name": "p"}, "transform": {"image": "i:1", "cmd": "x"}}`);
  assert.deepEqual(broken.at('PS102'), ['"x"']);
  assert.deepEqual(analyse(`\uFEFFpipeline: {name: p}\ntransform: {image: i, cmd: x}\n`, yamlUri).at('PS102'), ['x']);
});

test('UTF-16 files are decoded and named; without a byte order mark pachctl fails, which is an error', () => {
  const r = analyseFixture('utf16le.pipeline.yaml');
  assert.deepEqual(r.shown, [
    '1 PS117 this file is UTF-16LE: pachctl reads it, but many tools expect UTF-8; save it as UTF-8',
  ]);
  const bare = Buffer.from('pipeline:\n  name: p\ntransform:\n  image: i\n', 'utf16le');
  const d = decodeSource(bare);
  assert.deepEqual([d.encoding, d.bom], ['UTF-16LE', false]);
  const findings = analyzeDocument({ uri: 'file:///w/a.pipeline.yaml', text: d.text, source: d }, CLUSTER).findings;
  assert.deepEqual(
    findings.map((f) => [f.code, f.severity]),
    [['PS116', 'error']],
  );
  assert.match(findings[0].message, /UTF-16LE without a byte order mark: pachctl reads it as UTF-8 and fails/);
  const be = decodeSource(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('a: 1', 'utf16le').swap16()]));
  assert.deepEqual([be.text, be.encoding, be.bom], ['a: 1', 'UTF-16BE', true]);
});

test('a CR-only file is read line by line as pachctl reads it, and its line endings are named', () => {
  const r = analyseFixture('cr-only.pipeline.yaml');
  assert.deepEqual(r.shown, [
    '1 PS117 lines end with CR alone (classic Mac OS line endings): pachctl reads them, but many tools do not; save ' +
      'the file with LF line endings',
  ]);
  // Findings inside the file land where they are.
  const text = 'pipeline:\r  name: p\rtransform:\r  image: i\r  cmd: x\r';
  const a = analyse(text, yamlUri);
  assert.deepEqual(a.codes(), ['PS117', 'PS102']);
  assert.deepEqual(a.at('PS102'), ['x']);
  assert.deepEqual(
    analyse('pipeline:\r\n  name: p\r\ntransform:\r\n  image: i\r\n', yamlUri).codes(),
    [],
    'CRLF is no problem',
  );
});

test('one finding per cause: a truncated JSON file, a tab-indented YAML line', () => {
  assert.deepEqual(analyseFixture('truncated.pipeline.json').shown, ['4 PS100 closing brace "}" expected']);
  assert.deepEqual(analyseFixture('tab-indented.pipeline.yaml').shown, ['7 PS100 Tabs are not allowed as indentation']);
  // A tab that moves a key to the root: the key is no unknown field of the root, the tab is the cause.
  assert.deepEqual(analyse('pipeline:\n  name: p\ntransform:\n  image: i\n\tcmd: [a]\n', yamlUri).codes(), ['PS100']);
  // Other syntax errors elsewhere are still reported.
  const two = analyse('pipeline:\n  name: p\ntransform:\n  image: i\n\tcmd: [a]\ninput: {pfs: {repo: r}\n', yamlUri);
  assert.equal(two.codes().filter((c) => c === 'PS100').length, 2);
});

test('fields older Pachyderm had: PS101 names the path and what replaced it', () => {
  const r = analyseFixture('pachyderm-1x.pipeline.json');
  assert.deepEqual(r.shown, [
    '4 PS101 unknown field "strategy" (parallelism_spec.strategy): ' +
      'removed in Pachyderm 1.5: "constant" alone sets the number of workers',
    '5 PS101 unknown field "standby": Pachyderm 2.0 replaced it with "autoscaling"',
    '6 PS101 unknown field "atom" (input.atom): Pachyderm 1.9 replaced it with "pfs", which has the same fields',
    '12 PS101 unknown field "inputs": Pachyderm 1.5 replaced it with ' +
      '"input", which holds one input (several go under "cross" or "union")',
    '18 PS101 unknown field "overwrite" (spout.overwrite): removed in Pachyderm 2.0, where a spout has only "service"',
  ]);
  assert.deepEqual(
    r.findings.map((f) => f.severity),
    Array(5).fill('error'),
    'pachctl 2.x still rejects them',
  );
  const nested = analyse(
    'pipeline: {name: p}\ntransform: {image: i}\ninput:\n  cross:\n  ' +
      '- atom: {repo: a, glob: /*}\n  - pfs: {repo: b, glob: /*}\n',
    yamlUri,
  );
  assert.deepEqual(
    nested.findings.map((f) => f.message),
    ['unknown field "atom" (input.cross[0].atom): Pachyderm 1.9 replaced it with "pfs", which has the same fields'],
  );
  const coefficient = analyse(
    '{"pipeline": {"name": "p"}, "transform": {"image": "i"}, "parallelismSpec": {"coefficient": 0.5}}',
  );
  assert.deepEqual(
    coefficient.findings.map((f) => [f.message, f.data?.fix]),
    [
      [
        'unknown field "coefficient" (parallelism_spec.coefficient): removed ' +
          'in Pachyderm 2.0: set "constant" to the number of workers instead',
        undefined,
      ],
    ],
  );
  // A key that merely looks like one in another message is an ordinary unknown field.
  assert.deepEqual(
    analyse('{"pipeline": {"name": "p"}, "transform": {"image": "i", "atom": 1}}').findings.map((f) => f.message),
    ['unknown field "atom"'],
  );
});
