/**
 * Row 15 in the real VS Code harness (code-server + Chromium, the local cluster seeded with the generated
 * secrets): a secret deleted in the cluster → every closed spec of a 4,000-file workspace that names it shows its
 * PS002 in Problems (bench/vscode/workspaceProblems.ts measures inside the extension host).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { generatedSecrets, secretName, writeSpecWorkspace } from '../lib/specs';
import { median, p99 } from '../lib/stats';
import type { Measurement } from '../lib/types';
import { loadLocalStack } from '../lib/localStack';
import { CLUSTER_SECRETS, NAMED_SECRETS, WORKSPACE_FILES } from './workspaceProblems';

interface Samples {
  deleteToProblems: number[];
  affected: number[];
  firstPassMs: number;
  files: number;
}

export async function workspaceProblemsVscodeRows(repoRoot: string, quick: boolean): Promise<Measurement[]> {
  const stack = await loadLocalStack(repoRoot);
  const { runTests } = await import('@vscode/test-electron');
  if (!existsSync(path.join(repoRoot, 'out', 'bench', 'vscode', 'workspaceProblems.js'))) {
    spawnSync(process.execPath, [path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', repoRoot], {
      stdio: 'inherit',
    });
  }
  const runs = quick ? 5 : 30;
  const seedDir = mkdtempSync(path.join(tmpdir(), 'pachyderm-bench-ws-seed-'));
  const seed = path.join(seedDir, 'secrets.json');
  const items = generatedSecrets(CLUSTER_SECRETS, 8, 16);
  writeFileSync(seed, JSON.stringify({ apiVersion: 'v1', kind: 'List', items }));
  let samples: Samples | undefined;
  try {
    await stack.withLocalStage({ prefix: 'pachyderm-bench-ws-problems-', seed }, async ({ temp, localCluster }) => {
      const empty = path.join(temp, 'empty');
      mkdirSync(empty);
      const workspace = stack.prepareWorkspace({
        from: empty,
        to: path.join(temp, 'workspace'),
        settings: { 'pachyderm.kubeconfig': localCluster.kubeconfig },
      });
      writeSpecWorkspace(path.join(workspace, 'specs'), WORKSPACE_FILES, NAMED_SECRETS);
      const envFile = path.join(temp, 'test-env.json');
      const resultFile = path.join(temp, 'bench-result.json');
      const env = {
        workspace,
        kubeconfig: localCluster.kubeconfig,
        trusted: true,
        cluster: stack.clusterFacts(localCluster),
      };
      writeFileSync(envFile, JSON.stringify(env));
      await runTests({
        vscodeExecutablePath: path.join(repoRoot, 'scripts', 'vscode', 'code-host-shim.js'),
        extensionDevelopmentPath: repoRoot,
        extensionTestsPath: path.join(repoRoot, 'out', 'bench', 'vscode', 'workspaceProblems'),
        launchArgs: [workspace],
        extensionTestsEnv: {
          PACHYDERM_TEST_ENV: envFile,
          PACHYDERM_BENCH_OUT: resultFile,
          PACHYDERM_BENCH_RUNS: String(runs),
          PACHYDERM_BENCH_SECRETS: JSON.stringify(
            [...Array(runs + 3).keys()].map((i) => secretName(i % CLUSTER_SECRETS)),
          ),
        },
      });
      samples = JSON.parse(readFileSync(resultFile, 'utf8')) as Samples;
      return 0;
    });
  } finally {
    rmSync(seedDir, { recursive: true, force: true });
  }
  if (!samples) throw new Error('the VS Code bench run of row 15 failed');
  const s = samples;
  const mean = s.affected.reduce((a, b) => a + b, 0) / Math.max(1, s.affected.length);
  return [
    {
      row: 15,
      name: `secret deleted in the cluster → all its closed specs' PS002 in Problems, ${s.files} files (real VS Code)`,
      unit: 'ms',
      median: median(s.deleteToProblems),
      p99: p99(s.deleteToProblems),
      samples: s.deleteToProblems.length,
      target: { kind: 'absolute', max: 1000, on: 'p99' },
      note:
        `${mean.toFixed(0)} specs updated per deletion on average; the first deletion, right after activation ` +
        `(the first full pass included), took ${s.firstPassMs.toFixed(0)} ms`,
    },
  ];
}
