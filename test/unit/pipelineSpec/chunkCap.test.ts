/**
 * A file of more than MAX_CHUNKS documents is read up to there, and the rest is one diagnostic: each document
 * costs memory and time however empty, and 5 million `---` lines took 3.5 GB in the server.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, IncrementalAnalyzer } from '../../../core/src/analysis';
import { documentChunks, MAX_CHUNKS } from '../../../core/src/pipelineSpec/documentChunks';
import { readyCatalog } from '../language/fixtures';

const CAP_MESSAGE = `the file holds more than ${MAX_CHUNKS} documents: the rest, from here on, is not checked`;

test('exactly MAX_CHUNKS documents are all read; one more and the rest is one unread chunk', () => {
  const exactly = '---\na: 1\n'.repeat(MAX_CHUNKS);
  assert.ok(documentChunks(exactly, 'yaml').every((c) => !c.unread));
  const over = exactly + '---\na: 1\n';
  const chunks = documentChunks(over, 'yaml');
  assert.equal(chunks.length, MAX_CHUNKS);
  assert.deepEqual(
    chunks.filter((c) => c.unread),
    [chunks.at(-1)],
  );
  assert.equal(over.slice(chunks.at(-1)!.start), '---\na: 1\n---\na: 1\n');
});

for (const format of ['yaml', 'json'] as const) {
  test(`${format}: the documents before the cap are checked, the rest gets one diagnostic`, () => {
    const doc = format === 'json' ? '{"pipeline": {"name": "p"}}' : 'pipeline: {name: p}\n';
    const sep = format === 'json' ? '\n---\n' : '---\n';
    const text = Array.from({ length: MAX_CHUNKS + 50 }, () => doc).join(sep);
    const uri = `x.pipeline.${format}`;
    const results = [
      analyzeDocument({ uri, text }, readyCatalog()),
      new IncrementalAnalyzer().analyze({ uri, text }, readyCatalog()),
    ];
    for (const result of results) {
      const capped = result.findings.filter((f) => f.message === CAP_MESSAGE);
      assert.equal(capped.length, 1);
      // Each read document lacks `transform` (PS113); none past the cap is reported.
      const missing = result.findings.filter((f) => f.code === 'PS113');
      assert.equal(missing.length, MAX_CHUNKS, format);
      assert.ok(missing.every((f) => f.start < capped[0].start));
    }
  });
}
