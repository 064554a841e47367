/** The kubeconfig watcher sees edits to watched files, including one created after watching began. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { KubeconfigWatcher } from '../../client/src/cluster/kubeconfigWatcher';

function nextChange(timeoutMs = 10_000): { watcher: KubeconfigWatcher; changed: Promise<void> } {
  let resolve!: () => void;
  // The watcher polls without keeping the process alive (as in the extension host), so the timer does.
  let timer: NodeJS.Timeout;
  const changed = new Promise<void>((r, reject) => {
    resolve = r;
    timer = setTimeout(() => reject(new Error('no change seen')), timeoutMs);
  });
  return { watcher: new KubeconfigWatcher(() => (clearTimeout(timer), resolve())), changed };
}

/**
 * The watcher's first stat of a file is asynchronous, so an edit made in the same tick may be its baseline:
 * keep editing (as a user saving again would) until the change is reported.
 */
async function writeUntilSeen(file: string, seen: Promise<void>): Promise<void> {
  let done = false;
  void seen.then(() => (done = true), () => (done = true));
  for (let i = 0; !done; i++) {
    fs.writeFileSync(file, `current-context: edit-${i}${'x'.repeat(i)}\n`);
    await Promise.race([seen, new Promise((r) => setTimeout(r, 250))]);
  }
  await seen;
}

test('an edited kubeconfig, and one created after watching began, are both reported', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeconfig-watch-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const existing = path.join(dir, 'config');
  const later = path.join(dir, 'created-later');
  fs.writeFileSync(existing, 'current-context: a\n');

  const edit = nextChange();
  edit.watcher.watch([existing]);
  await writeUntilSeen(existing, edit.changed);
  edit.watcher.dispose();

  const create = nextChange();
  create.watcher.watch([later]);
  assert.deepEqual(create.watcher.files, [later]);
  await writeUntilSeen(later, create.changed);
  create.watcher.dispose();
  assert.deepEqual(create.watcher.files, []);
});
