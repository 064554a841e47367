/**
 * One chunk of a multi-document file (core/src/pipelineSpec/documentChunks.ts) with everything the analysis knows
 * about it that depends on its text alone: its documents, syntax errors and spec views, and, for a given
 * catalog and file-wide spelling style, its findings. A chunk reused at another place in an edited file is
 * moved there by shifting its offsets in place, which is far cheaper than parsing it again.
 */
import type { OffsetRange } from '../text';
import type { CatalogIndex } from '../catalog/snapshot';
import { runPipelineRules } from '../rules/runRules';
import type { Finding } from '../rules/ruleTable';
import type { ChunkRange } from '../pipelineSpec/documentChunks';
import { parseSpecChunk } from '../pipelineSpec/parseSpecFile';
import { buildSpecViews, type SpecView, type SpellingCount, type SpellingStyle } from '../pipelineSpec/specModel';
import { specRootsOf } from '../pipelineSpec/specRoots';
import { WellFormedProperty } from '../pipelineSpec/wellFormedJson';
import type { SpecDocument, SpecFile, SpecFormat, SpecNode, SyntaxProblem } from '../pipelineSpec/tree';

export interface AnalysisChunk extends OffsetRange {
  /** A chunk that ends the file clamps ranges at its end, so it is only reused at the end. */
  atEnd: boolean;
  /** Which analysis parsed it: the text it was parsed from stays referenced by its string values. */
  generation: number;
  /** Document and spec indexes count from 0 in the chunk until the file's analysis renumbers them. */
  documents: SpecDocument[];
  syntaxErrors: SyntaxProblem[];
  specs: SpecView[];
  spellings: SpellingCount;
  findings?: { catalog: CatalogIndex; style: SpellingStyle; list: Finding[] };
}

export function parseChunk(text: string, format: SpecFormat, range: ChunkRange, generation: number): AnalysisChunk {
  const parsed = parseSpecChunk(text, format, range);
  const spellings: SpellingCount = { snake: 0, camel: 0 };
  // Kept at their exact size: an array grown by push has room for 17 items, and a file has thousands of chunks.
  const documents = parsed.documents.slice();
  const syntaxErrors = parsed.syntaxErrors.slice();
  const specs = buildSpecViews(text, specRootsOf(documents), spellings).slice();
  return {
    start: range.start,
    end: range.end,
    atEnd: range.end === text.length,
    generation,
    documents,
    syntaxErrors,
    specs,
    spellings,
  };
}

/**
 * The chunk's findings in `file` (whose documents include the chunk's): memoised until the catalog or the
 * file's spelling style (PS101 suggests names in it) changes.
 */
export function chunkFindings(
  chunk: AnalysisChunk,
  file: SpecFile,
  style: SpellingStyle,
  catalog: CatalogIndex,
): Finding[] {
  const memo = chunk.findings;
  if (memo && memo.catalog === catalog && memo.style === style) return memo.list;
  // Written out rather than spread from `file`: this runs once per chunk, thousands of times per file.
  const part: SpecFile = {
    uri: file.uri,
    text: file.text,
    format: file.format,
    documents: chunk.documents,
    syntaxErrors: chunk.syntaxErrors,
    lines: file.lines,
  };
  const list = runPipelineRules(part, { specs: chunk.specs, style }, catalog);
  chunk.findings = { catalog, style, list };
  return list;
}

/** Moves every offset the chunk holds by `delta`. */
export function shiftChunk(chunk: AnalysisChunk, delta: number): void {
  chunk.start += delta;
  chunk.end += delta;
  for (const d of chunk.documents) {
    d.start += delta;
    d.end += delta;
    if (d.root) shiftNode(d.root, delta);
  }
  for (const e of chunk.syntaxErrors) {
    e.start += delta;
    e.end += delta;
  }
  // Everything else a view holds is a node of the tree, shifted above.
  for (const s of chunk.specs) {
    for (const ps of s.podStrings) {
      for (const r of ps.refs) {
        r.start += delta;
        r.end += delta;
      }
    }
  }
  if (chunk.findings) {
    for (const f of chunk.findings.list) {
      f.start += delta;
      f.end += delta;
    }
  }
}

function shiftNode(n: SpecNode, delta: number): void {
  n.start += delta;
  n.end += delta;
  if (n.type === 'object') {
    for (const p of n.properties) {
      // The well-formed JSON reader's properties derive their range from their key and value.
      if (!(p instanceof WellFormedProperty)) {
        p.start += delta;
        p.end += delta;
      }
      p.keyStart += delta;
      p.keyEnd += delta;
      if (p.value) shiftNode(p.value, delta);
    }
  } else if (n.type === 'array') {
    for (const item of n.items) shiftNode(item, delta);
  }
}
