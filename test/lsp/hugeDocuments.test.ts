/**
 * Pathological files through the real protocol: 5 million `---` lines (20 MB) may be slow to read, but the
 * server's memory stays bounded and a small spec opened after it still gets its diagnostics; a file with
 * thousands of problems publishes a bounded number of diagnostics and says how many more there are.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { MAX_CHUNKS } from '../../core/src/pipelineSpec/documentChunks';
import { MAX_DIAGNOSTICS } from '../../server/src/diagnosticCap';
import { LspSession } from './serverProcess';

/** Peak resident memory of a process, in MiB (Linux: VmHWM of /proc/<pid>/status). */
function peakMiB(pid: number): number {
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  assert.ok(kb, 'no VmHWM line');
  return Number(kb[1]) / 1024;
}

let session: LspSession;

before(async () => {
  session = await LspSession.start({ recordSent: false });
});

after(() => session?.stop());

test('5 million --- lines: bounded memory, one diagnostic, and a small spec after it is still served', async () => {
  const big = '---\n'.repeat(5_000_000);
  // Hang detectors only: the file may take its time, but must finish.
  const published = await session.open('file:///w/dashes.pipeline.yaml', 'yaml', big, 1, 300_000);
  // The run of empty documents is one PS111 (pachctl stops at the first), then the note on what is unchecked.
  assert.deepEqual(
    published.diagnostics.map((d) => d.message),
    [
      'expected a mapping or a sequence; got an empty document (nothing after this "---" line)',
      `the file holds more than ${MAX_CHUNKS} documents: the rest, from here on, is not checked`,
    ],
  );
  assert.equal(published.diagnostics[0].range.start.line, 0);
  assert.equal(published.diagnostics[1].range.start.line, MAX_CHUNKS - 1);
  const small = await session.open('file:///w/small.pipeline.json', 'json', '{"pipeline": {"name": "x"}}', 1, 120_000);
  assert.ok(
    small.diagnostics.some((d) => d.code === 'PS113'),
    JSON.stringify(small.diagnostics),
  );
  // Before: 3.5 GB. The 20 MB text itself is held a few times over (the message, the document, the analysis).
  const peak = peakMiB(session.pid);
  assert.ok(peak < 1024, `the server peaked at ${peak.toFixed(0)} MiB`);
});

test(`thousands of problems: ${MAX_DIAGNOSTICS} diagnostics are published, the last saying how many more`, async () => {
  // Each document lacks `transform`: one PS113 each.
  const text = Array.from({ length: 3000 }, (_, i) => `{"pipeline": {"name": "p${i}"}}`).join('\n---\n');
  const published = await session.open('file:///w/many.pipeline.json', 'json', text, 1, 120_000);
  assert.equal(published.diagnostics.length, MAX_DIAGNOSTICS);
  assert.ok(published.diagnostics.slice(0, -1).every((d) => d.code === 'PS113'));
  assert.equal(
    published.diagnostics.at(-1)!.message,
    `${3000 - MAX_DIAGNOSTICS + 1} more problems in this file are not shown (at most ${MAX_DIAGNOSTICS} per file): ` +
      'fix these first.',
  );
});
