// Starting and always stopping a real VS Code (code-server 4.100.3) and the headless Chromium that renders its
// workbench. Shared by the test-electron launcher shim, the UI smoke runner, the VSIX test and the demo, so the
// flags, settings and clean-up rules live in one place. Sources: code-server's CLI flags and its npm install
// (coder/code-server docs/FAQ.md, docs/npm.md) and VS Code's test runner (microsoft/vscode-test README.md).
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
  createWriteStream,
  readFileSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function codeServerDir() {
  return process.env.PACHYDERM_CODE_SERVER_DIR || join(repoRoot, '.cache', 'code-server');
}

/** Installs code-server (and the apt packages it needs) unless a complete install is there; returns the binary. */
export function ensureCodeServer() {
  if (process.env.CODE_SERVER_BIN) return process.env.CODE_SERVER_BIN;
  const r = spawnSync('bash', [join(repoRoot, 'scripts/vscode/install-code-server.sh')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`installing code-server failed (exit ${r.status})`);
  return r.stdout.trim().split('\n').pop();
}

export function codeServerBin() {
  const bin = process.env.CODE_SERVER_BIN || join(codeServerDir(), 'node_modules', '.bin', 'code-server');
  if (!existsSync(bin)) {
    throw new Error(`code-server is not installed at ${bin}; run scripts/vscode/install-code-server.sh`);
  }
  return bin;
}

/** User settings that keep a fresh profile from opening walkthroughs, asking about trust or calling home. */
export const quietSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
};

/**
 * Starts code-server detached in its own process group (so the file watcher and extension host it forks end with
 * it), with private XDG and profile folders, and resolves once /healthz answers.
 *
 * options: folder (opened by default), extensionsDir, settings (merged over quietSettings), trust (false = workspace
 * trust disabled, i.e. trusted), host (default 127.0.0.1), port (0 = pick a free one), env (extra, reaches the
 * extension host), logFile.
 */
export async function startCodeServer(options = {}) {
  const bin = codeServerBin();
  const base = mkdtempSync(join(tmpdir(), 'pachyderm-cs-'));
  const userDataDir = options.userDataDir || join(base, 'user-data');
  const extensionsDir = options.extensionsDir || join(base, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const settings = {
    ...quietSettings,
    ...(options.trust ? {} : { 'security.workspace.trust.enabled': false }),
    ...options.settings,
  };
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));

  const port = options.port ?? 0;
  const host = options.host ?? '127.0.0.1';
  const args = [
    '--bind-addr',
    `${host}:${port}`,
    '--auth',
    'none',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    ...(options.trust ? [] : ['--disable-workspace-trust']),
    ...(options.folder ? [options.folder] : []),
  ];
  const logFile = options.logFile || join(base, 'code-server.log');
  const log = createWriteStream(logFile);
  const child = spawn(bin, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      XDG_CONFIG_HOME: join(base, 'xdg-config'),
      XDG_DATA_HOME: join(base, 'xdg-data'),
      XDG_CACHE_HOME: join(base, 'xdg-cache'),
      // Offline: the gallery (open-vsx.org) is unreachable; point it at a closed local port so it fails fast.
      EXTENSIONS_GALLERY: '{"serviceUrl":"http://127.0.0.1:9/"}',
      ...options.env,
    },
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });

  let exited = false;
  const exitPromise = new Promise((res) =>
    child.on('exit', (code, signal) => {
      exited = true;
      res(code ?? signal);
    }),
  );
  const server = {
    child,
    base,
    userDataDir,
    extensionsDir,
    logFile,
    url: '',
    port: 0,
    readLog: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
    async stop() {
      await killGroup(child, exitPromise, () => exited);
      untrack();
      log.end();
      if (!options.keepTemp) rmSync(base, { recursive: true, force: true, maxRetries: 3 });
    },
  };
  liveServers.add(server);
  const untrack = trackGroup(child.pid, options.keepTemp ? undefined : base);
  exitPromise.then(() => liveServers.delete(server));

  try {
    server.port = await listeningPort(child, exitPromise, options.startTimeoutMs ?? 60_000);
    server.url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${server.port}`;
    await waitForHealth(server.url, exitPromise, options.startTimeoutMs ?? 60_000);
  } catch (err) {
    const tail = server.readLog().split('\n').slice(-30).join('\n');
    await server.stop();
    throw new Error(`${err.message}\n--- code-server log (tail) ---\n${tail}`);
  }
  return server;
}

// code-server prints "HTTP server listening on http://127.0.0.1:PORT/" with the port it really bound.
function listeningPort(child, exitPromise, timeoutMs) {
  return new Promise((res, rej) => {
    let buf = '';
    const timer = setTimeout(
      () => rej(new Error(`code-server did not report a listening port within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onData = (d) => {
      buf += d.toString();
      const m = /HTTP server listening on https?:\/\/[^:\s]+:(\d+)/.exec(buf);
      if (m) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        child.stderr.off('data', onData);
        res(Number(m[1]));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exitPromise.then((code) => {
      clearTimeout(timer);
      rej(new Error(`code-server exited (${code}) before listening`));
    });
  });
}

