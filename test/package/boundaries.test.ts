/**
 * The import boundaries (scripts/boundaries.mjs) hold where they are enforced: the build refuses to bundle a
 * deliberate bad import, ESLint reports it, and today's product files have none. The checks are ES modules, so
 * a child process imports them as such whatever this test compiles to (as test/package/shippedBundle.ts does).
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const root = path.resolve(__dirname, '../../..');

/** Runs `body` (an ES module's top level) in the repository root and returns what it printed as JSON. */
function inModule<T>(body: string): T {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', body], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out) as T;
}

/** Deliberate bad imports, each written as if in `file`, and what must be said of them. */
const BAD_IMPORTS = [
  { file: 'core/src/catalog/bad.ts', specifier: '../../../client/src/host', says: 'core never imports a face' },
  { file: 'core/src/catalog/bad.ts', specifier: 'vscode', says: 'vscode belongs to client/src' },
  { file: 'client/src/cluster/bad.ts', specifier: '../../../server/src/uris', says: 'may not import another face' },
  { file: 'cli/src/bad.ts', specifier: '../../client/src/host', says: 'may not import another face' },
  {
    file: 'client/src/cluster/bad.ts',
    specifier: '../../../core/src/catalog/liveCatalog',
    says: "through a module's entry point",
  },
  { file: 'server/src/bad.ts', specifier: 'vscode-languageclient/node', says: 'belongs to client/src' },
];

describe('import boundaries', () => {
  it('the build refuses to bundle each deliberate bad import', () => {
    const results = inModule<{ file: string; error: string }[]>(`
      import * as esbuild from 'esbuild';
      import * as path from 'node:path';
      import { buildOptions } from './scripts/buildOptions.mjs';
      const cases = ${JSON.stringify(BAD_IMPORTS)};
      const out = [];
      for (const c of cases) {
        const stdin = { contents: "import * as m from '" + c.specifier + "'; console.log(m);",
          sourcefile: path.basename(c.file), resolveDir: path.dirname(path.resolve(c.file)), loader: 'ts' };
        let error = '';
        try {
          await esbuild.build({ ...buildOptions(false), stdin, write: false, logLevel: 'silent', external: [] });
        } catch (e) { error = e.message; }
        out.push({ file: c.file, error });
      }
      console.log(JSON.stringify(out));
    `);
    for (const [i, c] of BAD_IMPORTS.entries()) {
      assert.match(results[i].error, /forbidden import/, `${c.file} → ${c.specifier} was bundled`);
      assert.ok(results[i].error.includes(c.says), results[i].error);
    }
  });

  it('ESLint reports each deliberate bad import, and an entry-point import passes', () => {
    const good = { file: 'client/src/cluster/good.ts', specifier: '../../../core/src/catalog', says: '' };
    const results = inModule<string[][]>(`
      import { ESLint } from 'eslint';
      import tseslint from 'typescript-eslint';
      import boundaries from './eslint.boundaries.mjs';
      const eslint = new ESLint({ overrideConfigFile: true,
        overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser },
          linterOptions: { reportUnusedDisableDirectives: 'off' } }, ...boundaries] });
      const cases = ${JSON.stringify([...BAD_IMPORTS, good])};
      const out = [];
      for (const c of cases) {
        const [r] = await eslint.lintText("import * as m from '" + c.specifier + "';\\nexport { m };\\n",
          { filePath: c.file });
        out.push(r.messages.map((m) => m.message));
      }
      console.log(JSON.stringify(out));
    `);
    for (const [i, c] of BAD_IMPORTS.entries()) {
      assert.equal(results[i].length, 1, `${c.file} → ${c.specifier}: ${JSON.stringify(results[i])}`);
      assert.ok(results[i][0].includes(c.says), results[i][0]);
    }
    assert.deepEqual(results[BAD_IMPORTS.length], [], 'an import of a module entry point is allowed');
  });

  it('no product file crosses a boundary today', () => {
    const messages = inModule<string[]>(`
      import { ESLint } from 'eslint';
      import tseslint from 'typescript-eslint';
      import boundaries from './eslint.boundaries.mjs';
      const eslint = new ESLint({ overrideConfigFile: true,
        overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser },
          linterOptions: { reportUnusedDisableDirectives: 'off' } }, ...boundaries] });
      const results = await eslint.lintFiles(['core/src', 'client/src', 'server/src', 'cli/src']);
      console.log(JSON.stringify(results.flatMap((r) => r.messages.map((m) => r.filePath + ': ' + m.message))));
    `);
    assert.deepEqual(messages, []);
  });
});
