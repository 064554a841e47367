/**
 * The optional real-world corpus (see corpusDir in ./paths) through the built CLI, as CI would run it, compared with
 * the corpus's EXPECTED.tsv: no error or warning on specs Pachyderm accepts, the named error on specs pachctl rejects,
 * no spec diagnostic and no manifest error on Secret manifests, and nothing at all on Jsonnet templates.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { builtCli, corpusDir, skipWithoutCorpus } from './paths';

const corpus = corpusDir();
const specs = join(corpus, 'pachyderm-specs');

/** What each `errors` row's note names, as the finding that must be there. */
const EXPECTED_ERRORS: Record<string, { code: string; message: RegExp }> = {
  'hist_doc_examples_makefile_config__pipeline.json': { code: 'PS101', message: /^unknown field "atom"/ },
  'hist_examples_spouts_EmailSentimentAnalyzer__imap_spout.json': {
    code: 'PS101',
    message: /^unknown field "overwrite"/,
  },
  'hist_examples_spouts_SQS-S3__sqs-spout.json': { code: 'PS100', message: /^comma expected$/ },
  'packt_Chapter11-Integrating-with-JupyterLab__sentiment.yaml': { code: 'PS101', message: /^unknown field "image"/ },
};

interface Reported {
  file: string;
  line: number;
  severity: string;
  code: string;
  message: string;
}

test('the corpus through `pachyderm-secrets check` matches EXPECTED.tsv', { skip: skipWithoutCorpus() }, () => {
  const r = spawnSync(
    process.execPath,
    [builtCli(), 'check', '--format', 'json', '--secrets', join(corpus, 'pachyderm-specs-secrets.json'), specs],
    { encoding: 'utf8' },
  );
  assert.equal(r.stderr, '');
  assert.equal(r.status, 1, 'the corpus holds specs with errors');
  const reported = JSON.parse(r.stdout) as Reported[];
  const byFile = new Map<string, Reported[]>();
  for (const f of reported) byFile.set(basename(f.file), [...(byFile.get(basename(f.file)) ?? []), f]);

  const rows = readFileSync(join(specs, 'EXPECTED.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'));
  assert.ok(rows.length >= 60);
  for (const [file, , expect] of rows) {
    const found = byFile.get(file) ?? [];
    const show = found.map((f) => `${f.line}: ${f.severity} ${f.code} ${f.message}`).join('\n');
    switch (expect) {
      case 'no-errors':
        assert.deepEqual(
          found.filter((f) => f.severity === 'error' || f.severity === 'warning'),
          [],
          `${file}:\n${show}`,
        );
        break;
      case 'errors': {
        const want = EXPECTED_ERRORS[file];
        assert.ok(want, `${file} is an errors row this test does not know yet`);
        assert.ok(
          found.some((f) => f.severity === 'error' && f.code === want.code && want.message.test(f.message)),
          `${file} lacks ${want.code}:\n${show}`,
        );
        break;
      }
      case 'no-spec-diagnostics':
        // A Secret manifest gets the manifest checks (PM), never a spec's; these real ones have nothing wrong, and
        // a YAML one may carry PM011's note that pachctl reads JSON only.
        assert.deepEqual(
          found.filter((f) => !f.code.startsWith('PM') || f.severity === 'error' || f.severity === 'warning'),
          [],
          `${file}:\n${show}`,
        );
        break;
      case 'not-analyzed':
        assert.deepEqual(found, [], `${file}:\n${show}`);
        break;
      default:
        assert.fail(`unknown expectation ${expect} for ${file}`);
    }
  }
  // Every finding belongs to a file the table knows.
  const known = new Set(rows.map((r) => r[0]));
  for (const f of byFile.keys()) assert.ok(known.has(f), `finding for a file EXPECTED.tsv does not list: ${f}`);
});
