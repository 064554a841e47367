/**
 * The built language server, through the real protocol, on the kinds of real-world specs the analysis used to
 * misjudge: where each is reported, and the quick fixes for fields older Pachyderm had and for JSON documents
 * run together, applied to the text as an editor would.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionRequest, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-protocol';
import { LspSession } from './serverProcess';

let workspace: string;
let session: LspSession;

before(async () => {
  workspace = mkdtempSync(path.join(tmpdir(), 'pachyderm-lsp-real-'));
  session = await LspSession.start({ workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'ws' }] });
});

after(async () => {
  await session?.stop();
  rmSync(workspace, { recursive: true, force: true });
});

const uriOf = (name: string) => pathToFileURL(path.join(workspace, name)).href;

/** Applies LSP text edits (non-overlapping) to `text`. */
function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/**
 * Sends a quick fix's single edit to the server as the editor does once the user picks it, and returns the next
 * diagnostics.
 */
async function applyInEditor(uri: string, version: number, action: CodeAction) {
  const [edit] = action.edit!.changes![uri];
  assert.equal(action.edit!.changes![uri].length, 1);
  return session.change(uri, version, edit.range, edit.newText);
}

async function fixesFor(uri: string, d: Diagnostic): Promise<CodeAction[]> {
  return (await session.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: d.range,
    context: { diagnostics: [d] },
  })) as CodeAction[];
}

test('a 1.x spec: each old field says its path and successor, and its quick fix makes the change', async () => {
  const uri = uriOf('legacy.pipeline.json');
  const text = [
    '{',
    '  "pipeline": {"name": "legacy"},',
    '  "transform": {"image": "example/edges:1", "cmd": ["python3", "/edges.py"]},',
    '  "standby": true,',
    '  "input": {"atom": {"repo": "images", "glob": "/*"}}',
    '}',
    '',
  ].join('\n');
  const published = await session.open(uri, 'json', text);
  const messages = published.diagnostics.map(
    (d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`,
  );
  assert.deepEqual(messages, [
    '3:2 PS101 unknown field "standby": Pachyderm 2.0 replaced it with "autoscaling"',
    '4:12 PS101 unknown field "atom" (input.atom): Pachyderm 1.9 replaced it with "pfs", which has the same fields',
  ]);
  const atom = await fixesFor(uri, published.diagnostics[1]);
  assert.deepEqual(
    atom.map((a) => [a.title, a.isPreferred]),
    [['Rename "atom" to "pfs"', true]],
  );
  const fixed = applyEdits(text, atom[0].edit!.changes![uri]);
  assert.equal(fixed, text.replace('"atom"', '"pfs"'));
  const afterAtom = await applyInEditor(uri, 2, atom[0]);
  assert.deepEqual(
    afterAtom.diagnostics.map((d) => d.message),
    ['unknown field "standby": Pachyderm 2.0 replaced it with "autoscaling"'],
  );
  const standby = await fixesFor(uri, afterAtom.diagnostics[0]);
  assert.deepEqual(
    standby.map((a) => a.title),
    ['Rename "standby" to "autoscaling"'],
  );
  assert.equal(applyEdits(fixed, standby[0].edit!.changes![uri]), fixed.replace('"standby"', '"autoscaling"'));
  assert.deepEqual((await applyInEditor(uri, 3, standby[0])).diagnostics, []);
});

test('JSON documents run together: the quick fix adds the `---` line; a last `---` line is reported there', async () => {
  const uri = uriOf('two.pipeline.json');
  const a = '{"pipeline": {"name": "a"}, "transform": {"image": "i:1"}, "input": {"pfs": {"repo": "r", "glob": "/*"}}}';
  const b = '{"pipeline": {"name": "b"}, "transform": {"image": "i:1"}, "input": {"pfs": {"repo": "a", "glob": "/*"}}}';
  const text = `${a}\n${b}\n`;
  const published = await session.open(uri, 'json', text);
  assert.deepEqual(
    published.diagnostics.map((d) => [d.code, d.range.start]),
    [['PS110', { line: 1, character: 0 }]],
  );
  const [fix] = await fixesFor(uri, published.diagnostics[0]);
  assert.equal(fix.title, 'Separate the documents with a "---" line');
  const separated = applyEdits(text, fix.edit!.changes![uri]);
  assert.equal(separated, `${a}\n---\n${b}\n`);
  assert.deepEqual((await applyInEditor(uri, 2, fix)).diagnostics, []);
  const end = { line: 3, character: 0 };
  const trailing = await session.change(uri, 3, { start: end, end }, '---\n');
  assert.deepEqual(
    trailing.diagnostics.map((d) => [d.code, d.range]),
    [['PS111', { start: { line: 3, character: 0 }, end: { line: 3, character: 3 } }]],
  );
});

test('a spec without `pipeline` in a file not named like one, and a CR-only spec, are judged as specs', async () => {
  const uri = uriOf('wordcount.yaml');
  const noName = await session.open(
    uri,
    'yaml',
    'transform:\n  image: example/wc:2\n  cmd: wc\ninput:\n  pfs: {repo: books, glob: /}\n',
  );
  assert.deepEqual(
    noName.diagnostics.map((d) => `${d.range.start.line} ${d.code} ${d.message}`),
    ['0 PS113 no `pipeline` specified', '2 PS102 transform.cmd must be a list, not a string'],
  );
  const cr = await session.open(
    uriOf('mac.pipeline.yaml'),
    'yaml',
    'pipeline:\r  name: m\rtransform:\r  image: i:1\r  cmd: wc\r',
  );
  assert.deepEqual(
    cr.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}`),
    ['0:0 PS117', '4:7 PS102'],
  );
});
