import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { RULES } from '../../../core/src/rules/ruleTable';

function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'scripts', 'build.mjs'))) dir = dirname(dir);
  return dir;
}

test('the README documents every PS rule with the severity the rule table gives it', () => {
  const readme = readFileSync(join(repoRoot(), 'README.md'), 'utf8');
  for (const [code, def] of Object.entries(RULES)) {
    if (!code.startsWith('PS')) continue;
    const row = readme.split('\n').find((l) => l.startsWith(`| ${code} |`));
    assert.ok(row, `README has no row for ${code}`);
    assert.equal(row.split('|')[2].trim(), def.severity, code);
  }
});
