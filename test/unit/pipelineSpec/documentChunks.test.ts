import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentChunks } from '../../../core/src/pipelineSpec/documentChunks';
import { parseSpecFile } from '../../../core/src/pipelineSpec/parseSpecFile';

const texts = (text: string, format: 'json' | 'yaml') =>
  documentChunks(text, format).map((c) => text.slice(c.start, c.end));

test('YAML chunks start at their --- line; a --- with only blanks after it splits, one with content does not', () => {
  const text = '# head\na: 1\n---  \nb: 2\n--- c\n---\n';
  assert.deepEqual(texts(text, 'yaml'), ['# head\na: 1\n', '---  \nb: 2\n--- c\n', '---\n']);
});

test('JSON chunks are the text between --- lines, the lines themselves belonging to none', () => {
  assert.deepEqual(texts('{"a": 1}\n---\n{"b": 2}\n---', 'json'), ['{"a": 1}\n', '{"b": 2}\n', '']);
});

test('a YAML file with a % directive is one chunk, as the directive belongs to the document after it', () => {
  const text = 'a: 1\n---\n%YAML 1.1\n---\nb: yes\n';
  assert.deepEqual(texts(text, 'yaml'), [text]);
});

test('a --- line ends an unclosed YAML quoted scalar and starts the next document, as in pachctl', () => {
  const file = parseSpecFile('f.yaml', 'a: "unclosed\n---\npipeline: {name: p}\n');
  assert.equal(file.documents.length, 2);
  assert.ok(file.syntaxErrors.length > 0);
  const root = file.documents[1].root;
  assert.equal(root?.type === 'object' && root.properties[0].key, 'pipeline');
});