async function waitForHealth(url, exitPromise, timeoutMs) {
  let gone = false;
  exitPromise.then(() => {
    gone = true;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone) throw new Error('code-server exited before /healthz answered');
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server /healthz did not answer within ${timeoutMs} ms`);
}

/** SIGTERM to the whole group, then SIGKILL what is left after a grace period. */
async function killGroup(child, exitPromise, isExited) {
  const signalGroup = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      /* group already gone */
    }
  };
  if (!isExited()) signalGroup('SIGTERM');
  const graceful = await Promise.race([
    exitPromise.then(() => true),
    new Promise((r) => setTimeout(() => r(false), 5000)),
  ]);
  // The wrapper may be gone while forks (file watcher, extension host) linger in the group: always sweep it.
  signalGroup('SIGKILL');
  return graceful;
}

const liveServers = new Set();
const liveBrowsers = new Set();
const liveGroups = new Set();

/**
 * Records a detached process group this process started, so it is killed even when this process dies without
 * running its clean-up (an uncaught error such as EPIPE when its output pipe closes): 'exit' still fires then.
 */
export function trackGroup(pid, tempDir) {
  const entry = { pid, tempDir };
  liveGroups.add(entry);
  return () => liveGroups.delete(entry);
}

/** The same for a temp folder alone: removed at exit unless untracked (after a normal clean-up) first. */
export function removeOnExit(tempDir) {
  return trackGroup(undefined, tempDir);
}

process.on('exit', () => {
  for (const { pid, tempDir } of liveGroups) {
    if (pid) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  }
});

/** Headless Debian Chromium through playwright-core (no browser download). */
export const chromiumOptions = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ],
};

export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch(chromiumOptions);
  liveBrowsers.add(browser);
  browser.on('disconnected', () => liveBrowsers.delete(browser));
  return browser;
}

/** The same browser as a server another process (the UI test) connects to with `chromium.connect(wsEndpoint)`. */
export async function launchChromiumServer() {
  const { chromium } = await import('playwright-core');
  const server = await chromium.launchServer(chromiumOptions);
  liveBrowsers.add(server);
  return server;
}

/** The workbench URL for a folder, optionally loading a development extension and running its tests (`payload`). */
export function workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath } = {}) {
  const remote = (p) => `vscode-remote://${new URL(server.url).host}${resolve(p)}`;
  const params = new URLSearchParams();
  if (folder) params.set(folder.endsWith('.code-workspace') ? 'workspace' : 'folder', resolve(folder));
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  if (payload.length) params.set('payload', JSON.stringify(payload));
  return `${server.url}/?${params}`;
}

/** Ends every browser and code-server this process started. Safe to call twice. */
export async function stopAll() {
  await Promise.allSettled([...liveBrowsers].map((b) => b.close()));
  await Promise.allSettled([...liveServers].map((s) => s.stop()));
}

/**
 * Ends everything on SIGINT/SIGTERM/SIGHUP (Ctrl-C, CI cancel) and then exits with 128+signal.
 * `extra` runs first (e.g. stopping the local cluster).
 */
export function stopAllOnSignals(extra = async () => {}) {
  const codes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  let stopping = false;
  for (const sig of Object.keys(codes)) {
    process.on(sig, async () => {
      if (stopping) return;
      stopping = true;
      await Promise.allSettled([extra()]);
      await stopAll();
      process.exit(codes[sig]);
    });
  }
}

/**
 * Makes a fresh extensions folder hold this repository as an installed extension (a link named like an
 * installed one). It must exist before code-server first scans the folder.
 */
export function linkDevExtension(extensionsDir) {
  const { publisher, name, version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  mkdirSync(extensionsDir, { recursive: true });
  const link = join(extensionsDir, `${publisher}.${name}-${version}`);
  if (!existsSync(link)) symlinkSync(repoRoot, link, 'dir');
  return link;
}
