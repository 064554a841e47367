/**
 * Rows 1–3: analysis of specs, through the real LSP server (open → publishDiagnostics) against VS Code's JSON
 * language service with Pachyderm's schema; in process against a bare parse; and one edit in a 2,000-spec file
 * against a full analysis of it.
 */
import { parseTree } from 'jsonc-parser';
import { parseAllDocuments } from 'yaml';
import { analyzeDocument } from '../../core/src/analysis';
import { CatalogIndex, type CatalogSnapshot } from '../../core/src/catalog/snapshot';
import { toSecretMeta } from '../../core/src/catalog/secretMeta';
import { CatalogNotification } from '../../core/src/protocol/messages';
import { MAX_CHUNKS } from '../../core/src/pipelineSpec/documentChunks';
import { LspSession, planEdit } from '../../test/lsp/serverProcess';
import { schemaDir } from '../lib/jsonSchemaPeer';
import { startPeerServer } from '../lib/peerServers';
import { generatedSecrets, manySpecsJson, manySpecsYaml, typicalSpecJson, typicalSpecYaml } from '../lib/specs';
import { median, p99, time } from '../lib/stats';
import type { Measurement } from '../lib/types';

const SPEC_COUNT = 2000;

function catalog(): CatalogSnapshot {
  const secrets = generatedSecrets(100, 8, 16).map((s) => toSecretMeta(s));
  return { context: 'bench', namespace: 'default', state: { kind: 'ready' }, secrets };
}

function stats(samples: number[]) {
  return { median: median(samples), p99: p99(samples), samples: samples.length };
}

