/**
 * Quick fixes for fields older Pachyderm versions had (core/src/rules/removedFields.ts) and for JSON documents
 * run together: each applied to the text, and the result checked again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDocument, type Finding } from '../../../core/src/analysis';
import { codeActionsFor } from '../../../core/src/language/codeActions';
import { applyEdits } from '../../../core/src/text/offsets';
import { repoRoot } from '../../corpus/paths';
import { readyCatalog } from './fixtures';

const URI_JSON = 'file:///ws/a.pipeline.json';
const URI_YAML = 'file:///ws/a.pipeline.yaml';

/** The text with the preferred fix of the first finding that `pick` selects applied, and that fix's title. */
function applyFix(text: string, uri: string, pick: (f: Finding) => boolean): { title: string; text: string } {
  const catalog = readyCatalog();
  const result = analyzeDocument({ uri, text }, catalog);
  const finding = result.findings.find(pick);
  assert.ok(finding, `no such finding among ${result.findings.map((f) => f.message).join(' | ')}`);
  const actions = codeActionsFor({ file: result.file!, uri, finding, catalog });
  assert.equal(actions.length, 1, actions.map((a) => a.title).join(' | '));
  assert.equal(actions[0].isPreferred, true);
  return { title: actions[0].title, text: applyEdits(text, actions[0].edits!) };
}

const messages = (text: string, uri = URI_JSON) =>
  analyzeDocument({ uri, text }, readyCatalog()).findings.map((f) => f.message);
const field = (key: string) => (f: Finding) => f.code === 'PS101' && f.data?.field === key;

test("each mechanical change of the 1.x fixture, applied in turn, leaves only the shape of 1.4's inputs; none where not mechanical", () => {
  let text = readFileSync(
    join(repoRoot(), 'test', 'unit', 'rules', 'specFixtures', 'pachyderm-1x.pipeline.json'),
    'utf8',
  );
  const titles: string[] = [];
  for (const key of ['strategy', 'standby', 'atom', 'inputs', 'overwrite']) {
    const fixed = applyFix(text, URI_JSON, field(key));
    titles.push(fixed.title);
    text = fixed.text;
  }
  assert.deepEqual(titles, [
    'Remove "strategy"',
    'Rename "standby" to "autoscaling"',
    'Rename "atom" to "pfs"',
    'Rename "inputs" to "input"',
    'Remove "overwrite"',
  ]);
  assert.match(text, /"parallelism_spec": \{"constant": 2\}/);
  assert.match(text, /"autoscaling": true,\n {2}"input": \{"pfs": \{"repo": "images"/);
  assert.match(text, /"spout": \{\}/);
  // `inputs` was a list of 1.4 inputs: renamed, its shape is what is left to change, and the message says so.
  assert.deepEqual(messages(text), ['input must be an object, not a list']);
  // No rename onto a field the object has already, and no fix where the change is not mechanical.
  const catalog = readyCatalog();
  const clash =
    '{"pipeline": {"name": "p"}, "transform": {"image": "i:1"}, "standby": true, "autoscaling": false, ' +
    '"parallelism_spec": {"coefficient": 1}}';
  const result = analyzeDocument({ uri: URI_JSON, text: clash }, catalog);
  for (const key of ['standby', 'coefficient']) {
    const finding = result.findings.find(field(key))!;
    assert.deepEqual(codeActionsFor({ file: result.file!, uri: URI_JSON, finding, catalog }), [], key);
  }
});

test('YAML keys are renamed and removed in place', () => {
  const text =
    'pipeline:\n  name: p\ntransform:\n  image: i:1\nstandby: true\nparallelism_spec:\n  strategy: CONSTANT\n  ' +
    'constant: 1\ninput:\n  atom:\n    repo: r\n    glob: /*\n';
  const atom = applyFix(text, URI_YAML, field('atom'));
  assert.equal(atom.text, text.replace('  atom:\n', '  pfs:\n'));
  const strategy = applyFix(atom.text, URI_YAML, field('strategy'));
  assert.equal(strategy.text, atom.text.replace('  strategy: CONSTANT\n', ''));
  const standby = applyFix(strategy.text, URI_YAML, field('standby'));
  assert.equal(standby.text, strategy.text.replace('standby: true', 'autoscaling: true'));
  assert.deepEqual(messages(standby.text, URI_YAML), []);
});

test('JSON documents run together get a `---` line between them, on the same line or the next', () => {
  const a = '{"pipeline": {"name": "a"}, "transform": {"image": "i:1"}}';
  const b = '{"pipeline": {"name": "b"}, "transform": {"image": "i:1"}}';
  const sameLine = applyFix(`${a}${b}\n`, URI_JSON, (f) => f.code === 'PS110');
  assert.equal(sameLine.title, 'Separate the documents with a "---" line');
  assert.equal(sameLine.text, `${a}\n---\n${b}\n`);
  const nextLine = applyFix(`${a}\n  ${b}\n`, URI_JSON, (f) => f.code === 'PS110');
  assert.equal(nextLine.text, `${a}\n---\n  ${b}\n`);
  assert.deepEqual(messages(nextLine.text), []);
});
