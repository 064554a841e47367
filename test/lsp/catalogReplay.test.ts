import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CatalogReplay } from '../../client/src/catalogReplay';
import { emptySnapshot } from '../../core/src/catalog/snapshot';
import { emptyDeployedSummary } from '../../core/src/deployed/deployedSummary';
import {
  CatalogNotification,
  DeployedNotification,
  TargetCatalogsNotification,
} from '../../core/src/protocol/messages';

test('a restarted language server gets the last catalog snapshot again; the first start gets none', () => {
  const replay = new CatalogReplay();
  assert.deepEqual(replay.running(), []);
  const first = { ...emptySnapshot(), namespace: 'one' };
  const second = { ...emptySnapshot(), namespace: 'two' };
  replay.sent(CatalogNotification.method, first);
  replay.sent('textDocument/didOpen', { textDocument: {} });
  replay.sent(CatalogNotification.method, second);
  assert.deepEqual(replay.running(), [{ method: CatalogNotification.method, params: second }]);
});

test('a restarted language server gets the last deployed pipelines summary too, after the catalog', () => {
  const replay = new CatalogReplay();
  replay.running();
  const catalog = { ...emptySnapshot(), namespace: 'ns' };
  const older = { ...emptyDeployedSummary(), namespace: 'ns', state: 'loading' as const };
  const newer = { ...emptyDeployedSummary(), namespace: 'ns', state: 'ready' as const };
  replay.sent(DeployedNotification.method, older);
  replay.sent(CatalogNotification.method, catalog);
  replay.sent(DeployedNotification.method, newer);
  assert.deepEqual(replay.running(), [
    { method: CatalogNotification.method, params: catalog },
    { method: DeployedNotification.method, params: newer },
  ]);
});

test('a restart before any snapshot was sent replays nothing', () => {
  const replay = new CatalogReplay();
  replay.running();
  assert.deepEqual(replay.running(), []);
});

test("a restarted language server gets the extra targets' catalogs again too, after the catalog", () => {
  const replay = new CatalogReplay();
  const catalog = { ...emptySnapshot(), namespace: 'ns' };
  const targets = { targets: [{ label: 'prod', snapshot: { ...emptySnapshot(), context: 'prod-ctx' } }] };
  replay.sent(TargetCatalogsNotification.method, targets);
  replay.sent(CatalogNotification.method, catalog);
  assert.deepEqual(replay.running(), [], 'the first start gets none');
  assert.deepEqual(replay.running(), [
    { method: CatalogNotification.method, params: catalog },
    { method: TargetCatalogsNotification.method, params: targets },
  ]);
});
