/**
 * Output larger than a pipe's buffer reaches the reader whole. A CLI that calls process.exit() right after
 * writing loses what the pipe had not taken yet (64 KiB on Linux), so each case writes well over 2 MiB through
 * a real pipe: once read by this process (spawn with stdio 'pipe'), once by another program in a shell pipeline.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtCli } from '../corpus/paths';

const MIN_BYTES = 2 * 1024 * 1024;
let dir: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'ps-large-'));
  // 1.6 MiB of bytes: more than 2 MiB once base64-encoded.
  const big = Buffer.alloc(1_677_898);
  for (let i = 0; i < big.length; i++) big[i] = (i * 7919) & 0xff;
  writeFileSync(join(dir, 'big'), big);
  writeFileSync(join(dir, 'no-secrets.json'), JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [] }));
  // Every reference names a secret the empty catalog lacks: one error finding each.
  for (let f = 0; f < 30; f++) {
    const secrets = Array.from({ length: 400 }, (_, i) => ({ name: `missing-${f}-${i}`, key: 'k', env_var: `V${i}` }));
    writeFileSync(
      join(dir, `spec-${f}.pipeline.json`),
      JSON.stringify({ pipeline: { name: `p${f}` }, transform: { image: 'i', secrets } }, null, 1),
    );
  }
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** The CLI's stdout read to the end by this process through a pipe. */
function viaPipe(args: string[]): Promise<{ code: number | null; out: Buffer; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [builtCli(), ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out: Buffer.concat(out), err }));
  });
}

/** The CLI's stdout through a shell pipeline into `cat`, which writes it to a file. */
function viaShellPipeline(args: string[]): Promise<{ status: string; out: Buffer }> {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const outFile = join(dir, `piped-${args.join('-').replace(/[^a-z]/g, '')}.out`);
  // PIPESTATUS is bash's; `sh` may be dash, so ask for bash by name.
  const command = [process.execPath, builtCli(), ...args].map(quote).join(' ');
  const script = `${command} | cat > ${quote(outFile)}; echo "\${PIPESTATUS[0]}"`;
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
    let status = '';
    child.stdout.on('data', (b: Buffer) => (status += b.toString()));
    child.on('error', reject);
    child.on('close', async () => {
      const { readFileSync } = await import('node:fs');
      resolve({ status: status.trim(), out: readFileSync(outFile) });
    });
  });
}

const CREATE = ['create', 'secret', 'generic', 's', '--from-file=big', '--dry-run=client'];

test('create secret -o json writes all of a 2 MiB manifest into a pipe', async () => {
  for (const run of [viaPipe, viaShellPipeline]) {
    const r = await run([...CREATE, '-o', 'json']);
    assert.ok(r.out.length > MIN_BYTES, `${run.name}: only ${r.out.length} bytes arrived`);
    const obj = JSON.parse(r.out.toString('utf8'));
    assert.equal(Buffer.from(obj.data.big, 'base64').length, 1_677_898, run.name);
  }
});

test('create secret -o yaml writes all of a 2 MiB manifest into a pipe', async () => {
  for (const run of [viaPipe, viaShellPipeline]) {
    const r = await run([...CREATE, '-o', 'yaml']);
    assert.ok(r.out.length > MIN_BYTES, `${run.name}: only ${r.out.length} bytes arrived`);
    const text = r.out.toString('utf8');
    assert.ok(text.endsWith('\n  name: s\n'), `${run.name}: the YAML stops at byte ${r.out.length}`);
    const b64 = /\n {2}big: (\S+)\n/.exec(text)?.[1] ?? '';
    assert.equal(Buffer.from(b64, 'base64').length, 1_677_898, run.name);
  }
});

test('check --format json writes all of 12,000 findings into a pipe, and still exits 1', async () => {
  for (const run of [viaPipe, viaShellPipeline]) {
    const r = await run(['check', '--secrets', 'no-secrets.json', '--format', 'json', '.']);
    assert.ok(r.out.length > MIN_BYTES, `${run.name}: only ${r.out.length} bytes arrived`);
    const findings = JSON.parse(r.out.toString('utf8')) as Array<{ code: string }>;
    assert.equal(findings.filter((f) => f.code === 'PS002').length, 12_000, run.name);
    assert.equal('code' in r ? r.code : Number(r.status), 1, run.name);
  }
});
