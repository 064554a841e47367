import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withoutDocumentText } from '../../client/src/traceChannel';

const CANARY = 'trace-canary-7f3a "quoted" \\ value';

/** What vscode-jsonrpc prints at `verbose`: `Params: ` and the parameters as JSON, indented by four. */
function verboseParams(params: unknown): string {
  return `Params: ${JSON.stringify(params, null, 4)}`;
}

test('a didOpen trace keeps the URI and language and leaves the text out', () => {
  const line = verboseParams({
    textDocument: { uri: 'file:///w/values.yaml', languageId: 'yaml', version: 1, text: `password: ${CANARY}\n` },
  });
  const out = withoutDocumentText(line);
  assert.ok(!out.includes('trace-canary-7f3a'), out);
  assert.ok(out.includes('"uri": "file:///w/values.yaml"'), out);
  assert.ok(out.includes('"languageId": "yaml"'), out);
  assert.match(out, /"text": "\(document text left out of the trace, \d+ characters as JSON\)"/);
});

test('every change of a didChange trace, and the JSON trace format, lose their text', () => {
  const changes = {
    textDocument: { uri: 'file:///w/a.json', version: 2 },
    contentChanges: [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: CANARY },
      { text: `{"x": "${CANARY}"}` },
    ],
  };
  for (const line of [verboseParams(changes), JSON.stringify({ params: changes })]) {
    const out = withoutDocumentText(line);
    assert.ok(!out.includes('trace-canary-7f3a'), out);
    assert.equal(out.match(/document text left out/g)?.length, 2, out);
    assert.ok(out.includes('"character": 1') || out.includes('"character":1'), out);
  }
});

test('lines without document text pass unchanged', () => {
  const line = verboseParams({ contents: { kind: 'markdown', value: 'Secret `db` (Opaque)' }, textEdit: { x: 1 } });
  assert.equal(withoutDocumentText(line), line);
  assert.equal(
    withoutDocumentText("Sending notification 'textDocument/didOpen'."),
    "Sending notification 'textDocument/didOpen'.",
  );
});
