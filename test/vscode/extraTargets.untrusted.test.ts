/**
 * Restricted mode: the workspace's `pachyderm.extraTargets` is ignored, because each entry names a context and a
 * context can run an exec auth plugin; the user's own value still applies, as for `pachyderm.context`.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PachydermExtensionExports } from '../../client/src/extension';
import { activateExtension, restoreSettings, setSetting, waitFor } from './harness';

suite('extra targets: untrusted workspace', () => {
  teardown(() => restoreSettings());

  test("the workspace's extra targets are ignored and the user's are used", async () => {
    const area = (await activateExtension<PachydermExtensionExports>()).cluster;
    assert.equal(vscode.workspace.isTrusted, false);
    const labels = () => [...area.extraTargets!.catalogs().keys()];
    await setSetting('pachyderm.extraTargets', [{ context: 'workspace-ctx', label: 'theirs' }]);
    await setSetting(
      'pachyderm.extraTargets',
      [{ context: 'user-ctx', label: 'mine' }],
      vscode.ConfigurationTarget.Global,
    );
    await waitFor(() => labels().join() === 'mine', { what: "only the user's extra target", timeoutMs: 10_000 });
  });
});
