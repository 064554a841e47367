#!/usr/bin/env node
// Stands in for the VS Code executable that @vscode/test-electron's runTests() would download (impossible offline):
// accepts the flags it passes, runs the extension's tests in code-server's real Node extension host with headless
// Chromium as the workbench renderer (the `payload` URL parameter of VS Code's own browser test harness), and exits
// with the code the workbench reports. Whatever happens (failure, timeout = 124, SIGINT/SIGTERM) the browser and
// code-server's whole process group are ended.
//
// Environment:
//   PACHYDERM_SHIM_TIMEOUT_S   overall limit for one run (default 900)
//   PACHYDERM_SHIM_SETTINGS    JSON object of extra user settings
//   PACHYDERM_SHIM_TRUST=1     keep workspace trust on (the folder opens in restricted mode) instead of
//                              --disable-workspace-trust
//   PACHYDERM_SHIM_ARTIFACTS   folder for a screenshot and code-server's log when the run fails (default test-results/)
'use strict';
const path = require('node:path');
const util = require('node:util');
const fs = require('node:fs');

// Workbench start-up chatter that says nothing about the tests (and the gallery, which is offline on purpose).
const NOISE = new RegExp(
  '^(' +
    [
      'Resolving connection token',
      'Resolved connection token',
      'Creating a socket',
      'Updating additional builtin extensions',
      '\\[Service Worker\\]',
      'ChatSessionStore:',
      'connect ECONNREFUSED 127\\.0\\.0\\.1:9\\b',
      'No search provider registered for scheme: vscode-remote',
    ].join('|') +
    ')',
);

function parseArgs(argv) {
  const out = {
    folder: undefined,
    extensionDevelopmentPath: undefined,
    extensionTestsPath: undefined,
    extensionsDir: undefined,
  };
  for (const a of argv) {
    const m = /^--([^=]+)=(.*)$/.exec(a);
    if (m) {
      if (m[1] === 'extensionDevelopmentPath') out.extensionDevelopmentPath = m[2];
      else if (m[1] === 'extensionTestsPath') out.extensionTestsPath = m[2];
      // test-electron's default (.vscode-test/extensions in the cwd) would be shared by concurrent runs: a run
      // gets a fresh temp folder unless the caller chose one (the VSIX test does).
      else if (m[1] === 'extensions-dir' && !/[\\/]\.vscode-test[\\/]extensions$/.test(m[2])) out.extensionsDir = m[2];
      // --user-data-dir is ignored on purpose: every run gets a fresh profile with known settings.
    } else if (!a.startsWith('-')) {
      out.folder ??= a;
    }
    // Other flags (--no-sandbox, --disable-updates, --skip-welcome, --disable-workspace-trust, …) are desktop-only.
  }
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args.extensionDevelopmentPath || !args.extensionTestsPath) {
    console.error('code-host-shim: --extensionDevelopmentPath= and --extensionTestsPath= are required');
    return 2;
  }
  const cs = await import('./code-server.mjs');
  cs.stopAllOnSignals();
  const timeoutS = Number(process.env.PACHYDERM_SHIM_TIMEOUT_S || 900);
  const trust = process.env.PACHYDERM_SHIM_TRUST === '1';
  const settings = process.env.PACHYDERM_SHIM_SETTINGS ? JSON.parse(process.env.PACHYDERM_SHIM_SETTINGS) : {};
  const artifacts = path.resolve(process.env.PACHYDERM_SHIM_ARTIFACTS || path.join(cs.repoRoot, 'test-results'));

  let server;
  let page;
  let code;
  try {
    server = await cs.startCodeServer({ folder: args.folder, extensionsDir: args.extensionsDir, settings, trust });
    const browser = await cs.launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let settled = false;
    let resolveExit;
    const exitCode = new Promise((resolve) => {
      resolveExit = resolve;
    });
    const reportExit = (c) => {
      settled = true;
      resolveExit(c);
    };
    await page.exposeFunction('codeAutomationExit', (c) => reportExit(Number(c)));
    await page.exposeFunction('codeAutomationLog', (type, ...rest) => {
      // The workbench passes printf-style arguments (mocha's '%s passing (%s)'), as an array.
      const parts = rest.length === 1 && Array.isArray(rest[0]) ? rest[0] : rest;
      const line = util.format(...parts);
      if (NOISE.test(line)) return;
      (type === 'error' ? process.stderr : process.stdout).write(line + '\n');
    });
    page.on('pageerror', (e) => process.stderr.write(`[workbench] ${e.message}\n`));
    // Without these the run would only end at the timeout: nobody is left to call codeAutomationExit.
    page.on('crash', () => {
      if (settled) return;
      console.error('code-host-shim: the workbench page crashed');
      reportExit(1);
    });
    server.child.on('exit', (c, sig) => {
      if (settled) return;
      console.error(`code-host-shim: code-server exited (${c ?? sig}) during the run`);
      reportExit(1);
    });
    const url = cs.workbenchUrl(server, args);
    let timer;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => resolve(124), timeoutS * 1000);
    });
    // Wait only for the navigation to commit, with no timeout of its own: the workbench's scripts may take longer
    // than Playwright's 30 s default to "load" on a busy machine, and the run as a whole is bounded by `timeoutS`.
    await page.goto(url, { waitUntil: 'commit', timeout: 0 });
    code = await Promise.race([exitCode, timeout]);
    settled = true;
    clearTimeout(timer);
    if (code === 124) console.error(`code-host-shim: no result from the workbench within ${timeoutS} s`);
  } catch (err) {
    console.error(`code-host-shim: ${err && err.stack ? err.stack : err}`);
    code = 1;
  }
  if (code !== 0) await keepEvidence(artifacts, page, server);
  await cs.stopAll();
  return code;
}

async function keepEvidence(dir, page, server) {
  try {
    fs.mkdirSync(dir, { recursive: true });
    if (page) await page.screenshot({ path: path.join(dir, 'extension-host-failure.png') }).catch(() => {});
    if (server) fs.writeFileSync(path.join(dir, 'extension-host-code-server.log'), server.readLog());
    console.error(`code-host-shim: screenshot and code-server log in ${dir}`);
  } catch {
    /* evidence is best effort; the exit code already says it failed */
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
