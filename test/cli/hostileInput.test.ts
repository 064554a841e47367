/**
 * `pachyderm-secrets check` (the built CLI in a child process) on hostile input: globs that stall backtracking
 * matchers or do not parse, and documents nested deeper than any reader should follow. Each run must finish,
 * say what is wrong, and still print every other file's findings.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCheck, writeUnder } from './checkRunner';

let dir: string;

const write = (rel: string, text: string): string => writeUnder(dir, rel, text);
/** A generous timeout that only detects a hang (the old matcher ran for hours here). */
const run = (...args: string[]) => runCheck(dir, args, { timeout: 30_000 });

const GOOD_ERROR = join('specs', 'half.pipeline.json');

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'ps-hostile-'));
  // No transform: PS113, the finding every run must still print.
  write('specs/half.pipeline.json', '{"pipeline": {"name": "x"}}\n');
  write(`specs/${'a'.repeat(60)}.yaml`, 'pipeline:\n  name: x\n');
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('a glob that makes backtracking matchers explode finishes, and the other files are checked', () => {
  const r = run('--spec-files', '*a*a*a*a*a*a*a*a*a*a*a*!', '--helm-values-files', '*a*a*a*a*a*a*a*a*a*a*a*!', 'specs');
  assert.equal(r.err, '');
  assert.equal(r.code, 1);
  assert.match(r.out, new RegExp(`^${GOOD_ERROR.replace(/\./g, '\\.')}:1:1: error PS113 `, 'm'));
});

test('a malformed glob exits 2 with a message naming the flag, the glob and the reason; findings still print', () => {
  const r = run('--spec-files', 'specs/{a,b.json', '--spec-files', `specs/${'a'.repeat(60)}.yaml`, 'specs');
  assert.equal(r.code, 2);
  assert.equal(
    r.err,
    'pachyderm-secrets check: --spec-files: the glob "specs/{a,b.json" is ignored: ' +
      'the `{` at column 7 is never closed (write `\\{` for a literal `{`).\n',
  );
  // The good glob after the bad one still makes the long-named file a spec (PS113 there too).
  assert.match(r.out, new RegExp(`^${GOOD_ERROR.replace(/\./g, '\\.')}:1:1: error PS113 `, 'm'));
  assert.match(r.out, /a{60}\.yaml:1:1: error PS113 /);
});

test("a document 10,000 levels deep gets one finding and the other files' findings still print", () => {
  const deep = `{"pipeline": {"name": "d"}, "deep": ${'['.repeat(10_000)}${']'.repeat(10_000)}}\n`;
  write('deep/a.pipeline.json', deep);
  write('deep/b.pipeline.yaml', `pipeline: {name: d}\ndeep: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`);
  write('deep/c.pipeline.json', '{"pipeline": {"name": "x"}}\n');
  const r = run('deep');
  assert.equal(r.err, '');
  assert.equal(r.code, 1);
  const lines = r.out.trim().split('\n');
  const nested = lines.filter((l) => /nested more than/.test(l));
  assert.deepEqual(
    nested.map((l) => l.replace(/^.*[\\/]/, '')),
    [
      'a.pipeline.json:1:292: error PS100 nested more than 10000 levels deep: pachctl rejects this too ' +
        '("exceeded max depth of 10000")',
      'b.pipeline.yaml:2:262: error PS100 nested more than 10000 levels deep: pachctl rejects this too ' +
        '("exceeded max depth of 10000")',
    ],
  );
  assert.ok(
    lines.some((l) => l.startsWith(`${join('deep', 'c.pipeline.json')}:1:1: error PS113 `)),
    r.out,
  );
});
