/**
 * A large `--from-file` through the built CLI, as users run it: the output is kubectl's, byte for byte, and the
 * process stays within a memory bound of kubectl's order. The bound is set two ways: V8's heap is capped with
 * `--max-old-space-size` (a writer that builds strings a character at a time runs out of it and crashes), and
 * the peak resident size, read by a preloaded observer as the process exits, must stay under a few times the
 * file's size (kubectl itself peaks near 7× for this input).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { builtCli } from '../corpus/paths';
import { kubectlAvailable } from '../manifest/kubectlOracle';

const FILE_BYTES = 50 * 1000 * 1000;
const HEAP_CAP_MB = 300;
/** Peak resident size allowed: the file, its base64 in pieces, and node itself, with room to spare. */
const RSS_CAP_BYTES = 6 * FILE_BYTES;

/** Runs `cmd` with stdout going to `outFile` (a file, as `> out.json` would) and resolves with its exit code. */
function runToFile(
  cmd: string,
  args: string[],
  cwd: string,
  outFile: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; err: string }> {
  const out = fs.openSync(outFile, 'w');
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, KUBECONFIG: '/dev/null', ...env },
      stdio: ['ignore', out, 'pipe'],
    });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      fs.closeSync(out);
      resolve({ code: code ?? (signal ? 128 : -1), err });
    });
  });
}

function sha256File(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(1 << 20);
  try {
    for (let n = fs.readSync(fd, buf); n > 0; n = fs.readSync(fd, buf)) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

for (const format of ['json', 'yaml']) {
  test(
    `a 50 MB --from-file printed as ${format} is kubectl's output, within a heap of ${HEAP_CAP_MB} MB`,
    { skip: !kubectlAvailable() && 'kubectl missing' },
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-cli-large-'));
      try {
        fs.writeFileSync(path.join(dir, 'big.bin'), randomBytes(FILE_BYTES));
        const observer = path.join(dir, 'observe-rss.js');
        fs.writeFileSync(
          observer,
          "process.on('exit', () => require('fs').writeFileSync(process.env.PS_RSS_FILE, " +
            'String(process.resourceUsage().maxRSS * 1024)));\n',
        );
        const args = ['generic', 'big', '--from-file=big.bin', '--dry-run=client', '-o', format];
        const rssFile = path.join(dir, 'rss');
        const ours = await runToFile(
          process.execPath,
          [`--max-old-space-size=${HEAP_CAP_MB}`, '--require', observer, builtCli(), 'create', 'secret', ...args],
          dir,
          path.join(dir, 'ours.out'),
          { PS_RSS_FILE: rssFile },
        );
        assert.equal(
          ours.code,
          0,
          `the CLI failed (a crash here is running out of the capped heap): ${ours.err.slice(0, 500)}`,
        );
        const kubectl = await runToFile(
          'kubectl',
          ['create', 'secret', ...args],
          dir,
          path.join(dir, 'kubectl.out'),
          {},
        );
        assert.equal(kubectl.code, 0, kubectl.err);
        const size = (f: string) => fs.statSync(path.join(dir, f)).size;
        // The base64 alone is 4/3 of the file.
        assert.ok(size('kubectl.out') > (FILE_BYTES * 4) / 3);
        assert.equal(size('ours.out'), size('kubectl.out'), 'output size');
        assert.equal(sha256File(path.join(dir, 'ours.out')), sha256File(path.join(dir, 'kubectl.out')), 'output bytes');
        const peak = Number(fs.readFileSync(rssFile, 'utf8'));
        assert.ok(
          peak > 0 && peak < RSS_CAP_BYTES,
          `peak resident size ${Math.round(peak / 1e6)} MB, allowed ${RSS_CAP_BYTES / 1e6} MB`,
        );
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );
}
