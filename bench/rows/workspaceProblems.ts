/**
 * Row 14: the first full pass of whole-workspace Problems over a generated workspace of 4,000 spec files, through
 * the real language server process (spawn → every file with problems published), against
 * `pachyderm-secrets check` on the same files in one process (spawn → exit). Both judge against the same secrets:
 * the server gets them as a catalog notification before `initialized`, the CLI from a `--secrets` file.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { toSecretMeta } from '../../core/src/catalog/secretMeta';
import { CatalogNotification } from '../../core/src/protocol/messages';
import { LspSession } from '../../test/lsp/serverProcess';
import { generatedSecrets, writeSpecWorkspace } from '../lib/specs';
import { median, p99 } from '../lib/stats';
import type { Measurement } from '../lib/types';

export const WORKSPACE_FILES = 4000;
/** Specs name 120 secrets, the cluster holds 100: about half the files have a PS002. */
export const NAMED_SECRETS = 120;
export const CLUSTER_SECRETS = 100;

interface CliRun {
  ms: number;
  files: number;
}

function runCheck(repoRoot: string, secretsFile: string, workspace: string): Promise<CliRun> {
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [path.join(repoRoot, 'dist', 'cli.js'), 'check', '--secrets', secretsFile, '--format', 'json', workspace],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const out: Buffer[] = [];
  child.stdout.on('data', (d: Buffer) => out.push(d));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      const ms = performance.now() - t0;
      if (code !== 0 && code !== 1) return reject(new Error(`pachyderm-secrets check exited ${code}`));
      const findings = JSON.parse(Buffer.concat(out).toString('utf8')) as { file: string }[];
      resolve({ ms, files: new Set(findings.map((f) => f.file)).size });
    });
  });
}

/** Spawn → the last of `expected` files' problems published; the server is then stopped. */
async function serverPass(workspace: string, snapshot: unknown, expected: number): Promise<number> {
  const t0 = performance.now();
  const judged = new Set<string>();
  let done!: () => void;
  const all = new Promise<void>((resolve) => (done = resolve));
  const session = await LspSession.start({
    workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'ws' }],
    recordSent: false,
    beforeInitialized: (c) => c.sendNotification(CatalogNotification.type, snapshot),
  });
  session.onPublish = (p) => {
    if (p.diagnostics.length) judged.add(p.uri);
    if (judged.size >= expected) done();
  };
  try {
    const timeout = setTimeout(() => done(), 120_000);
    await all;
    clearTimeout(timeout);
    if (judged.size < expected) throw new Error(`the server published ${judged.size} of ${expected} files`);
    return performance.now() - t0;
  } finally {
    session.published.length = 0;
    await session.stop();
  }
}

export async function workspaceProblemsRows(repoRoot: string, quick: boolean): Promise<Measurement[]> {
  const runs = quick ? 2 : 7;
  const dir = mkdtempSync(path.join(tmpdir(), 'pachyderm-bench-workspace-'));
  try {
    const workspace = path.join(dir, 'workspace');
    writeSpecWorkspace(workspace, WORKSPACE_FILES, NAMED_SECRETS);
    const secrets = generatedSecrets(CLUSTER_SECRETS, 8, 16);
    const secretsFile = path.join(dir, 'secrets.json');
    writeFileSync(secretsFile, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: secrets }));
    const snapshot = {
      context: 'bench',
      namespace: 'default',
      state: { kind: 'ready' },
      secrets: secrets.map((s) => toSecretMeta(s)),
    };
    const expected = (await runCheck(repoRoot, secretsFile, workspace)).files;
    const ours: number[] = [];
    const peer: number[] = [];
    // Alternated, after one warm-up of each, so a busier moment of the machine falls on both.
    await serverPass(workspace, snapshot, expected);
    for (let i = 0; i < runs; i++) {
      ours.push(await serverPass(workspace, snapshot, expected));
      const cli = await runCheck(repoRoot, secretsFile, workspace);
      if (cli.files !== expected) throw new Error(`check found problems in ${cli.files} files, then ${expected}`);
      peer.push(cli.ms);
    }
    return [
      {
        row: 14,
        name: `first full pass of workspace Problems, ${WORKSPACE_FILES.toLocaleString('en')} spec files (LSP process)`,
        unit: 'ms',
        median: median(ours),
        p99: p99(ours),
        samples: ours.length,
        peer: { name: '`pachyderm-secrets check`, one process', median: median(peer), p99: p99(peer) },
        target: { kind: 'ratio', max: 1.5, on: 'median' },
        note: `${expected} of ${WORKSPACE_FILES} files have problems; both from spawn to the last of them`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
