/**
 * Snapshots go to the language server coalesced: a burst of catalog (or deployed pipeline) changes becomes one
 * notification with the latest.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CatalogForwarder, DeployedForwarder } from '../../client/src/cluster/snapshotsToServer';
import type { ExtensionHost } from '../../client/src/host';
import type { CatalogSnapshot } from '../../core/src/catalog/snapshot';
import type { DeployedSummary } from '../../core/src/deployed/deployedSummary';
import { CatalogNotification, DeployedNotification } from '../../core/src/protocol/messages';

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

/** A host whose client records what is sent; `next()` resolves at the next notification sent. */
function recordingHost<P>() {
  const sent: { type: unknown; params: P }[] = [];
  let delivered: () => void = () => undefined;
  const host = {
    client: {
      sendNotification: async (type: unknown, params: P) => {
        sent.push({ type, params });
        delivered();
      },
    },
    output: { warn: () => undefined },
  } as unknown as ExtensionHost;
  const next = () => new Promise<void>((r) => (delivered = r));
  return { host, sent, next };
}

test('a burst of snapshots is sent once, as the latest one, with the catalog notification type', async () => {
  const { host, sent, next } = recordingHost<CatalogSnapshot>();
  const forwarder = new CatalogForwarder(host);
  const first = next();
  for (let i = 1; i <= 5; i++) forwarder.push(snap(i));
  await first;
  assert.equal(sent.length, 1);
  assert.equal(sent[0].type, CatalogNotification.type);
  assert.equal(sent[0].params.secrets.length, 5);

  const second = next();
  forwarder.push(snap(7));
  await second;
  assert.deepEqual(
    sent.map((s) => s.params.secrets.length),
    [5, 7],
  );
  forwarder.dispose();
});

test('deployed snapshots go coalesced as one summary, without kubelet messages or pod names', async () => {
  const CANARY = 'CANARY-forwarded-7c1d';
  const { host, sent, next } = recordingHost<DeployedSummary>();
  const first = next();
  const forwarder = new DeployedForwarder(host);
  const blame = [{ secret: 'db', key: 'password', cause: 'missing-key' as const, via: ['env' as const] }];
  for (const version of [1, 2, 3]) {
    forwarder.push({
      context: 'c',
      namespace: 'ns',
      state: { kind: 'ready' },
      pipelines: [
        {
          project: 'default',
          name: 'edges',
          version,
          uses: [],
          pods: 1,
          health: {
            kind: 'failing',
            failures: [{ pod: `pod-${CANARY}`, reason: 'CreateContainerConfigError', message: CANARY, blame }],
          },
        },
      ],
    });
  }
  await first;
  assert.equal(sent.length, 1);
  assert.equal(sent[0].type, DeployedNotification.type);
  assert.equal(sent[0].params.state, 'ready');
  assert.deepEqual(
    sent[0].params.pipelines.map((p) => [p.version, p.failures]),
    [[3, [{ reason: 'CreateContainerConfigError', secret: 'db', key: 'password', cause: 'missing-key' }]]],
  );
  assert.ok(!JSON.stringify(sent).includes(CANARY));
  forwarder.dispose();
});
