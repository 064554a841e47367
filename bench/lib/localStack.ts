/**
 * The bench's typed view of `scripts/vscode/local-stack.mjs`, the one place that starts code-server's
 * workspace and the local cluster for the real VS Code runs, so the rows that measure inside VS Code share it.
 */
import * as path from 'node:path';

export interface Stage {
  temp: string;
  localCluster: { kubeconfig: string } & Record<string, unknown>;
}

export interface LocalStack {
  withLocalStage(o: { prefix: string; seed: string }, fn: (s: Stage) => Promise<number>): Promise<number>;
  prepareWorkspace(o: { from: string; to: string; settings: Record<string, unknown> }): string;
  clusterFacts(c: unknown): unknown;
  ensureBuilt(o?: { force?: boolean }): void;
}

export async function loadLocalStack(repoRoot: string): Promise<LocalStack> {
  return (await import(path.join(repoRoot, 'scripts', 'vscode', 'local-stack.mjs'))) as LocalStack;
}
