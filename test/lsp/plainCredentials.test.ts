/**
 * PS050 through the built language server: the diagnostic names the variable and never the value, the code action
 * runs the client's "Move into a Secret" with names only, and the two requests behind it answer where the value is
 * (slices of the text) and the edit, neither carrying the value.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CodeActionRequest, type Diagnostic } from 'vscode-languageserver-protocol';
import { EnvToSecretEditRequest, SpecEnvValueRequest } from '../../core/src/protocol/messages';
import { readSlices } from '../../core/src/helm/valueSlice';
import { applyEdits } from '../../core/src/text/offsets';
import { LspSession } from './serverProcess';

const CANARY = 'CANARY-Zq8w-R4t8';
/** Any 4 characters of the canary in a row: what a message quoting part of the value would hold. */
const PIECES = new RegExp(
  [...Array(CANARY.length - 3).keys()].map((i) => CANARY.slice(i, i + 4).replace(/-/g, '\\-')).join('|'),
);

let s: LspSession;
before(async () => {
  s = await LspSession.start();
});
after(() => s.stop());

const text =
  'pipeline:\n  name: nightly-etl\ntransform:\n  image: etl:1\n  env:\n' +
  `    MODE: fast\n    DB_PASSWORD: "${CANARY}"\n`;

test('PS050 is published on the value, and neither its message nor its data holds a piece of the value', async () => {
  const uri = 'file:///tmp/ps050-lsp/diag.pipeline.yaml';
  const published = await s.open(uri, 'yaml', text);
  const ps050 = published.diagnostics.filter((d) => d.code === 'PS050');
  assert.equal(ps050.length, 1, JSON.stringify(published.diagnostics));
  const [d] = ps050;
  assert.equal(d.severity, 2);
  assert.deepEqual(d.range, { start: { line: 6, character: 17 }, end: { line: 6, character: 35 } });
  assert.equal(
    d.message,
    'DB_PASSWORD in transform.env looks like a plain-text credential (its name says it is a password): ' +
      'move it into a Kubernetes secret',
  );
  for (const diag of published.diagnostics) assert.ok(!PIECES.test(JSON.stringify(diag)), JSON.stringify(diag));
  await s.close(uri);
});

test('the quick fix runs pachyderm.moveEnvToSecret with the place and defaults, never the value', async () => {
  const uri = 'file:///tmp/ps050-lsp/action.pipeline.yaml';
  const published = await s.open(uri, 'yaml', text);
  const d = published.diagnostics.find((x) => x.code === 'PS050') as Diagnostic;
  const actions = await s.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: d.range,
    context: { diagnostics: [d] },
  });
  const all = (actions ?? []) as Array<{ title: string; command?: { command: string; arguments?: unknown[] } }>;
  const move = all.find((a) => a.command?.command === 'pachyderm.moveEnvToSecret');
  assert.ok(move, JSON.stringify(actions));
  assert.equal(move.title, 'Move into a Secret');
  const args = move.command!.arguments;
  assert.deepEqual(args, [
    {
      uri,
      env: 'DB_PASSWORD',
      offset: text.indexOf(`"${CANARY}"`),
      pipeline: 'nightly-etl',
      suggestedName: 'nightly-etl-credentials',
      suggestedKey: 'db-password',
    },
  ]);
  assert.ok(!PIECES.test(JSON.stringify(actions)));
  await s.close(uri);
});

test('specEnvValue answers slices, envToSecretEdit the edit; neither answer carries the value', async () => {
  const uri = 'file:///tmp/ps050-lsp/requests.pipeline.yaml';
  await s.open(uri, 'yaml', text, 4);
  const target = { uri, env: 'DB_PASSWORD', pipeline: 'nightly-etl', offset: text.indexOf(CANARY) };
  const located = await s.connection.sendRequest(SpecEnvValueRequest.type, target);
  assert.equal(located.version, 4);
  assert.equal(readSlices(text, located.slices!), CANARY);
  assert.ok(!PIECES.test(JSON.stringify(located)));

  const edit = await s.connection.sendRequest(EnvToSecretEditRequest.type, { ...target, name: 'etl-creds', key: 'pw' });
  assert.ok(edit.ok, JSON.stringify(edit));
  assert.equal(edit.version, 4);
  assert.ok(!PIECES.test(JSON.stringify(edit)));
  assert.equal(
    applyEdits(text, [edit.edit]),
    'pipeline:\n  name: nightly-etl\ntransform:\n  image: etl:1\n  env:\n    MODE: fast\n  secrets:\n' +
      '    - name: etl-creds\n      key: pw\n      envVar: DB_PASSWORD\n',
  );

  const gone = await s.connection.sendRequest(SpecEnvValueRequest.type, { ...target, env: 'OTHER' });
  assert.deepEqual(gone, { version: 4, problem: 'pipeline "nightly-etl" no longer sets OTHER in transform.env' });
  await assert.rejects(s.connection.sendRequest(SpecEnvValueRequest.type, { uri, env: 'X' } as never), /offset/);
  await s.close(uri);
});
