import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../corpus/paths';
import { RULES } from '../../../core/src/rules/ruleTable';

test('the README documents every PS rule with the severity the rule table gives it', () => {
  const readme = readFileSync(join(repoRoot(), 'README.md'), 'utf8');
  for (const [code, def] of Object.entries(RULES)) {
    if (!code.startsWith('PS')) continue;
    const row = readme.split('\n').find((l) => l.startsWith(`| ${code} |`));
    assert.ok(row, `README has no row for ${code}`);
    assert.equal(row.split('|')[2].trim(), def.severity, code);
  }
});
