/**
 * PS070 through the real language server: the client's `pachyderm/targetCatalogs` notification (labelled, value-free
 * snapshots of the extra targets) makes a reference that the main catalog resolves but a target lacks a warning
 * that names the target; a target that is not ready adds nothing, and a new notification replaces the last.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { toSecretMeta } from '../../core/src/catalog/secretMeta';
import type { CatalogSnapshot } from '../../core/src/catalog/snapshot';
import { CatalogNotification, TargetCatalogsNotification } from '../../core/src/protocol/messages';
import { LspSession } from './serverProcess';

const VALUE = 'extra-target-canary-value';

const opaque = (name: string, namespace: string, keys: string[]) =>
  toSecretMeta({
    metadata: { name, namespace },
    type: 'Opaque',
    data: Object.fromEntries(keys.map((k) => [k, Buffer.from(VALUE).toString('base64')])),
  });
const ready = (context: string, namespace: string, secrets: ReturnType<typeof opaque>[]): CatalogSnapshot => ({
  context,
  namespace,
  state: { kind: 'ready' },
  secrets,
});
const main = ready('dev-ctx', 'pachyderm', [
  opaque('db', 'pachyderm', ['password', 'user']),
  opaque('aws', 'x', ['id']),
]);
const prod = ready('prod-ctx', 'pachyderm', [opaque('db', 'pachyderm', ['user'])]);
const down: CatalogSnapshot = {
  context: 'down-ctx',
  namespace: 'pachyderm',
  state: { kind: 'error', problem: 'unreachable', reason: 'connection refused' },
  secrets: [],
};

const specText = [
  'pipeline: {name: web}',
  'transform:',
  '  image: i:1',
  '  secrets:',
  '  - {name: db, key: password, envVar: PW}',
  '  - {name: aws, mountPath: /aws}',
  '',
].join('\n');
const uri = 'file:///tmp/targets-lsp/web.pipeline.yaml';
const ps070 = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'PS070');

let s: LspSession;
before(async () => {
  s = await LspSession.start();
  await s.connection.sendNotification(CatalogNotification.type, main);
});
after(() => s.stop());

test('an extra target lacking a secret or a key gets PS070 naming it; one that is down adds nothing', async () => {
  const opened = await s.open(uri, 'yaml', specText);
  assert.deepEqual(ps070(opened.diagnostics), []);
  const checked = s.nextDiagnostics(uri, (p) => ps070(p.diagnostics).length > 0);
  await s.connection.sendNotification(TargetCatalogsNotification.type, {
    targets: [
      { label: 'down', snapshot: down },
      { label: 'prod', snapshot: prod },
    ],
  });
  const found = ps070((await checked).diagnostics);
  assert.deepEqual(
    found.map((d) => [d.range.start.line, d.severity, d.message]),
    [
      [4, 2, 'Key `password` of secret `db` does not exist in target `prod` (context prod-ctx, namespace pachyderm)'],
      [5, 2, 'Secret `aws` does not exist in target `prod` (context prod-ctx, namespace pachyderm)'],
    ],
  );
  // The key's own range is underlined.
  assert.equal(specText.split('\n')[4].slice(found[0].range.start.character, found[0].range.end.character), 'password');
  await s.close(uri);
});

test('a new notification replaces the targets: none left, no PS070', async () => {
  await s.connection.sendNotification(TargetCatalogsNotification.type, {
    targets: [{ label: 'prod', snapshot: prod }],
  });
  const opened = await s.open(uri, 'yaml', specText);
  assert.equal(ps070(opened.diagnostics).length, 2);
  const cleared = s.nextDiagnostics(uri, (p) => ps070(p.diagnostics).length === 0);
  await s.connection.sendNotification(TargetCatalogsNotification.type, { targets: [] });
  await cleared;
  await s.close(uri);
});

test("no target's secret value crosses the connection or comes back", () => {
  assert.ok(s.sentText().includes('"prod-ctx"'), 'the targets did cross');
  assert.ok(!s.sentText().includes(VALUE) && !s.sentText().includes(Buffer.from(VALUE).toString('base64')));
  assert.ok(!JSON.stringify(s.published).includes(VALUE));
});
