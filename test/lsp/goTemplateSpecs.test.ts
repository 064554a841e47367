/**
 * Pipeline specs kept as Go templates, through the real language server: one information note where the actions
 * break the syntax, and no diagnostics on the templated parts of a spec that is JSON as written.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../corpus/paths';
import { LspSession } from './serverProcess';

const fixture = (name: string) => readFileSync(join(repoRoot(), 'test', 'unit', 'analysis', 'fixtures', name), 'utf8');

let s: LspSession;
before(async () => {
  s = await LspSession.start();
});
after(() => s.stop());

test('a YAML spec that is a Go template gets one PS115 information note over LSP, not PS100s', async () => {
  const uri = 'file:///tmp/go-template-lsp/edges.pipeline.yaml';
  const published = await s.open(uri, 'yaml', fixture('edges-template.pipeline.yaml'));
  assert.deepEqual(
    published.diagnostics.map((d) => [d.code, d.severity, d.range.start.line]),
    [['PS115', 3, 4]],
  );
  await s.close(uri);
});

test('a JSON spec with actions only inside strings gets no diagnostic on the templated secret name', async () => {
  const uri = 'file:///tmp/go-template-lsp/inline.pipeline.json';
  const published = await s.open(uri, 'json', fixture('edges-inline-template.pipeline.json'));
  // Without the catalog only PS001 (env_var without key) on the plain entry; nothing on the templated name.
  assert.deepEqual(
    published.diagnostics.map((d) => d.code),
    ['PS001'],
  );
  await s.close(uri);
});
