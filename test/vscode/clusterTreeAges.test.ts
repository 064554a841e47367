/**
 * The Secrets tree's "N minutes ago" stays true in a real VS Code: the view is redrawn when an age would read
 * differently, only while it is visible. The tree reads time from a fake clock here, so no test waits for a minute.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PachydermExtensionExports } from '../../client/src/extension';
import { systemClock } from '../../client/src/cluster/ageTicker';
import type { TreeRow } from '../../client/src/cluster/treeModel';
import { FakeClock } from '../cluster/fakeClock';
import { activateExtension, cluster, waitFor } from './harness';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
/**
 * How long a redraw may take. Each wait below ends as soon as VS Code asks for the row; the bound only detects a
 * redraw that never comes, and a busy machine (a full suite beside other work) has taken over 20 s to ask.
 */
const REDRAW = { timeoutMs: 60 * S };

suite('cluster: ages in the Secrets tree', () => {
  let area: PachydermExtensionExports['cluster'];
  let originalGetTreeItem: ((row: TreeRow) => vscode.TreeItem) | undefined;
  /** The description VS Code last asked for of the probe secret's row: what the user sees. */
  let seen: string | undefined;

  suiteSetup(async () => {
    area = (await activateExtension<PachydermExtensionExports>()).cluster;
    await waitFor(() => area.catalog.snapshot().state.kind === 'ready', { what: 'the catalog to be ready' });
  });

  teardown(async () => {
    if (originalGetTreeItem) area.tree.getTreeItem = originalGetTreeItem;
    originalGetTreeItem = undefined;
    area.tree.useClock(systemClock);
    await cluster.deleteSecret('age-probe').catch(() => undefined);
  });

  /** Runs the clock to `target`, letting VS Code redraw (and the tree reschedule) after each timer, as live. */
  async function runClockTo(clock: FakeClock, target: number): Promise<void> {
    for (;;) {
      const at = clock.nextTimerAt();
      if (at === undefined || at > target) break;
      clock.advance(at - clock.now());
      await waitFor(() => clock.timers.size > 0, {
        ...REDRAW,
        what: 'VS Code to redraw the tree and the tree to schedule its next age change',
      });
    }
    clock.advance(target - clock.now());
  }

  test("a visible tree redraws a secret's age when its minute turns; a hidden one keeps no timer and catches up when shown", async function () {
    this.timeout(4 * REDRAW.timeoutMs);
    await cluster.createSecret({ name: 'age-probe', stringData: { k: 'v' } });
    const created = Date.parse(
      (await waitFor(() => area.catalog.get('age-probe')?.creationTimestamp, {
        what: 'age-probe in the catalog',
      })) as string,
    );
    await vscode.commands.executeCommand('pachyderm.secrets.focus');
    await waitFor(() => area.view.visible, { what: 'the Secrets view to be visible' });

    // Watch what VS Code itself asks the tree for, so the test sees the redraws a user would.
    const original = (originalGetTreeItem = area.tree.getTreeItem);
    area.tree.getTreeItem = function (row: TreeRow) {
      const item = original.call(this, row);
      if (row.kind === 'secret' && row.label === 'age-probe') seen = String(item.description);
      return item;
    };

    const clock = new FakeClock(created + 5 * M + 20 * S);
    area.tree.useClock(clock);
    await waitFor(() => seen?.includes('5 minutes ago'), {
      ...REDRAW,
      what: 'the row to read "5 minutes ago" on the fake clock',
    });
    await waitFor(() => clock.timers.size === 1, { what: 'one redraw scheduled' });
    assert.ok(clock.nextTimerAt()! <= created + 6 * M, 'the redraw comes no later than the minute turns');

    await runClockTo(clock, created + 6 * M - 1);
    assert.match(seen!, /5 minutes ago/);
    await runClockTo(clock, created + 6 * M);
    await waitFor(() => seen?.includes('6 minutes ago'), {
      ...REDRAW,
      what: 'the row to read "6 minutes ago" once the minute turned',
    });

    await vscode.commands.executeCommand('workbench.view.explorer');
    await waitFor(() => !area.view.visible, { what: 'the Secrets view to be hidden' });
    assert.equal(area.tree.ages.pending, false, 'a hidden view keeps no timer');
    assert.equal(clock.timers.size, 0);
    clock.advance(2 * H);
    assert.match(seen!, /6 minutes ago/, 'nothing redraws a hidden view');

    await vscode.commands.executeCommand('pachyderm.secrets.focus');
    await waitFor(() => seen?.includes('2 hours ago'), {
      ...REDRAW,
      what: 'the row to catch up when the view is shown again',
    });
  });
});
