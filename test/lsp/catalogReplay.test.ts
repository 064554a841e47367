import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CatalogReplay } from '../../client/src/catalogReplay';
import { emptySnapshot } from '../../core/src/catalog/snapshot';
import { CatalogNotification } from '../../core/src/protocol/messages';

test('a restarted language server gets the last catalog snapshot again; the first start gets none', () => {
  const replay = new CatalogReplay();
  assert.equal(replay.running(), undefined);
  const first = { ...emptySnapshot(), namespace: 'one' };
  const second = { ...emptySnapshot(), namespace: 'two' };
  replay.sent(CatalogNotification.method, first);
  replay.sent('textDocument/didOpen', { textDocument: {} });
  replay.sent(CatalogNotification.method, second);
  assert.equal(replay.running(), second);
});

test('a restart before any catalog was sent replays nothing', () => {
  const replay = new CatalogReplay();
  replay.running();
  assert.equal(replay.running(), undefined);
});
