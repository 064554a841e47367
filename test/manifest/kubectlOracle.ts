/**
 * Runs the real kubectl (the oracle) and our CLI in-process on the same argument lists in one fixture
 * folder, for the differential tests. kubectl gets `KUBECONFIG=/dev/null` so no cluster is contacted.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createCommand } from '../../cli/src/createSecret';
import { nodeSourceReader } from '../../core/src/manifest';

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

export function kubectlAvailable(): boolean {
  return (
    spawnSync('kubectl', ['version', '--client'], { env: { ...process.env, KUBECONFIG: '/dev/null' } }).status === 0
  );
}

export function runKubectl(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('kubectl', ['create', 'secret', ...args], { cwd, env: { ...env, KUBECONFIG: '/dev/null' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        code: code ?? -1,
      }),
    );
  });
}

/** Our CLI in this process; the caller has chdir'ed into the fixture folder. */
export async function runOurs(args: readonly string[]): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await createCommand(['secret', ...args], {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    reader: nodeSourceReader,
  });
  return { stdout, stderr, code };
}

/** Runs `jobs` with at most `limit` at a time, keeping their order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, job: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await job(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * The message lines of stderr, comparable across the two: klog headers masked, the dispatcher's `Error:`
 * folded to `error:`, and the "See '… --help'" hint dropped (it names the command, which differs by design).
 */
export function messageLines(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((l) => l && !l.startsWith('See '))
    .map((l) => l.replace(/^W\d{4} \d\d:\d\d:\d\d\.\d{6}\s+\d+ [^\]]+\] /, 'W ').replace(/^Error: /, 'error: '));
}
