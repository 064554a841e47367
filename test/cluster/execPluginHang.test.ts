/**
 * An exec credential plugin that never answers: each request times out, and the plugin it started is ended with
 * the child it spawned, so retries leave no processes behind (core/src/kubeconfig/execPluginTimeout.ts). Processes
 * are found through /proc by a marker only this test's plugins carry on their command line.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import { catalogFor, hasProblem, startCluster, waitForSnapshot } from './clusterFixture';

/** The pids whose command line holds `marker` (Linux /proc; the plugin, and the child it started). */
function processesWith(marker: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker)) pids.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return pids;
}

test(
  'a hung exec plugin is ended with its children at each timeout, so retries leave no process behind',
  { skip: process.platform !== 'linux' && 'reads /proc' },
  async (t) => {
    const fx = await startCluster();
    t.after(() => fx.stop());
    const marker = `hung-plugin-${randomUUID()}`;
    // Kills whatever this test started that is still there, so a failing run does not leave them either.
    t.after(() => {
      for (const pid of processesWith(marker)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Gone meanwhile.
        }
      }
    });
    const plugin = path.join(fx.dir, 'hung-plugin.js');
    // Starts a child that shares its stdout (as a shell pipeline would), then waits forever without printing.
    fs.writeFileSync(
      plugin,
      `require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1e9)', process.argv[2]], ` +
        `{ stdio: 'inherit' });\nsetInterval(() => {}, 1e9);\n`,
    );
    const config = parse(fs.readFileSync(fx.kubeconfig, 'utf8')) as { users: unknown[]; contexts: unknown[] };
    config.users.push({
      name: 'hung',
      user: {
        exec: {
          apiVersion: 'client.authentication.k8s.io/v1',
          command: process.execPath,
          args: [plugin, marker],
          interactiveMode: 'Never',
        },
      },
    });
    config.contexts.push({ name: 'hung', context: { cluster: 'local', user: 'hung', namespace: 'default' } });
    const file = path.join(fx.dir, 'hung-kubeconfig');
    fs.writeFileSync(file, stringify(config));

    const log: string[] = [];
    const catalog = catalogFor({ kubeconfig: file, context: 'hung' }, { timeoutMs: 500, log });
    t.after(() => catalog.dispose());
    void catalog.refresh();
    await waitForSnapshot(catalog, hasProblem('timeout'), 'the first timeout');
    // Several retries, each with a plugin of its own.
    const retries = () => log.filter((l) => l.startsWith('catalog error (timeout)')).length;
    await new Promise<void>((resolve) => {
      const onChange = () => retries() >= 4 && (catalog.off('change', onChange), resolve());
      catalog.on('change', onChange);
      onChange();
    });
    catalog.dispose();
    // Each plugin is ended one timeout after it started; give that (and the kernel) time, as a hang detector.
    const deadline = Date.now() + 15_000;
    let left = processesWith(marker);
    while (left.length && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      left = processesWith(marker);
    }
    assert.deepEqual(left, [], `plugin processes left running after ${retries()} timed-out requests`);
  },
);
