/**
 * Restricted mode: the workspace's pachyderm.kubeconfig (which points at the local cluster) is ignored, because a
 * kubeconfig can run exec auth plugins, and the Secrets view says so.
 */
import assert from 'node:assert/strict';
import type { PachydermExtensionExports } from '../../client/src/extension';
import type { TreeRow } from '../../client/src/cluster/treeModel';
import { activateExtension, openFixture, testEnv, waitFor } from './harness';

suite('cluster: untrusted workspace', () => {
  test('the workspace kubeconfig setting is ignored and the Secrets view says why', async () => {
    await openFixture('specs/broken.pipeline.json');
    const area = (await activateExtension<PachydermExtensionExports>()).cluster;
    await waitFor(
      () => area.catalog.snapshot().state.kind !== 'loading' && area.catalog.snapshot().state.kind !== 'unknown',
      { what: 'the catalog to settle' },
    );
    assert.deepEqual(area.ignoredSettings, ['pachyderm.kubeconfig']);
    const state = area.catalog.snapshot().state;
    const rows = area.tree.getChildren() as TreeRow[];
    if (state.kind === 'error' && state.problem === 'untrusted') {
      // Nothing else to read: the tree is empty so the "not trusted" welcome view shows.
      assert.deepEqual(rows, []);
      assert.match(state.reason, /not trusted/);
    } else {
      // A user-level kubeconfig exists on this machine: it is used, with a notice about the ignored setting.
      assert.ok(
        rows.some((r) => r.id === 'notice/untrusted'),
        JSON.stringify(rows.map((r) => r.label)),
      );
    }
    assert.ok(
      !area.catalog.target().server || !testEnv().cluster || area.catalog.target().server !== testEnv().cluster!.server,
      'the local cluster from the workspace setting was contacted',
    );
  });
});
