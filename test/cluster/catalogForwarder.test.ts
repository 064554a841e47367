/**
 * Snapshots go to the language server coalesced: a burst of catalog changes becomes one notification with the latest.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CatalogForwarder } from '../../client/src/cluster/catalogToServer';
import type { ExtensionHost } from '../../client/src/host';
import type { CatalogSnapshot } from '../../core/src/catalog/snapshot';
import { CatalogNotification } from '../../core/src/protocol/messages';

const snap = (n: number): CatalogSnapshot => ({
  context: 'c',
  namespace: 'ns',
  state: { kind: 'ready' },
  secrets: Array.from({ length: n }, (_, i) => ({
    name: `s${i}`,
    namespace: 'ns',
    type: 'Opaque',
    keys: [],
    labels: {},
  })),
});

test('a burst of snapshots is sent once, as the latest one, with the catalog notification type', async () => {
  const sent: { type: unknown; params: CatalogSnapshot }[] = [];
  let delivered!: () => void;
  const first = new Promise<void>((r) => (delivered = r));
  const host = {
    client: {
      sendNotification: async (type: unknown, params: CatalogSnapshot) => {
        sent.push({ type, params });
        delivered();
      },
    },
    output: { warn: () => undefined },
  } as unknown as ExtensionHost;
  const forwarder = new CatalogForwarder(host);
  for (let i = 1; i <= 5; i++) forwarder.push(snap(i));
  await first;
  assert.equal(sent.length, 1);
  assert.equal(sent[0].type, CatalogNotification.type);
  assert.equal(sent[0].params.secrets.length, 5);

  let again!: () => void;
  const second = new Promise<void>((r) => (again = r));
  (host.client as unknown as { sendNotification: unknown }).sendNotification = async (
    type: unknown,
    params: CatalogSnapshot,
  ) => {
    sent.push({ type, params });
    again();
  };
  forwarder.push(snap(7));
  await second;
  assert.deepEqual(
    sent.map((s) => s.params.secrets.length),
    [5, 7],
  );
  forwarder.dispose();
});
