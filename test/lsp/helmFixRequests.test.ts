/**
 * The requests behind PH003's "move value to a Secret", through the built server: where the plain value is
 * (as ranges of the file's own text, never the value), and the edits that put the SecretName in its place.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import { HelmPlainValueRequest, HelmSecretNameEditsRequest } from '../../core/src/protocol/messages';
import { applyEdits } from '../../core/src/text/offsets';
import { readSlices } from '../../core/src/helm/valueSlice';
import { LspSession } from './serverProcess';

let s: LspSession;
let dir: string;
before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'pachyderm-helm-fix-'));
  s = await LspSession.start();
});
after(async () => {
  await s.stop();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
const valuesUri = () => `file:///tmp/helm-fix-${++n}/values.yaml`;

/** What YAML itself reads at pachd.rootToken: the value the client must end up with. */
const yamlValue = (text: string) =>
  String((parseDocument(text).toJS() as { pachd: { rootToken: unknown } }).pachd.rootToken);

const cases: [string, string][] = [
  ['plain', 'pachd:\n  rootToken: fixture-plain-token\n'],
  ['double-quoted with escapes', 'pachd:\n  rootToken: "fix\\x41ture \\"quoted\\"\\ttab"\n'],
  ['single-quoted with a doubled quote', "pachd:\n  rootToken: 'it''s a fixture'\n"],
  ['block literal', 'pachd:\n  rootToken: |\n    line one\n    line two\n'],
  ['folded over lines', 'pachd:\n  rootToken: >-\n    folded\n    fixture\n'],
  ['a number', 'pachd:\n  rootToken: 1e3\n'],
  ['an astral escape', 'pachd:\n  rootToken: "key-\\U0001F511-\\u00e9"\n'],
];
for (const [what, text] of cases) {
  test(`helmPlainValue locates a ${what} value as slices of the text, without sending the value`, async () => {
    const uri = valuesUri();
    await s.open(uri, 'yaml', text, 3);
    const result = await s.connection.sendRequest(HelmPlainValueRequest.type, { uri, plainPath: 'pachd.rootToken' });
    assert.equal(result.version, 3);
    const value = yamlValue(text);
    assert.equal(readSlices(text, result.slices!), value);
    assert.ok(!JSON.stringify(result).includes(value), 'the answer carries the value');
    await s.close(uri);
  });
}

test('helmPlainValue answers no slices when the path holds no scalar, and reads an unopened file from disk', async () => {
  const uri = valuesUri();
  await s.open(uri, 'yaml', 'pachd:\n  rootToken:\n    nested: x\n');
  assert.deepEqual(await s.connection.sendRequest(HelmPlainValueRequest.type, { uri, plainPath: 'pachd.rootToken' }), {
    version: 1,
    problem: 'no-scalar',
  });
  assert.deepEqual(await s.connection.sendRequest(HelmPlainValueRequest.type, { uri, plainPath: 'pachd.missing' }), {
    version: 1,
    problem: 'no-scalar',
  });
  await s.close(uri);

  const file = path.join(dir, 'values.yaml');
  const text = 'pachd:\n  rootToken: "on-disk-fixture"\n';
  writeFileSync(file, text);
  const onDisk = await s.connection.sendRequest(HelmPlainValueRequest.type, {
    uri: pathToFileURL(file).href,
    plainPath: 'pachd.rootToken',
  });
  assert.equal(onDisk.version, null);
  assert.equal(readSlices(text, onDisk.slices!), 'on-disk-fixture');
  await assert.rejects(
    s.connection.sendRequest(HelmPlainValueRequest.type, {
      uri: pathToFileURL(path.join(dir, 'gone.yaml')).href,
      plainPath: 'pachd.rootToken',
    }),
    /could not read .*gone\.yaml: ENOENT/,
  );
});

test('helmSecretNameEdits replaces the plain value by the SecretName the user chose, or fills an existing one', async () => {
  const uri = valuesUri();
  const text = 'pachd:\n  rootToken: "fixture"\ncloudsqlAuthProxy:\n  iamLogin: true\n';
  await s.open(uri, 'yaml', text, 7);
  const params = {
    uri,
    plainPath: 'pachd.rootToken',
    secretNamePath: 'pachd.rootTokenSecretName',
    name: 'pachd-root-token',
  };
  const result = await s.connection.sendRequest(HelmSecretNameEditsRequest.type, params);
  assert.equal(result.version, 7);
  assert.equal(
    applyEdits(text, result.edits),
    'pachd:\n  rootTokenSecretName: pachd-root-token\ncloudsqlAuthProxy:\n  iamLogin: true\n',
  );
  await s.close(uri);

  const both = 'pachd:\n  rootTokenSecretName:\n  rootToken: fixture\n';
  await s.open(uri, 'yaml', both, 8);
  const filled = await s.connection.sendRequest(HelmSecretNameEditsRequest.type, params);
  assert.equal(applyEdits(both, filled.edits), 'pachd:\n  rootTokenSecretName: pachd-root-token\n');
  await s.close(uri);

  await s.open(uri, 'yaml', 'pachd: {}\n', 9);
  assert.deepEqual(await s.connection.sendRequest(HelmSecretNameEditsRequest.type, params), { version: 9, edits: [] });
  await s.close(uri);
});
