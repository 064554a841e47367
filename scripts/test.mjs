// `npm test`: lint (ESLint) and check the formatting (Prettier), build the bundles, compile TypeScript (which also
// type-checks), then run the suites. A lint or formatting problem fails the run before anything is built.
// `npm test -- unit` (or any suite names) runs only those suites.
//
// Suites:
//   node    every `*.test.js` under out/ outside test/vscode and test/ui, with node's own test runner
//           (unit tests of the core, LSP protocol tests, kubectl cross-checks, CLI tests, corpus test)
//   vscode  the extension-host suite in a real VS Code (code-server), see scripts/vscode/
//   ui      the playwright smoke test against the real workbench
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);

const allSuites = ['node', 'vscode', 'ui'];
const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const suites = asked.length ? asked : allSuites;
for (const s of suites) {
  if (!allSuites.includes(s)) {
    console.error(`unknown suite "${s}"; known: ${allSuites.join(', ')}`);
    process.exit(2);
  }
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

function step(name, cmd, args) {
  console.log(`\n== ${name}`);
  const code = run(cmd, args);
  if (code !== 0) {
    console.error(`${name} failed (exit ${code})`);
    process.exit(code);
  }
}

function findTests(dir, skip) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir)) {
    const p = join(dir, entry);
    if (skip.some((s) => p.startsWith(s))) continue;
    if (statSync(p).isDirectory()) out.push(...findTests(p, skip));
    else if (entry.endsWith('.test.js')) out.push(p);
  }
  return out.sort();
}

// The same commands as `npm run lint` and `npm run format:check`, run through node as tsc is below. Both keep a
// cache in node_modules/.cache, so a second run only reads the files that changed.
step('lint (eslint)', process.execPath, [
  'node_modules/eslint/bin/eslint.js',
  '--cache',
  '--cache-location',
  'node_modules/.cache/eslint/',
  '--max-warnings',
  '0',
  '.',
]);
step('format check (prettier)', process.execPath, [
  'node_modules/prettier/bin/prettier.cjs',
  '--cache',
  '--check',
  '**/*.{ts,mts,cts,js,mjs,cjs}',
]);
step('build', process.execPath, ['scripts/build.mjs']);
// tsc never deletes what it compiled from a source that is gone: a renamed or deleted test would still run.
rmSync('out', { recursive: true, force: true });
step('compile (tsc)', process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.']);

let failed = 0;
if (suites.includes('node')) {
  const files = findTests('out', ['out/test/vscode', 'out/test/ui']);
  console.log(`\n== node tests (${files.length} files)`);
  failed += run(process.execPath, ['--test', '--test-concurrency=2', ...files]) === 0 ? 0 : 1;
}
if (suites.includes('vscode') && existsSync('scripts/vscode/run-suite.mjs')) {
  console.log('\n== extension-host suite (real VS Code)');
  failed += run(process.execPath, ['scripts/vscode/run-suite.mjs']) === 0 ? 0 : 1;
}
if (suites.includes('ui') && existsSync('scripts/vscode/run-ui-smoke.mjs')) {
  console.log('\n== UI smoke test (real VS Code in Chromium)');
  failed += run(process.execPath, ['scripts/vscode/run-ui-smoke.mjs']) === 0 ? 0 : 1;
}
process.exit(failed ? 1 : 0);
