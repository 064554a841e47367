/**
 * The one place that reaches into client-node's ExecAuth (dist/exec_auth.js), the authenticator that runs exec
 * credential plugins. Two guards wrap it: execPluginOutput.ts (malformed plugin output is told by position, never
 * quoted) and execPluginTimeout.ts (a hung plugin is ended). Both rely only on what is declared here.
 */
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import type { KubeConfig } from '@kubernetes/client-node';

/** The parts of ExecAuth the guards rely on: the spawn it calls (replaceable by design, for its own tests). */
export interface ExecAuthLike {
  execFn: (command: string, args: string[] | undefined, options: SpawnOptions) => ChildProcess;
  getCredential(user: unknown): Promise<unknown>;
}

function isExecAuth(a: unknown): a is ExecAuthLike {
  return (
    !!a && typeof (a as ExecAuthLike).execFn === 'function' && typeof (a as ExecAuthLike).getCredential === 'function'
  );
}

/** This KubeConfig's ExecAuth (an instance field of each KubeConfig), or undefined if client-node changed shape. */
export function findExecAuth(kc: KubeConfig): ExecAuthLike | undefined {
  const authenticators = (kc as unknown as { authenticators?: unknown[] }).authenticators ?? [];
  return authenticators.find(isExecAuth);
}
