import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSpecFile, specRoots, nodeAt, type ObjectNode } from '../../../core/src/pipelineSpec';

const at = (text: string, needle: string, delta = 1) => text.indexOf(needle) + delta;

test('a JSON spec becomes one document whose properties carry key and value ranges', () => {
  const text = '{"pipeline": {"name": "p"}, "transform": {"image": "x"}}';
  const f = parseSpecFile('a.pipeline.json', text);
  assert.equal(f.format, 'json');
  assert.equal(f.documents.length, 1);
  const root = f.documents[0].root as ObjectNode;
  const p = root.properties[0];
  assert.equal(text.slice(p.keyStart, p.keyEnd), '"pipeline"');
  assert.equal(text.slice(p.value!.start, p.value!.end), '{"name": "p"}');
  assert.deepEqual(f.syntaxErrors, []);
});

test('JSON documents separated by --- lines are separate documents', () => {
  const text = '{"pipeline": {"name": "a"}}\n---\n{"pipeline": {"name": "b"}}\n';
  const f = parseSpecFile('a.json', text);
  assert.equal(f.documents.length, 2);
  assert.equal(specRoots(f).length, 2);
  assert.ok(!f.documents[1].runTogether);
  assert.deepEqual(f.syntaxErrors, []);
});

test('JSON documents run together without --- are split and flagged', () => {
  const text = '{"a": 1}\n{"b": 2}{"c": 3}';
  const f = parseSpecFile('a.json', text);
  assert.equal(f.documents.length, 3);
  assert.deepEqual(
    f.documents.map((d) => !!d.runTogether),
    [false, true, true],
  );
  assert.deepEqual(f.syntaxErrors, []);
});

test('a JSON syntax error is reported and the tree around it is kept', () => {
  const text = '{"pipeline": {"name": "a"} "transform": {"image": "x"}}';
  const f = parseSpecFile('a.json', text);
  assert.equal(f.syntaxErrors.length, 1);
  assert.equal(f.syntaxErrors[0].message, 'comma expected');
  const root = f.documents[0].root as ObjectNode;
  assert.deepEqual(
    root.properties.map((p) => p.key),
    ['pipeline', 'transform'],
  );
});

test('YAML documents and a top-level sequence of specs all become spec roots', () => {
  const text = 'pipeline: {name: a}\n---\n- pipeline: {name: b}\n- pipeline: {name: c}\n---\n# nothing\n';
  const f = parseSpecFile('a.yaml', text);
  assert.equal(f.format, 'yaml');
  assert.equal(f.documents.length, 3);
  assert.equal(f.documents[2].root, undefined);
  const roots = specRoots(f);
  assert.deepEqual(
    roots.map((r) => r.arrayIndex),
    [undefined, 0, 1],
  );
});

test('YAML keeps plain-ness, anchors, tags and aliases for pachctl rules', () => {
  const text = 'a: &x 1\nb: *x\nc: "1"\nd: !foo bar\n';
  const root = parseSpecFile('a.yaml', text).documents[0].root as ObjectNode;
  const [a, b, c, d] = root.properties;
  assert.deepEqual(a.value!.yaml, { anchor: 'x', plain: true });
  assert.equal(b.value!.type, 'alias');
  assert.equal(c.value!.yaml, undefined);
  assert.equal(d.value!.yaml?.tag, '!foo');
});

test('nodeAt gives the canonical path of a value written in snake_case', () => {
  const text = '{"transform": {"secrets": [{"name": "s", "env_var": "E"}]}}';
  const f = parseSpecFile('a.json', text);
  const r = nodeAt(f, at(text, '"E"'))!;
  assert.deepEqual(r.path, ['transform', 'secrets', 0, 'envVar']);
  assert.equal(r.onKey, false);
  assert.equal(r.message, 'SecretMount');
  assert.equal(r.field?.proto, 'env_var');
});

test('nodeAt tells a key from a value, in YAML and inside a top-level array', () => {
  const text = '- pipeline: {name: a}\n- transform:\n    image_pull_secrets:\n    - regcred\n';
  const f = parseSpecFile('a.yaml', text);
  const onKey = nodeAt(f, at(text, 'image_pull'))!;
  assert.equal(onKey.onKey, true);
  assert.deepEqual(onKey.path, ['transform', 'imagePullSecrets']);
  assert.equal(onKey.message, 'Transform');
  const onValue = nodeAt(f, at(text, 'regcred'))!;
  assert.deepEqual(onValue.path, ['transform', 'imagePullSecrets', 0]);
  assert.equal(onValue.spec, specRoots(f)[1].root);
});

test('positionAt and offsetAt agree, with CRLF line ends', () => {
  const text = 'a\r\nbc\nd';
  const f = parseSpecFile('a.yaml', text);
  assert.deepEqual(f.lines.positionAt(4), { line: 1, character: 1 });
  assert.equal(f.lines.offsetAt({ line: 1, character: 1 }), 4);
  assert.equal(f.lines.offsetAt({ line: 0, character: 99 }), 1);
  assert.deepEqual(f.lines.positionAt(text.length), { line: 2, character: 1 });
});

test('nodeAt between properties gives the enclosing object and its message type', () => {
  const text = '{"transform": {"secrets": [{"name": "s",   }]}}';
  const f = parseSpecFile('a.json', text);
  const r = nodeAt(f, text.indexOf(',') + 2)!;
  assert.equal(r.node?.type, 'object');
  assert.equal(r.onKey, false);
  assert.equal(r.message, 'SecretMount');
  assert.deepEqual(r.path, ['transform', 'secrets', 0]);
});

test('nodeAt keeps unknown keys and map keys as written', () => {
  const text = 'transform:\n  env:\n    MY_VAR: x\n  bogus_field: 1\n';
  const f = parseSpecFile('a.yaml', text);
  assert.deepEqual(nodeAt(f, text.indexOf('x\n'))!.path, ['transform', 'env', 'MY_VAR']);
  const unknown = nodeAt(f, text.indexOf('bogus'))!;
  assert.deepEqual(unknown.path, ['transform', 'bogus_field']);
  assert.equal(unknown.field, undefined);
});

test('an empty document or file has no node, and the format is sniffed when the name does not tell', () => {
  assert.equal(nodeAt(parseSpecFile('a.yaml', '# just a comment\n'), 3)?.node, undefined);
  assert.equal(nodeAt(parseSpecFile('a.yaml', ''), 0), undefined);
  assert.equal(parseSpecFile('untitled:1', '  {"a": 1}').format, 'json');
  assert.equal(parseSpecFile('untitled:1', 'a: 1').format, 'yaml');
  assert.equal(parseSpecFile('untitled:1', '{"a": 1}', 'yaml').format, 'yaml');
});
