/**
 * Ends exec credential plugins that outlive the request timeout. client-node's ExecAuth (dist/exec_auth.js)
 * spawns the plugin and waits for it with no limit of its own; our request gives up at its timeout, but the
 * plugin (`aws eks get-token`, `gke-gcloud-auth-plugin`, a script stuck on a prompt) went on running, and every
 * retry started another. Here each plugin is started in a process group of its own and killed with all its
 * children once it has run as long as the request timeout, so a hung plugin leaves nothing behind.
 */
import type { ChildProcess } from 'node:child_process';
import type { KubeConfig } from '@kubernetes/client-node';
import { findExecAuth } from './execAuthHook';

const limited = new WeakSet<object>();

/** From now on every exec plugin this KubeConfig runs is ended after `timeoutMs()`, read at each start. */
export function limitExecPlugins(kc: KubeConfig, timeoutMs: () => number): void {
  const execAuth = findExecAuth(kc);
  if (!execAuth || limited.has(execAuth)) return;
  limited.add(execAuth);
  const spawn = execAuth.execFn;
  execAuth.execFn = (command, args, options) => {
    // A group of its own (POSIX), so the kill below reaches what the plugin started too. On Windows `detached`
    // would open a console window instead; there the plugin itself is killed.
    const child = spawn(command, args, { ...options, detached: process.platform !== 'win32' });
    const timer = setTimeout(() => endPlugin(child), timeoutMs());
    child.once('exit', () => clearTimeout(timer));
    child.once('error', () => clearTimeout(timer));
    return child;
  };
}

function endPlugin(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    if (process.platform === 'win32') child.kill('SIGKILL');
    else process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
