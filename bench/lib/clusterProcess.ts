/**
 * The local API server in a process of its own, seeded with generated secrets, so that its work (serving JSON)
 * does not share an event loop with the client being measured, as with a real cluster.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { PipelinesFile } from './deployedPipelines';
import { generatedSecrets, type GeneratedSecret } from './specs';

export interface ClusterProcess {
  kubeconfig: string;
  stop(): Promise<void>;
}

export async function startClusterProcess(
  repoRoot: string,
  secrets: number,
  keys: number,
  valueBytes: number,
  items: GeneratedSecret[] = generatedSecrets(secrets, keys, valueBytes),
  /** Pipelines deployed at start (worker RCs and pods, as pachd writes them). */
  pipelines?: PipelinesFile,
): Promise<ClusterProcess> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pachyderm-bench-'));
  const seed = path.join(dir, 'seed.json');
  const kubeconfig = path.join(dir, 'kubeconfig');
  writeFileSync(seed, JSON.stringify({ apiVersion: 'v1', kind: 'List', items }));
  const deployed = path.join(dir, 'pipelines.json');
  if (pipelines) writeFileSync(deployed, JSON.stringify(pipelines));
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--max-old-space-size=8192',
      '--import',
      'tsx',
      path.join(repoRoot, 'tools', 'local-cluster', 'main.ts'),
      '--kubeconfig',
      kubeconfig,
      '--seed',
      seed,
      ...(pipelines ? ['--pipelines', deployed] : []),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      log += d.toString();
      if (log.includes('listening on')) resolve();
    });
    child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    child.once('exit', (code) => reject(new Error(`local cluster exited (${code}) before listening:\n${log}`)));
  });
  return {
    kubeconfig,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
