/**
 * What the local-cluster tests share: a started cluster with a kubeconfig on disk, and the real kubectl run against it.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as k8s from '@kubernetes/client-node';
import { repoRoot } from '../corpus/paths';
import { startLocalCluster, type LocalCluster, type LocalClusterOptions } from '../../tools/local-cluster/index';

/**
 * The repository root, whether the test runs from test/ (tsx) or out/test/ (compiled). The one search of
 * test/corpus/paths.ts: out/ holds a package.json and a tools/ of its own (the CLI imports package.json's
 * version), so only scripts/build.mjs tells the root apart.
 */
export { repoRoot };

export const DEMO_SEED = (): string => join(repoRoot(), 'tools', 'local-cluster', 'samples', 'demo-secrets.json');
export const DEMO_PIPELINES = (): string =>
  join(repoRoot(), 'tools', 'local-cluster', 'samples', 'demo-pipelines.json');

export interface TestCluster extends LocalCluster {
  kubeconfigPath: string;
  dir: string;
  kubeConfig(context?: string): k8s.KubeConfig;
  core(context?: string): k8s.CoreV1Api;
  dispose(): Promise<void>;
}

export async function startTestCluster(
  options: Omit<LocalClusterOptions, 'kubeconfigPath'> = {},
): Promise<TestCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'local-cluster-test-'));
  const kubeconfigPath = join(dir, 'kubeconfig');
  const cluster = await startLocalCluster({ ...options, kubeconfigPath });
  const kubeConfig = (context?: string): k8s.KubeConfig => {
    const kc = new k8s.KubeConfig();
    kc.loadFromString(cluster.kubeconfig);
    if (context) kc.setCurrentContext(context);
    return kc;
  };
  return Object.assign(cluster, {
    kubeconfigPath,
    dir,
    kubeConfig,
    core: (context?: string) => kubeConfig(context).makeApiClient(k8s.CoreV1Api),
    dispose: async () => {
      await cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real kubectl against the cluster. Asynchronous on purpose: the server runs in this process, so a
 * synchronous child would block it. `env` adds to the environment (say `KUBE_EDITOR` for `kubectl edit`).
 */
export function kubectl(
  cluster: Pick<TestCluster, 'kubeconfigPath' | 'dir'>,
  args: string[],
  binary = 'kubectl',
  env: NodeJS.ProcessEnv = {},
): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      binary,
      ['--kubeconfig', cluster.kubeconfigPath, ...args],
      { env: { ...process.env, KUBECONFIG: '', ...env }, cwd: cluster.dir },
      (err, stdout, stderr) => {
        const code = err
          ? typeof (err as { code?: unknown }).code === 'number'
            ? (err as { code: number }).code
            : 1
          : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/**
 * The kubectl releases installed beside the one on PATH (`kubectl.1.27` … in the Google Cloud SDK's bin folder: the
 * SDK's Debian `kubectl` package ships one binary per supported minor release, `dpkg -L kubectl` lists them), plus
 * `kubectl` itself.
 */
export function kubectlVersions(): Array<{ name: string; binary: string }> {
  const dir = '/usr/lib/google-cloud-sdk/bin';
  const versioned = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /^kubectl\.1\.\d+$/.test(f))
        .sort()
    : [];
  return [{ name: 'kubectl', binary: 'kubectl' }, ...versioned.map((f) => ({ name: f, binary: join(dir, f) }))];
}

/**
 * Collects a child's stdout and resolves once a line matches, or rejects when it exits or the overall timeout passes.
 */
export function waitForLine(child: ChildProcess, match: RegExp, timeoutMs = 15000): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => finish(new Error(`no line matching ${match} within ${timeoutMs} ms; output so far:\n${seen}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString('utf8');
      const line = seen.split('\n').find((l) => match.test(l));
      if (line !== undefined) finish(undefined, line);
    };
    const onExit = (code: number | null): void =>
      finish(new Error(`exited (${code}) before a line matched ${match}; output:\n${seen}`));
    const finish = (err?: Error, line?: string): void => {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
      if (err) reject(err);
      else resolve(line!);
    };
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
  });
}

export function spawnKubectl(cluster: Pick<TestCluster, 'kubeconfigPath' | 'dir'>, args: string[]): ChildProcess {
  return spawn('kubectl', ['--kubeconfig', cluster.kubeconfigPath, ...args], {
    env: { ...process.env, KUBECONFIG: '' },
    cwd: cluster.dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export const opaque = (
  name: string,
  stringData: Record<string, string>,
  labels?: Record<string, string>,
): k8s.V1Secret => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name, ...(labels ? { labels } : {}) },
  stringData,
});

/** Polls a condition until it holds or the overall timeout passes (no fixed sleeps). */
export async function eventually(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 10000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The Kubernetes Status a client-node call failed with (ApiException carries the code and the raw body). */
export async function statusOf(call: Promise<unknown>): Promise<{
  code: number;
  reason: string;
  message: string;
  details?: { causes?: Array<{ field?: string; message: string; reason?: string }> };
}> {
  try {
    await call;
  } catch (err) {
    const e = err as { code?: number; body?: unknown };
    // client-node leaves the body out for the codes its spec declares without one (401).
    const body = typeof e.body === 'string' && e.body.startsWith('{') ? JSON.parse(e.body) : (e.body ?? {});
    return { ...(body as object), code: e.code ?? (body as { code: number }).code } as never;
  }
  throw new Error('the call succeeded but a failure was expected');
}

/**
 * Runs a client-node watch from `resourceVersion` until the server ends it, and returns the event types and Status
 * codes seen.
 */
export function watchUntilEnd(
  cluster: TestCluster,
  path: string,
  resourceVersion: string,
): Promise<Array<{ type: string; code?: number }>> {
  const events: Array<{ type: string; code?: number }> = [];
  return new Promise((resolve, reject) => {
    new k8s.Watch(cluster.kubeConfig())
      .watch(
        path,
        { resourceVersion },
        (type, o) => events.push({ type, code: o.code }),
        () => resolve(events),
      )
      .catch(reject);
  });
}
