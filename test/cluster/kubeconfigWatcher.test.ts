/** The kubeconfig watcher sees edits to watched files, including one created after watching began. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { KubeconfigWatcher } from '../../client/src/cluster/kubeconfigWatcher';

function nextChange(timeoutMs = 10_000, pollMs = 100): { watcher: KubeconfigWatcher; changed: Promise<void> } {
  let resolve!: () => void;
  // The watcher polls without keeping the process alive (as in the extension host), so the timer does.
  let timer: NodeJS.Timeout;
  const changed = new Promise<void>((r, reject) => {
    resolve = r;
    timer = setTimeout(() => reject(new Error('no change seen')), timeoutMs);
  });
  return { watcher: new KubeconfigWatcher(() => (clearTimeout(timer), resolve()), pollMs), changed };
}

test('an edited kubeconfig, and one created after watching began, are both reported, even when written right after watch()', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeconfig-watch-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const existing = path.join(dir, 'config');
  const later = path.join(dir, 'created-later');
  fs.writeFileSync(existing, 'current-context: a\n');

  const edit = nextChange();
  edit.watcher.watch([existing]);
  // One write, in the same tick as watch(): the baseline was taken before it, so it is reported.
  fs.writeFileSync(existing, 'current-context: b\n');
  await edit.changed;
  edit.watcher.dispose();

  const create = nextChange();
  create.watcher.watch([later]);
  assert.deepEqual(create.watcher.files, [later]);
  fs.writeFileSync(later, 'current-context: c\n');
  await create.changed;
  create.watcher.dispose();
  assert.deepEqual(create.watcher.files, []);
});
