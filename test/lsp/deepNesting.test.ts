/**
 * Deeply nested documents through the real protocol: a file holding 10,000 levels between two ordinary specs
 * gets fresh diagnostics (one for the deep document, the usual ones for the others), hover keeps answering,
 * and a document just within the limit can be hovered and completed at its deepest point.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CompletionRequest, HoverRequest, type Diagnostic, type MarkupContent } from 'vscode-languageserver-protocol';
import { CatalogNotification } from '../../core/src/protocol/messages';
import { MAX_READ_DEPTH } from '../../core/src/pipelineSpec/nestingDepth';
import { LspSession, positionAt } from './serverProcess';

const SPEC =
  '{"pipeline": {"name": "ok"}, "transform": {"image": "i", "secrets": [{"name": "db-creds", "mountPath": "/s"}]}}';
const deepJson = (n: number) => `{"deep": ${'['.repeat(n)}"s"${']'.repeat(n)}}`;
const tooDeep = (ds: Diagnostic[]) => ds.filter((d) => /nested more than/.test(d.message));

let session: LspSession;

before(async () => {
  session = await LspSession.start();
  const empty = { context: 'c', namespace: 'n', state: { kind: 'ready' as const }, secrets: [] };
  await session.connection.sendNotification(CatalogNotification.type, empty);
});

after(() => session?.stop());

async function hover(uri: string, text: string, offset: number): Promise<string> {
  const position = positionAt(text, offset);
  const h = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  return (h?.contents as MarkupContent | undefined)?.value ?? '';
}

test('10,000 levels between two specs: one diagnostic there, fresh ones for the others, hover answers', async () => {
  const uri = 'file:///w/deep.pipeline.json';
  const first = await session.open(uri, 'json', SPEC, 1, 20_000);
  assert.deepEqual(tooDeep(first.diagnostics), []);
  // The edit that makes it deep must replace the diagnostics, not leave the old ones standing.
  const text = `${SPEC}\n---\n${deepJson(10_000)}\n---\n${SPEC.replace('"ok"', '"ok2"')}`;
  const published = session.nextDiagnostics(uri, (p) => p.version === 2, 20_000);
  await session.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ text }],
  });
  const { diagnostics } = await published;
  assert.equal(tooDeep(diagnostics).length, 1, JSON.stringify(diagnostics));
  // `{` is level 1, so level MAX_READ_DEPTH + 1 is the MAX_READ_DEPTH-th `[`.
  const deepAt = text.indexOf('{"deep": ') + '{"deep": '.length + MAX_READ_DEPTH - 1;
  assert.deepEqual(tooDeep(diagnostics)[0].range.start, positionAt(text, deepAt));
  assert.equal(diagnostics.filter((d) => d.code === 'PS002').length, 2, JSON.stringify(diagnostics));
  const secondSpec = text.lastIndexOf('db-creds') + 1;
  assert.match(await hover(uri, text, secondSpec), /db-creds/);
});

test('a document just within the limit is hovered and completed at its deepest point', async () => {
  const uri = 'file:///w/just-within.pipeline.json';
  const n = MAX_READ_DEPTH - 3;
  const transform = '{"image": "i", "secrets": [{"name": "db-creds", "mountPath": "/s"}]}';
  const text = `{"pipeline": {"name": "p"}, "transform": ${transform}, "deep": ${'['.repeat(n)}"s"${']'.repeat(n)}}`;
  const published = await session.open(uri, 'json', text, 1, 20_000);
  assert.deepEqual(published.diagnostics.map((d) => d.code).sort(), ['PS002', 'PS101']);
  const deepest = text.indexOf('"s"') + 1;
  await hover(uri, text, deepest);
  const position = positionAt(text, deepest);
  await session.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
  // Still answering afterwards: the server did not die on the way.
  assert.match(await hover(uri, text, text.indexOf('db-creds') + 1), /db-creds/);
});
