/**
 * The product code has no import cycles (scripts/code-shape.mjs finds them with Tarjan's algorithm over relative
 * imports, type-only ones included). A cycle makes a reader hold several files in mind at once and breaks the
 * "core laid out by what it is" rule quietly, so it fails the tests rather than waiting for a review. The script
 * is an ES module, so a child process imports it as such (as test/package/boundaries.test.ts does).
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const root = path.resolve(__dirname, '../../..');

/** The script's `cycles` for the tree at `tree`. */
function cyclesOf(tree: string): string[][] {
  const body = `
    import { codeShape } from './scripts/code-shape.mjs';
    console.log(JSON.stringify(codeShape(${JSON.stringify(tree)}).cycles));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', body], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out) as string[][];
}

describe('code shape', () => {
  it('finds a deliberate three-file cycle, type-only imports included', () => {
    const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'code-shape-'));
    try {
      const dir = path.join(tree, 'core/src/demo');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'a.ts'), "import { b } from './b';\nexport const a = b;\n");
      fs.writeFileSync(path.join(dir, 'b.ts'), "import type { C } from './c';\nexport const b: C = 1;\n");
      fs.writeFileSync(path.join(dir, 'c.ts'), "export { a } from './a';\nexport type C = number;\n");
      fs.writeFileSync(path.join(dir, 'd.ts'), "import { a } from './a';\nexport const d = a;\n");
      assert.deepEqual(cyclesOf(tree), [['core/src/demo/a.ts', 'core/src/demo/b.ts', 'core/src/demo/c.ts']]);
    } finally {
      fs.rmSync(tree, { recursive: true, force: true });
    }
  });

  it('the product code has no import cycles', () => {
    assert.deepEqual(cyclesOf(root), []);
  });
});
