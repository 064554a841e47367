// What the extension-host suite, the UI smoke test and the demo set up around VS Code: an up-to-date build, the
// local Kubernetes API server (tools/local-cluster) seeded with secrets, and a throw-away workspace whose
// `.vscode/settings.json` points the extension at that cluster.
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ensureCodeServer, removeOnExit, repoRoot, stopAll, stopAllOnSignals, trackGroup } from './code-server.mjs';

function newestMtime(dir) {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Rebuilds dist/ and out/ when a source is newer than them (npm test has already built; a direct run may not). */
export function ensureBuilt({ force = false } = {}) {
  const sources = Math.max(
    ...['core/src', 'client/src', 'server/src', 'test', 'package.json'].map((d) => {
      const p = join(repoRoot, d);
      return existsSync(p) && statSync(p).isFile() ? statSync(p).mtimeMs : newestMtime(p);
    }),
  );
  const outputs = ['dist/client.js', 'dist/server.js', 'out/test/vscode/index.js'].map((f) => join(repoRoot, f));
  const oldest = Math.min(...outputs.map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0)));
  if (!force && oldest >= sources) return;
  for (const [what, args] of [
    ['build', ['scripts/build.mjs']],
    ['compile', ['node_modules/typescript/bin/tsc', '-p', '.']],
  ]) {
    const r = spawnSync(process.execPath, args, { cwd: repoRoot, stdio: 'inherit' });
    // tsc's exit 2 means "type errors, but the JavaScript was emitted": npm test's own compile step fails on
    // them; a direct run of the suite still runs, so one area's half-done types do not block another's tests.
    if (what === 'compile' && r.status === 2)
      console.warn('compile: type errors (above); running the emitted JavaScript anyway');
    else if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status})`);
  }
}

/**
 * Starts the local Kubernetes API server (`npm run local-cluster`) in its own process group and resolves once the
 * kubeconfig it writes answers. Returns { kubeconfig, server, token, caPem, namespace, adminUrl, adminToken, stop() }.
 */
export async function startLocalCluster({ dir, seed, pipelines, port = 0, timeoutMs = 60_000 }) {
  mkdirSync(dir, { recursive: true });
  const kubeconfig = join(dir, 'kubeconfig');
  const args = ['run', '--silent', 'local-cluster', '--', '--kubeconfig', kubeconfig, '--port', String(port)];
  if (seed) args.push('--seed', seed);
  if (pipelines) args.push('--pipelines', pipelines);
  const child = spawn('npm', args, { cwd: repoRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => {
    output += d;
  });
  child.stderr.on('data', (d) => {
    output += d;
  });
  let exited = false;
  const exit = new Promise((r) =>
    child.on('exit', (code) => {
      exited = true;
      r(code);
    }),
  );

  const untrack = trackGroup(child.pid);
  const stop = async () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* gone */
    }
    await Promise.race([exit, new Promise((r) => setTimeout(r, 3000))]);
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
    untrack();
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`the local cluster exited before it was ready:\n${output}`);
    // Written once it listens: the kubeconfig, and beside it local-cluster.json (admin endpoint URL and token).
    const facts = existsSync(kubeconfig) ? readKubeconfig(kubeconfig) : undefined;
    const admin = readJson(join(dir, 'local-cluster.json'));
    if (facts && admin && (await answers(facts))) {
      return {
        kubeconfig,
        ...facts,
        adminUrl: admin.adminUrl,
        adminToken: admin.adminToken,
        output: () => output,
        stop,
      };
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the local cluster did not answer within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined; // not there yet, or half-written
  }
}

function readKubeconfig(file) {
  try {
    const kc = parseYaml(readFileSync(file, 'utf8'));
    const ctx = kc.contexts.find((c) => c.name === kc['current-context']) ?? kc.contexts[0];
    const cl = kc.clusters.find((c) => c.name === ctx.context.cluster).cluster;
    const user = kc.users.find((u) => u.name === ctx.context.user).user;
    const caPem = cl['certificate-authority-data']
      ? Buffer.from(cl['certificate-authority-data'], 'base64').toString('utf8')
      : readFileSync(cl['certificate-authority'], 'utf8');
    return { server: cl.server, token: user.token, caPem, namespace: ctx.context.namespace || 'default' };
  } catch {
    return undefined; // half-written
  }
}

async function answers({ server, token, caPem }) {
  const https = await import('node:https');
  return new Promise((resolve) => {
    const req = https.request(
      `${server}/api/v1/namespaces`,
      { ca: caPem, headers: { authorization: `Bearer ${token}` }, timeout: 2000 },
      (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      },
    );
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

/**
 * Copies a fixture workspace to `to` and writes its `.vscode/settings.json` (merging `settings` over what is there).
 */
export function prepareWorkspace({ from, to, settings = {} }) {
  cpSync(from, to, { recursive: true });
  const file = join(to, '.vscode', 'settings.json');
  mkdirSync(join(to, '.vscode'), { recursive: true });
  const existing = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  writeFileSync(file, JSON.stringify({ ...existing, ...settings }, null, 2) + '\n');
  return to;
}

/** What tests get to know about the cluster (the env JSON files): the API, the admin endpoint, the namespace. */
export function clusterFacts(localCluster) {
  const { server, token, caPem, adminUrl, adminToken, namespace } = localCluster;
  return { server, token, caPem, adminUrl, adminToken, namespace };
}

/**
 * The common stage: code-server installed, an up-to-date build, a temp folder and the local cluster seeded from
 * `seed` (and, if given, with the pipelines of the `pipelines` file deployed). Runs
 * `fn({ temp, localCluster, codeServer })` and always tears the stage down, also on Ctrl-C.
 */
export async function withLocalStage({ prefix, seed, pipelines }, fn) {
  const codeServer = ensureCodeServer();
  process.env.CODE_SERVER_BIN = codeServer;
  ensureBuilt();
  const temp = mkdtempSync(join(tmpdir(), prefix));
  const keep = Boolean(process.env.PACHYDERM_KEEP_TEMP);
  const untrackTemp = keep ? () => {} : removeOnExit(temp);
  let localCluster;
  const teardown = async () => {
    await stopAll();
    await localCluster?.stop();
    if (keep) console.log(`kept ${temp}`);
    else rmSync(temp, { recursive: true, force: true });
    untrackTemp();
  };
  stopAllOnSignals(teardown);
  try {
    localCluster = await startLocalCluster({ dir: join(temp, 'cluster'), seed, pipelines });
    return await fn({ temp, localCluster, codeServer });
  } finally {
    await teardown();
  }
}
