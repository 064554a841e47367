/**
 * Rows 7 and 8 in the real VS Code harness (code-server + Chromium, the local cluster), and the shipped sizes:
 * a secret created in the cluster → the PS002 on an open spec disappears; activate() time; the production bundles
 * (client + server JS) and the VSIX.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { median, p99 } from '../lib/stats';
import type { Measurement } from '../lib/types';
import { loadLocalStack } from '../lib/localStack';
import { zipEntries } from '../../test/package/zipEntries';

export async function vscodeRows(repoRoot: string, quick: boolean): Promise<Measurement[]> {
  const stack = await loadLocalStack(repoRoot);
  const { runTests } = await import('@vscode/test-electron');
  const fixtures = path.join(repoRoot, 'test', 'vscode', 'fixtures');
  let samples: { activationMs: number[]; secretToDiagnostic: number[] } | undefined;
  const code = await stack.withLocalStage(
    { prefix: 'pachyderm-bench-vscode-', seed: path.join(fixtures, 'cluster-seed.json') },
    async ({ temp, localCluster }) => {
      if (!existsSync(path.join(repoRoot, 'out', 'bench', 'vscode', 'index.js'))) {
        spawnSync(process.execPath, [path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', repoRoot], {
          stdio: 'inherit',
        });
      }
      const workspace = stack.prepareWorkspace({
        from: path.join(fixtures, 'workspace'),
        to: path.join(temp, 'workspace'),
        settings: { 'pachyderm.kubeconfig': localCluster.kubeconfig },
      });
      const envFile = path.join(temp, 'test-env.json');
      const resultFile = path.join(temp, 'bench-result.json');
      writeFileSync(
        envFile,
        JSON.stringify({
          workspace,
          kubeconfig: localCluster.kubeconfig,
          trusted: true,
          cluster: stack.clusterFacts(localCluster),
        }),
      );
      await runTests({
        vscodeExecutablePath: path.join(repoRoot, 'scripts', 'vscode', 'code-host-shim.js'),
        extensionDevelopmentPath: repoRoot,
        extensionTestsPath: path.join(repoRoot, 'out', 'bench', 'vscode', 'index'),
        launchArgs: [workspace],
        extensionTestsEnv: {
          PACHYDERM_TEST_ENV: envFile,
          PACHYDERM_BENCH_OUT: resultFile,
          PACHYDERM_BENCH_RUNS: String(quick ? 5 : 30),
        },
      });
      samples = JSON.parse(readFileSync(resultFile, 'utf8'));
      return 0;
    },
  );
  if (code !== 0 || !samples) throw new Error('the VS Code bench run failed');
  const s = samples;
  const out: Measurement[] = [
    {
      row: 7,
      name: 'secret created in the cluster → PS002 gone (real VS Code)',
      unit: 'ms',
      median: median(s.secretToDiagnostic),
      p99: p99(s.secretToDiagnostic),
      samples: s.secretToDiagnostic.length,
      target: { kind: 'absolute', max: 500, on: 'p99' },
    },
    {
      row: 8,
      name: 'activate() call time (real VS Code)',
      unit: 'ms',
      median: median(s.activationMs),
      p99: p99(s.activationMs),
      samples: 1,
      target: { kind: 'absolute', max: 50, on: 'median' },
    },
  ];
  return [...out, ...sizeRows(repoRoot)];
}

/** The production build and the VSIX, as `npm run package` makes them. */
function sizeRows(repoRoot: string): Measurement[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'pachyderm-bench-vsix-'));
  try {
    const vsix = path.join(dir, 'bench.vsix');
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'package.mjs'), vsix], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`npm run package failed:\n${r.stdout}\n${r.stderr}`);
    const jsBytes = zipEntries(vsix)
      .filter((e) => /^extension\/dist\/.*\.js$/.test(e.name))
      .reduce((n, e) => n + e.size, 0);
    const kib = (b: number) => b / 1024;
    const vsixKiB = kib(statSync(vsix).size);
    return [
      {
        row: 8,
        name: 'shipped JS (client + server bundles, minified)',
        unit: 'KiB',
        median: kib(jsBytes),
        p99: kib(jsBytes),
        samples: 1,
        target: { kind: 'absolute', max: 1024, on: 'median' },
      },
      {
        row: 8,
        name: 'VSIX size',
        unit: 'KiB',
        median: vsixKiB,
        p99: vsixKiB,
        samples: 1,
        target: { kind: 'absolute', max: 1536, on: 'median' },
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
