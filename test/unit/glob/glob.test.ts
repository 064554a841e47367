/**
 * The settings' glob matcher: what it matches, which globs it rejects and why, that its work stays linear on
 * globs that make backtracking matchers explode, and that it agrees with picomatch on ordinary globs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileGlob, globProblem, MAX_GLOB_LENGTH } from '../../../core/src/glob/compileGlob';
import { globSettingProblems } from '../../../core/src/glob/globSettings';
import { matchesAnyGlob, matchGlob, type MatchStats } from '../../../core/src/glob/matchGlob';
import { prng } from '../../support/random';

// picomatch ships no types; the differential test needs only its matcher factory.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const picomatch = require('picomatch') as (glob: string, options?: object) => (path: string) => boolean;

const matches = (glob: string, path: string) => matchGlob(compileGlob(glob), path);

test('the glob table: each glob against paths it must and must not match', () => {
  const table: [glob: string, yes: string[], no: string[]][] = [
    ['*.json', ['/w/a.json', 'a.json', '/w/x/.json'], ['/w/a.yaml', '/w/a.json/b', '/w/a.jsonx']],
    ['specs/*.json', ['/w/specs/a.json', 'specs/b.json'], ['/w/specs/x/a.json', '/w/myspecs/a.json']],
    ['pipelines/**/*.json', ['/w/pipelines/a.json', '/w/pipelines/x/a.json'], ['/w/pipelines.json', '/w/other/a.json']],
    ['**/*.{yaml,yml}', ['/w/a.yaml', '/w/x/b.yml'], ['/w/a.json', '/w/a.yamll']],
    ['deploy/**', ['/w/deploy/a', '/w/deploy/x/y.yaml'], ['/w/deployx/a', '/w/de/ploy']],
    ['a?c.json', ['/w/abc.json'], ['/w/ac.json', '/w/a/c.json', '/w/abbc.json']],
    ['[ab]-[0-9].yaml', ['/w/a-1.yaml', '/w/b-9.yaml'], ['/w/c-1.yaml', '/w/a-x.yaml']],
    ['[!a]*.yaml', ['/w/b.yaml', '/w/zz.yaml'], ['/w/a.yaml', '/w/ab.yaml']],
    ['{prod,stage{1,2}}/values.yaml', ['/w/prod/values.yaml', '/w/stage2/values.yaml'], ['/w/stage/values.yaml']],
    ['x\\*y.json', ['/w/x*y.json'], ['/w/xay.json']],
    ['my file.json', ['/w/my file.json'], ['/w/my-file.json']],
    ['a**b.json', ['/w/ab.json', '/w/axxb.json'], ['/w/a/x/b.json']],
    ['/abs/*.json', ['/abs/a.json'], ['/w/abs/a.json/x']],
  ];
  for (const [glob, yes, no] of table) {
    for (const p of yes) assert.ok(matches(glob, p), `${glob} should match ${p}`);
    for (const p of no) assert.ok(!matches(glob, p), `${glob} should not match ${p}`);
  }
});

test('bad globs are rejected with a reason that says where and how to write the literal', () => {
  const bad: [string, RegExp][] = [
    ['specs/{a,b.json', /the `\{` at column 7 is never closed \(write `\\\{` for a literal `\{`\)/],
    ['specs/a}.json', /the `\}` at column 8 closes no `\{`/],
    ['[ab.json', /the `\[` at column 1 is never closed/],
    ['ab].json', /the `\]` at column 3 closes no `\[`/],
    ['a.json\\', /ends with a lone `\\`/],
    ['[z-a].json', /runs backwards/],
    ['', /it is empty/],
    ['a'.repeat(MAX_GLOB_LENGTH + 1), /longer than 1000 characters/],
    ['{'.repeat(11) + '}'.repeat(11), /nested more than 10 deep/],
  ];
  for (const [glob, reason] of bad) assert.match(globProblem(glob) ?? 'accepted', reason, glob);
  for (const good of ['*.json', '{a,b}', '[]a]', 'a,b', '{,a}', '**']) assert.equal(globProblem(good), undefined, good);
});

test('a bad glob matches nothing and the message names the setting, the glob and the reason', () => {
  assert.equal(matchesAnyGlob('/w/a.json', ['{a', '*.json']), true);
  assert.equal(matchesAnyGlob('/w/{a', ['{a']), false);
  const [p, ...rest] = globSettingProblems('pachyderm.specFiles', ['ok/*.json', 'x{a']);
  assert.deepEqual(rest, []);
  assert.equal(
    p.message,
    'pachyderm.specFiles: the glob "x{a" is ignored: the `{` at column 2 is never closed ' +
      '(write `\\{` for a literal `{`).',
  );
});

test('globs that make backtracking matchers explode cost steps linear in the path', () => {
  const globs = ['*a*a*a*a*a*a*a*a*a*a*a*!', '**/**/**/**/**/**/**/**/x', '{a,a*}{a,a*}{a,a*}{a,a*}{a,a*}{a,a*}!'];
  for (const glob of globs) {
    const a = compileGlob(glob);
    for (const n of [100, 10_000]) {
      const path = `/w/${'a/'.repeat(n % 3 ? 0 : 1)}${'a'.repeat(n)}.json`;
      const stats: MatchStats = { steps: 0 };
      assert.equal(matchGlob(a, path, stats), false);
      // Each character: every state entered at most once and tested once, and the start closure at a '/'.
      const bound = 4 * (path.length + 1) * a.step.length;
      assert.ok(stats.steps <= bound, `${glob} on ${path.length} characters: ${stats.steps} steps > ${bound}`);
    }
  }
});

// `[!a]` is left out: picomatch 2.3 reads it as `\[!a\]` or an extglob and never matches `b.yml`; `[^a]` is the same.
test('agrees with picomatch on ordinary globs over random paths', () => {
  const globs = [
    '*.json',
    '*.pipeline.yaml',
    'specs/*.json',
    'specs/**/*.json',
    '**/*.{yaml,yml}',
    'deploy/*/values.yaml',
    'a?c.*',
    '[ab]*.json',
    '[^a]*.yml',
    '{x,y}/**/*.json',
    'x/*/y/*.yaml',
    '*-[0-9].yaml',
    '**/a/**/b.json',
    'specs/{a,b}*.json',
    '**/*',
    'x*y*z.json',
  ];
  const parts = ['a', 'b', 'x', 'y', 'z', 'specs', 'deploy', 'values.yaml', 'a.json', 'b.yml', 'c-1.yaml', 'abc.json'];
  const theirMatchers = new Map(globs.map((g) => [g, picomatch(g, { dot: true })]));
  const rnd = prng(7);
  let compared = 0;
  let matched = 0;
  for (let k = 0; k < 3000; k++) {
    const depth = 1 + Math.floor(rnd() * 4);
    const segs = Array.from({ length: depth }, () => parts[Math.floor(rnd() * parts.length)]);
    const path = `/w/${segs.join('/')}`;
    for (const glob of globs) {
      // Our globs may start matching at any folder boundary: picomatch, on each suffix of whole segments.
      const all = path.split('/');
      const theirs = all.some((_, i) => i > 0 && theirMatchers.get(glob)!(all.slice(i).join('/')));
      const ours = matches(glob, path);
      assert.equal(ours, theirs, `${glob} vs ${path}`);
      compared++;
      if (ours) matched++;
    }
  }
  assert.ok(matched > compared / 20, `too few matches to compare (${matched} of ${compared})`);
});
