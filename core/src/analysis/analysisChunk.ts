/**
 * One chunk of a multi-document file (core/src/pipelineSpec/documentChunks.ts) with everything the analysis knows
 * about it that depends on its text alone: its documents, syntax errors and spec views, and, for a given
 * catalog and file-wide spelling style, its findings. A chunk reused at another place in an edited file is
 * moved there by copying it with shifted offsets, which is far cheaper than parsing it again; the copy leaves
 * the objects an earlier analysis result handed out as they were, so a caller may hold a result.
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
import type { PropertyNode, SpecDocument, SpecFile, SpecFormat, SpecNode, SyntaxProblem } from '../pipelineSpec/tree';

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

/**
 * A copy of the chunk with every offset moved by `delta` (0 for a copy whose document and spec indexes are about
 * to be renumbered). Its tree, syntax errors, spec views and findings are new objects: results that handed out
 * the old ones keep them unchanged.
 */
export function movedChunk(chunk: AnalysisChunk, delta: number): AnalysisChunk {
  // Old node → its copy, so the spec views (which point into the tree) point into the copied tree.
  const copies = new Map<object, object>();
  const documents = chunk.documents.map((d) => {
    const copy: SpecDocument = { ...d, start: d.start + delta, end: d.end + delta, root: undefined };
    if (d.root) copy.root = copyNode(d.root, delta, copies);
    copies.set(d, copy);
    return copy;
  });
  const syntaxErrors = chunk.syntaxErrors.map((e) => ({ ...e, start: e.start + delta, end: e.end + delta }));
  const specs = chunk.specs.map((s) => copyValue(s, delta, copies) as SpecView);
  const memo = chunk.findings;
  return {
    start: chunk.start + delta,
    end: chunk.end + delta,
    atEnd: chunk.atEnd,
    generation: chunk.generation,
    documents,
    syntaxErrors,
    specs,
    spellings: chunk.spellings,
    ...(memo
      ? { findings: { ...memo, list: memo.list.map((f) => ({ ...f, start: f.start + delta, end: f.end + delta })) } }
      : {}),
  };
}

function copyNode<N extends SpecNode>(n: N, delta: number, copies: Map<object, object>): N {
  let copy: SpecNode;
  if (n.type === 'object') {
    const properties = n.properties.map((p) => {
      const value = p.value && copyNode(p.value, delta, copies);
      // The well-formed JSON reader's properties derive their range from their key and value.
      const moved: PropertyNode =
        p instanceof WellFormedProperty
          ? new WellFormedProperty(p.key, p.keyStart + delta, p.keyEnd + delta, value!)
          : {
              ...p,
              keyStart: p.keyStart + delta,
              keyEnd: p.keyEnd + delta,
              start: p.start + delta,
              end: p.end + delta,
              value,
            };
      copies.set(p, moved);
      return moved;
    });
    copy = { ...n, start: n.start + delta, end: n.end + delta, properties };
  } else if (n.type === 'array') {
    copy = { ...n, start: n.start + delta, end: n.end + delta, items: n.items.map((i) => copyNode(i, delta, copies)) };
  } else {
    copy = { ...n, start: n.start + delta, end: n.end + delta };
  }
  copies.set(n, copy);
  return copy as N;
}

/**
 * A spec view (or a part of one) copied onto the copied tree: a node or document becomes its copy, any other
 * object is copied with its own `start`/`end` (a pod string reference's range in the file) moved.
 */
function copyValue(v: unknown, delta: number, copies: Map<object, object>): unknown {
  if (v === null || typeof v !== 'object') return v;
  const known = copies.get(v);
  if (known) return known;
  if (Array.isArray(v)) return v.map((x) => copyValue(x, delta, copies));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = copyValue(x, delta, copies);
  if (typeof out.start === 'number' && typeof out.end === 'number') {
    out.start = (out.start as number) + delta;
    out.end = (out.end as number) + delta;
  }
  return out;
}
