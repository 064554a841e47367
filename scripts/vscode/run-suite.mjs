// The extension-host suite: out/test/vscode/**/*.test.js inside a real VS Code (code-server + headless Chromium, via
// @vscode/test-electron's runTests with code-host-shim.js as the "executable"), against the local Kubernetes API
// server seeded with test/vscode/fixtures/cluster-seed.json and a temp copy of test/vscode/fixtures/workspace.
//
// Two runs: the main one in a trusted workspace, then a short one in an untrusted (restricted-mode) workspace that
// runs only *.untrusted.test.js. Tests find the run's facts through the JSON file named by PACHYDERM_TEST_ENV
// (see test/vscode/harness.ts: testEnv()).
//
// Env: PACHYDERM_VSCODE_GREP=<regex> runs only matching tests; PACHYDERM_KEEP_TEMP=1 keeps the temp folder.
import { cpSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repoRoot } from './code-server.mjs';
import { clusterFacts, prepareWorkspace, withLocalStage } from './local-stack.mjs';

const fixtures = join(repoRoot, 'test/vscode/fixtures');
const shim = join(repoRoot, 'scripts/vscode/code-host-shim.js');

function hasUntrustedTests(dir) {
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { withFileTypes: true, recursive: true }).some(
    (e) => e.isFile() && e.name.endsWith('.untrusted.test.js'),
  );
}

const stage = { prefix: 'pachyderm-vscode-suite-', seed: join(fixtures, 'cluster-seed.json') };

withLocalStage(stage, async ({ temp, localCluster, codeServer }) => {
  console.log(`local cluster: ${localCluster.server}, admin endpoint ${localCluster.adminUrl}`);
  let failed = 0;
  const runs = [{ name: 'trusted workspace', trusted: true }];
  if (hasUntrustedTests(join(repoRoot, 'out/test/vscode'))) runs.push({ name: 'untrusted workspace', trusted: false });
  for (const run of runs) {
    console.log(`\n-- extension-host run: ${run.name}`);
    const workspace = prepareWorkspace({
      from: join(fixtures, 'workspace'),
      to: join(temp, run.trusted ? 'workspace' : 'untrusted-workspace'),
      settings: { 'pachyderm.kubeconfig': localCluster.kubeconfig },
    });
    const envFile = join(temp, `test-env-${run.trusted ? 'trusted' : 'untrusted'}.json`);
    const env = {
      workspace,
      kubeconfig: localCluster.kubeconfig,
      trusted: run.trusted,
      cluster: clusterFacts(localCluster),
    };
    writeFileSync(envFile, JSON.stringify(env, null, 2));
    // A stand-in for vscode-kubernetes-tools (same id and API shape), installed for the run so the tests can follow
    // its kubeconfig and context. It does nothing until a test clears pachyderm.kubeconfig.
    const extensionsDir = join(temp, `extensions-${run.trusted ? 'trusted' : 'untrusted'}`);
    cpSync(
      join(fixtures, 'kubernetes-tools'),
      join(extensionsDir, 'ms-kubernetes-tools.vscode-kubernetes-tools-1.3.99'),
      {
        recursive: true,
      },
    );
    try {
      await runTests({
        vscodeExecutablePath: shim,
        extensionDevelopmentPath: repoRoot,
        extensionTestsPath: join(repoRoot, 'out/test/vscode/index'),
        launchArgs: [workspace, `--extensions-dir=${extensionsDir}`],
        extensionTestsEnv: {
          PACHYDERM_TEST_ENV: envFile,
          CODE_SERVER_BIN: codeServer,
          ...(run.trusted ? {} : { PACHYDERM_SHIM_TRUST: '1' }),
        },
      });
    } catch (err) {
      console.error(`extension-host run "${run.name}" failed: ${err.message}`);
      failed++;
    }
  }
  return failed ? 1 : 0;
}).then(
  (code) => process.exit(code),
  (err) => {
    console.error(`run-suite: ${err.stack ?? err}`);
    process.exit(1);
  },
);
