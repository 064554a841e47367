/**
 * Every LSP handler goes through one wrapper (server/src/guarded.ts): a handler that throws answers with its
 * empty answer instead of an error the editor shows, the server stays up, and its log names the handler
 * without the error's message (which may quote document text). Through the real protocol, with requests that
 * threw before: code actions for diagnostics whose range or fix data an editor or another tool got wrong.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CodeActionRequest,
  HoverRequest,
  LogMessageNotification,
  type Diagnostic,
} from 'vscode-languageserver-protocol';
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { failureSummary, guarded } from '../../server/src/guarded';
import { LspSession } from './serverProcess';

const VALUE = 'fixture-plain-value-7f3a';
let s: LspSession;
const logged: string[] = [];
before(async () => {
  s = await LspSession.start();
  s.connection.onNotification(LogMessageNotification.type, (m) => logged.push(m.message));
});
after(() => s.stop());

test('a code action for Helm fix data without its path answers no actions, and the server goes on', async () => {
  const uri = 'file:///tmp/guarded-helm/values.yaml';
  const text = `pachd:\n  rootToken: ${VALUE}\n  rootTokenSecretName: pach-root\n`;
  await s.open(uri, 'yaml', text);
  const range = { start: { line: 1, character: 2 }, end: { line: 1, character: 11 } };
  // A PH004 diagnostic as another tool (or an older server) might have left it: its data has no plainPath.
  const stale: Diagnostic = {
    range,
    source: 'pachyderm',
    code: 'PH004',
    message: 'stale',
    data: { kind: 'remove-ignored-plain' },
  };
  const actions = await s.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range,
    context: { diagnostics: [stale] },
  });
  assert.deepEqual(actions, []);
  const hover = await s.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: range.start });
  assert.ok(hover, 'hover still answers on the same document');
  await s.close(uri);
  await waitFor(() => logged.some((m) => m.startsWith('codeAction failed: TypeError')));
  assert.ok(!logged.some((m) => m.includes(VALUE)), 'no value in the log');
});

test('a code action request for a spec diagnostic without a range answers no actions', async () => {
  const uri = 'file:///tmp/guarded-spec/x.pipeline.json';
  await s.open(uri, 'json', '{"pipeline": {"name": "p"}, "transform": {"image": "i"}}\n');
  const broken = { source: 'pachyderm', code: 'PS002', message: 'no range' } as unknown as Diagnostic;
  const actions = await s.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    context: { diagnostics: [broken] },
  });
  assert.deepEqual(actions, []);
  await s.close(uri);
});

async function waitFor(cond: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`not logged within ${timeoutMs} ms: ${JSON.stringify(logged)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('the wrapper logs the class and frames of what a handler threw, never its message', async () => {
  const lines: string[] = [];
  const log = { error: (m: string) => lines.push(m) };
  const sync = guarded(
    log,
    'hover',
    () => null,
    (): string | null => {
      throw new Error(`value ${VALUE} in a message`);
    },
  );
  assert.equal(sync(), null);
  const async_ = guarded(
    log,
    'completion',
    () => 'empty',
    async (): Promise<string> => {
      throw new RangeError(VALUE);
    },
  );
  assert.equal(await async_(), 'empty');
  assert.equal(lines.length, 2);
  assert.match(lines[0], /^hover failed: Error\n {2}at /);
  assert.match(lines[1], /^completion failed: RangeError\n {2}at /);
  assert.ok(!lines.join('\n').includes(VALUE));
  // A message that runs over lines looking like stack frames is still left out.
  const tricky = failureSummary(new Error(`first line\n    at fake (${VALUE})`));
  assert.match(tricky, /^Error\n {2}at /);
  assert.ok(!tricky.includes(VALUE));
});

test('a ResponseError (the protocol answer for bad parameters) passes through the wrapper', () => {
  const log = { error: () => assert.fail('not a failure to log') };
  const bad = new ResponseError(ErrorCodes.InvalidParams, 'expected uri as string');
  const h = guarded(
    log,
    'request',
    () => 'empty',
    (): string => {
      throw bad;
    },
  );
  assert.throws(
    () => h(),
    (e) => e === bad,
  );
});
