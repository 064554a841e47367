/**
 * `npm run bench`: every measurement of issue 6 in one process tree, each against a peer measured in the same
 * run. Prints a table (median, p99, ratio), writes bench/results.json and ends with `bench: N targets, M met`.
 * `--quick` takes fewer samples (a smoke run, not for figures); `--rows 1,2` picks rows.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { judge, type Measurement, type MeasuredRow } from './lib/types';
import { analysisRows } from './rows/analysis';
import { languageRows } from './rows/language';
import { catalogHeapRows, catalogSyncRows } from './rows/catalog';
import { vscodeRows } from './rows/vscode';
import { manifestRows } from './rows/manifest';
import { deployedHeapRows, deployedSyncRows } from './rows/deployed';
import { secretManifestRows } from './rows/secretManifests';
import { workspaceProblemsRows } from './rows/workspaceProblems';
import { workspaceProblemsVscodeRows } from './rows/workspaceProblemsVscode';

const repoRoot = path.resolve(__dirname, '..');

function fmt(n: number | undefined, unit = ''): string {
  if (n === undefined || !Number.isFinite(n)) return '–';
  const s = n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
  return unit ? `${s} ${unit}` : s;
}

function table(rows: MeasuredRow[]): string {
  const header = ['#', 'measurement', 'median', 'p99', 'peer', 'peer median', 'peer p99', 'ratio', 'target', 'met'];
  const lines = rows.map((r) => [
    String(r.row),
    r.name,
    fmt(r.median, r.unit),
    fmt(r.p99, r.unit),
    r.peer?.name ?? '–',
    fmt(r.peer?.median, r.unit),
    fmt(r.peer?.p99, r.unit),
    r.ratio === undefined ? '–' : `${fmt(r.ratio)}×`,
    `${r.target.on} ${r.target.kind === 'ratio' ? `≤ ${r.target.max}×` : `≤ ${r.target.max} ${r.unit}`}`,
    r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  return [row(header), row(widths.map((w) => '-'.repeat(w))), ...lines.map(row)].join('\n');
}

type RowRunner = (repoRoot: string, quick: boolean) => Promise<Measurement[]>;

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const rowsArg = process.argv.find((a) => a.startsWith('--rows='))?.slice('--rows='.length);
  const wanted = rowsArg ? new Set(rowsArg.split(',').map(Number)) : undefined;
  const runners: Array<{ rows: number[]; run: RowRunner }> = [
    { rows: [1, 2, 3], run: analysisRows },
    { rows: [4], run: languageRows },
    { rows: [5], run: catalogSyncRows },
    { rows: [6, 11], run: catalogHeapRows },
    { rows: [7, 8], run: vscodeRows },
    { rows: [9, 10], run: manifestRows },
    { rows: [12], run: deployedSyncRows },
    { rows: [13], run: deployedHeapRows },
    { rows: [16], run: secretManifestRows },
    { rows: [14], run: workspaceProblemsRows },
    { rows: [15], run: workspaceProblemsVscodeRows },
  ];
  const measured: MeasuredRow[] = [];
  const failures: string[] = [];
  for (const r of runners) {
    if (wanted && !r.rows.some((n) => wanted.has(n))) continue;
    try {
      for (const m of await r.run(repoRoot, quick)) if (!wanted || wanted.has(m.row)) measured.push(judge(m));
    } catch (err) {
      failures.push(`rows ${r.rows.join(',')}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
  }
  measured.sort((a, b) => a.row - b.row);
  console.log(table(measured));
  const notes = measured.filter((m) => m.note);
  if (notes.length) console.log(['', 'notes:', ...notes.map((m) => `  ${m.row} ${m.name}: ${m.note}`)].join('\n'));
  for (const f of failures) console.error(`\nbench error in ${f}`);
  writeFileSync(
    path.join(repoRoot, 'bench', 'results.json'),
    JSON.stringify(
      { date: new Date().toISOString(), node: process.version, quick, rows: measured, failures },
      null,
      2,
    ) + '\n',
  );
  const met = measured.filter((m) => m.met).length;
  console.log(`bench: ${measured.length} targets, ${met} met`);
  if (failures.length) process.exitCode = 1;
}

void main();
