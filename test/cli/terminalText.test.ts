/**
 * Names reach the terminal neutralised: a file name, a secret name or a server message holding "\x1b[31m"
 * (recolour) or "\r" (rewrite the line) is printed with those characters shown as Go's %q shows them, by the
 * built CLI in a child process. JSON output keeps the exact name, escaped by JSON itself.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtCli } from '../corpus/paths';

let dir: string;
const HOSTILE = 'a\x1b[31m\rb';
const SHOWN = 'a\\x1b[31m\\rb';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [builtCli(), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, KUBECONFIG: '/dev/null' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** No ESC, CR or other C0/C1 control except the line breaks. */
function assertInert(text: string): void {
  assert.doesNotMatch(text, /[\x00-\x09\x0b-\x1f\x7f-\x9f]/, JSON.stringify(text));
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'ps-term-'));
  writeFileSync(join(dir, 'secrets.json'), JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [] }));
  const spec = {
    pipeline: { name: 'p' },
    transform: { image: 'i', secrets: [{ name: HOSTILE, key: 'k', env_var: 'V' }] },
  };
  writeFileSync(join(dir, `${HOSTILE}.pipeline.json`), JSON.stringify(spec, null, 2));
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('check: a file name and a secret name with ESC and CR are shown escaped in text output', () => {
  const r = cli('check', '--secrets', 'secrets.json', '.');
  assert.equal(r.code, 1);
  assertInert(r.out);
  const quoted = SHOWN.replace(/[\\[]/g, '\\$&');
  assert.match(r.out, new RegExp(`^${quoted}\\.pipeline\\.json:\\d+:\\d+: error PS013 ${quoted} is not a valid`));
});

test('check: a PATH that does not exist is echoed escaped on stderr', () => {
  const r = cli('check', `missing-${HOSTILE}`);
  assert.equal(r.code, 2);
  assertInert(r.err);
  assert.ok(r.err.includes(`no such file or directory: missing-${SHOWN}`), r.err);
});

test('check --format json keeps the exact names, escaped by JSON', () => {
  const r = cli('check', '--secrets', 'secrets.json', '--format', 'json', '.');
  const [finding] = JSON.parse(r.out) as Array<{ file: string; message: string }>;
  assert.equal(finding.file, `${HOSTILE}.pipeline.json`);
  assert.ok(finding.message.includes(HOSTILE));
});

test('create: a secret name with ESC and CR is shown escaped in its text line, and kept exact in -o json', () => {
  const r = cli('create', 'secret', 'generic', HOSTILE, '--from-literal=a=1', '--dry-run=client');
  assert.deepEqual([r.code, r.out, r.err], [0, `secret/${SHOWN} created (dry run)\n`, '']);
  const json = cli('create', 'secret', 'generic', HOSTILE, '--from-literal=a=1', '--dry-run=client', '-o', 'json');
  assert.equal(JSON.parse(json.out).metadata.name, HOSTILE);
});