export async function analysisRows(repoRoot: string, quick: boolean): Promise<Measurement[]> {
  const out: Measurement[] = [];
  const snapshot = catalog();
  const index = new CatalogIndex(snapshot);
  const inputs = [
    { label: 'typical spec, JSON', text: typicalSpecJson(), lang: 'json', runs: quick ? 20 : 100 },
    { label: `${SPEC_COUNT} specs, JSON with ---`, text: manySpecsJson(SPEC_COUNT), lang: 'json', runs: quick ? 3 : 9 },
    { label: 'typical spec, YAML', text: typicalSpecYaml(), lang: 'yaml', runs: quick ? 20 : 100 },
    { label: `${SPEC_COUNT} specs, YAML`, text: manySpecsYaml(SPEC_COUNT), lang: 'yaml', runs: quick ? 3 : 9 },
  ];

  // Row 2 first, in process against the floor of a bare parse, before the LSP rows grow this process's heap.
  for (const input of inputs) {
    const runs = input.runs * (input.label.startsWith('typical') ? 5 : 1);
    const ours = await time(
      () =>
        analyzeDocument(
          { uri: `file:///bench/x.pipeline.${input.lang}`, text: input.text, languageId: input.lang },
          index,
          {},
        ),
      runs,
    );
    const floorName = input.lang === 'json' ? 'jsonc-parser parseTree' : 'yaml parseAllDocuments';
    // Multi-document JSON is split as the analysis must split it; a single parseTree would stop at the first `---`.
    const parts = input.text.split(/^---$/m);
    const floor = await time(
      () => (input.lang === 'json' ? parts.forEach((p) => parseTree(p)) : parseAllDocuments(input.text)),
      runs,
    );
    out.push({
      row: 2,
      name: `analysis in process: ${input.label}`,
      unit: 'ms',
      ...stats(ours),
      peer: { name: floorName, median: median(floor), p99: p99(floor) },
      target: { kind: 'ratio', max: 3, on: 'median' },
      note: input.lang === 'json' ? undefined : 'floor: a bare YAML parse (jsonc-parser cannot read YAML)',
    });
  }

  // Row 2, pathological: 5 million `---` lines (20 MB). The analysis reads MAX_CHUNKS documents and reports the
  // rest unread (core/src/pipelineSpec/documentChunks.ts); its floor is the `yaml` package reading just as many.
  {
    const dashes = '---\n'.repeat(5_000_000);
    const runs = quick ? 3 : 9;
    const uri = 'file:///bench/dashes.pipeline.yaml';
    const ours = await time(() => analyzeDocument({ uri, text: dashes }, index, {}), runs);
    const read = '---\n'.repeat(MAX_CHUNKS);
    const floor = await time(() => parseAllDocuments(read), runs);
    out.push({
      row: 2,
      name: 'analysis in process: 5 million --- lines (20 MB), YAML',
      unit: 'ms',
      ...stats(ours),
      peer: { name: `yaml parseAllDocuments, ${MAX_CHUNKS} of them`, median: median(floor), p99: p99(floor) },
      target: { kind: 'ratio', max: 3, on: 'median' },
      note: 'the analysis reads the first MAX_CHUNKS documents and reports the rest unread',
    });
  }

  // Row 1: through the real server, against the peer's server, both over stdio: open → publishDiagnostics.
  const dir = schemaDir(repoRoot);
  const session = await LspSession.start({ recordSent: false });
  await session.connection.sendNotification(CatalogNotification.type, snapshot);
  const jsonPeer = dir ? await startPeerServer('json', dir) : undefined;
  const yamlPeer = dir ? await startPeerServer('yaml', dir) : undefined;
  let n = 0;
  const openOnce = async (s: LspSession, lang: string, text: string): Promise<number> => {
    const uri = `file:///bench/open-${n++}.pipeline.${lang}`;
    const t0 = process.hrtime.bigint();
    await s.open(uri, lang, text, 1, 120_000); // a loaded machine must slow the run, not abort it
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    await s.close(uri);
    return ms;
  };
  const sample = async (s: LspSession, lang: string, text: string, runs: number): Promise<number[]> => {
    // Warm-up, the same for every server: a small file takes a few dozen opens before both sides' JIT settles,
    // and without it the median compares compilers warming up rather than the analyses.
    const warmups = text.length < 10_000 ? 30 : 1;
    for (let i = 0; i < warmups; i++) await openOnce(s, lang, text);
    const out: number[] = [];
    for (let i = 0; i < runs; i++) out.push(await openOnce(s, lang, text));
    return out;
  };
  const fullLsp = new Map<string, number[]>();
  try {
    for (const input of inputs) {
      const ours = await sample(session, input.lang, input.text, input.runs);
      fullLsp.set(input.label, ours);
      const peer = input.lang === 'json' ? jsonPeer : yamlPeer;
      const theirs = peer ? await sample(peer, input.lang, input.text, input.runs) : [];
      // The same open → publishDiagnostics for a file no server analyses: what the transport alone costs. For a
      // typical spec it is the floor under both servers, so the table can say how far below it a target lies.
      const floor = input.label.startsWith('typical')
        ? median(await sample(session, 'plaintext', 'not a spec\n', input.runs))
        : undefined;
      out.push({
        row: 1,
        name: `analysis via LSP: ${input.label}`,
        unit: 'ms',
        ...stats(ours),
        peer: peer
          ? {
              name:
                input.lang === 'json'
                  ? 'JSON language service + schema, LSP'
                  : 'yaml-language-server service + schema, LSP',
              median: median(theirs),
              p99: p99(theirs),
            }
          : undefined,
        target: { kind: 'ratio', max: 0.5, on: 'median' },
        note:
          floor !== undefined && peer
            ? `transport floor (open → empty diagnostics, non-spec file): ${floor.toFixed(3)} ms = ` +
              `${(floor / median(theirs)).toFixed(2)}× the peer`
            : undefined,
      });
    }

    // Row 3: one edit inside one spec of the big file → new diagnostics.
    for (const input of inputs.filter((i) => i.label.startsWith(String(SPEC_COUNT)))) {
      const uri = `file:///bench/edit-${n++}.pipeline.${input.lang}`;
      let text = input.text;
      await session.open(uri, input.lang, text, 1, 120_000);
      let version = 1;
      const edits: number[] = [];
      const editRuns = quick ? 10 : 60;
      // As in row 1, the first edits warm the server's edit path (chunk reuse, and collecting what the open left);
      // they take about twenty edits to settle, which a user typing is past at once.
      const warmups = 20;
      for (let i = -warmups; i < editRuns; i++) {
        // Rename the middle spec's pipeline back and forth: a one-token edit inside one document.
        const from = i % 2 === 0 ? 'pipeline-1000' : 'pipeline-x000';
        const to = i % 2 === 0 ? 'pipeline-x000' : 'pipeline-1000';
        // Where the edit falls is worked out before the clock starts: finding it in megabytes of text is the
        // bench's own work, not the server's.
        const planned = planEdit(text, from, to);
        const t0 = process.hrtime.bigint();
        await session.change(uri, ++version, planned.range, to);
        if (i >= 0) edits.push(Number(process.hrtime.bigint() - t0) / 1e6);
        text = planned.text;
      }
      await session.close(uri);
      const full = fullLsp.get(input.label)!;
      out.push({
        row: 3,
        name: `one edit in ${input.label}`,
        unit: 'ms',
        ...stats(edits),
        peer: { name: 'full analysis of the file (row 1)', median: median(full), p99: p99(full) },
        target: { kind: 'ratio', max: 0.1, on: 'median' },
      });
    }
  } finally {
    await session.stop();
    await jsonPeer?.stop();
    await yamlPeer?.stop();
  }

  return out;
}
