// The UI smoke test: a real VS Code workbench (code-server, the extension linked into a fresh extensions folder)
// driven by playwright-core in headless Debian Chromium, against the local cluster seeded with
// test/vscode/fixtures/cluster-seed.json and a temp copy of test/vscode/fixtures/workspace. The test itself is
// out/test/ui/*.test.js (node:test); this script sets the stage and always tears it down.
//
// Screenshots go to test-results/ui/; `node scripts/vscode/run-ui-smoke.mjs --update-docs` also copies them to
// docs/ for the README.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromiumServer, linkDevExtension, repoRoot, startCodeServer, workbenchUrl } from './code-server.mjs';
import { clusterFacts, prepareWorkspace, withLocalStage } from './local-stack.mjs';

const fixtures = join(repoRoot, 'test/vscode/fixtures');
const screenshots = join(repoRoot, 'test-results/ui');
const stage = { prefix: 'pachyderm-ui-smoke-', seed: join(fixtures, 'cluster-seed.json') };

// Files written from here on are searched for canaries by the decoded editor's disk test.
const startedAt = Date.now();

withLocalStage(stage, async ({ temp, localCluster }) => {
  const workspace = prepareWorkspace({
    from: join(fixtures, 'workspace'),
    to: join(temp, 'workspace'),
    settings: { 'pachyderm.kubeconfig': localCluster.kubeconfig },
  });
  const extensionsDir = join(temp, 'extensions');
  linkDevExtension(extensionsDir);
  const server = await startCodeServer({ folder: workspace, extensionsDir });
  const browser = await launchChromiumServer();
  rmSync(screenshots, { recursive: true, force: true });
  mkdirSync(screenshots, { recursive: true });
  const envFile = join(temp, 'ui-env.json');
  writeFileSync(
    envFile,
    JSON.stringify(
      {
        url: workbenchUrl(server, { folder: workspace }),
        workspace,
        browserWsEndpoint: browser.wsEndpoint(),
        screenshots,
        kubeconfig: localCluster.kubeconfig,
        cluster: clusterFacts(localCluster),
        userDataDir: server.userDataDir,
        startedAt,
      },
      null,
      2,
    ),
  );

  const tests = readdirSync(join(repoRoot, 'out/test/ui'))
    .filter((f) => f.endsWith('.test.js'))
    .map((f) => join('out/test/ui', f));
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, ['--test', '--test-concurrency=1', ...tests], {
      cwd: repoRoot,
      stdio: 'inherit',
      env: { ...process.env, PACHYDERM_UI_ENV: envFile },
    });
    child.on('exit', (c) => resolve(c ?? 1));
  });
  if (code !== 0) {
    writeFileSync(join(screenshots, 'code-server.log'), server.readLog());
    console.error(`UI smoke test failed; screenshots and code-server's log in ${screenshots}`);
  } else if (process.argv.includes('--update-docs')) {
    mkdirSync(join(repoRoot, 'docs'), { recursive: true });
    for (const f of readdirSync(screenshots).filter((n) => n.endsWith('.png')))
      copyFileSync(join(screenshots, f), join(repoRoot, 'docs', f));
    console.log('copied the screenshots to docs/');
  }
  return code;
}).then(
  (code) => process.exit(code),
  (err) => {
    console.error(`run-ui-smoke: ${err.stack ?? err}`);
    process.exit(1);
  },
);
