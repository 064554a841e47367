import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../corpus/paths';
import { MANIFEST_RULES } from '../../../core/src/secretManifest';

test('the README documents every PM rule with the severity and cluster need the rule table gives it', () => {
  const readme = readFileSync(join(repoRoot(), 'README.md'), 'utf8');
  for (const [code, def] of Object.entries(MANIFEST_RULES)) {
    const row = readme.split('\n').find((l) => l.startsWith(`| ${code} |`));
    assert.ok(row, `README has no row for ${code}`);
    const cells = row.split('|').map((c) => c.trim());
    assert.equal(cells[2], def.severity, code);
    assert.equal(cells[4], def.needsCatalog ? 'yes' : '', code);
  }
});
