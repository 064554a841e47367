/**
 * `analyzeDocument` for documents that change a little at a time (the language server's open editors):
 * a file of many specs is analysed chunk by chunk (one chunk per `---`-separated part, see
 * core/src/spec/documentChunks.ts), and each chunk's parse, spec views and findings are kept per URI, so an
 * edit inside one spec parses and checks that one spec again. The result is the same as `analyzeDocument`'s
 * for the same text (test/unit/analysis/incrementalAnalyzer.test.ts compares them).
 *
 * A result's nodes and findings are reused, moved in place, by the next analysis of the same URI: use a
 * result until then, as the server does (one result per document version).
 */
import type { CatalogIndex } from '../catalog/snapshot';
import type { Finding } from '../rules/ruleTable';
import { documentChunks } from '../spec/documentChunks';
import { LineIndex } from '../spec/lineIndex';
import { detectFormat } from '../spec/parseSpecFile';
import { spellingStyle, type SpecView } from '../spec/specModel';
import type { SpecDocument, SpecFile, SpecFormat, SyntaxProblem } from '../spec/tree';
import { chunkFindings, parseChunk, shiftChunk, type AnalysisChunk } from './analysisChunk';
import { analyzeDocument, type AnalysisResult, type AnalyzeInput, type AnalyzeOptions } from './analyzeDocument';
import { classifyByName, classifyDocument } from './classify';

interface FileState {
  format: SpecFormat;
  /** The chunks of the last analysed text, by their text. */
  chunks: Map<string, AnalysisChunk[]>;
  generation: number;
}

/**
 * Reused chunks keep the text they were parsed from alive (the tree's strings are slices of it); past this
 * many such texts the next analysis parses everything again, so memory stays bounded by a few texts.
 */
const MAX_SOURCE_TEXTS = 8;

export class IncrementalAnalyzer {
  private readonly files = new Map<string, FileState>();

  /** `maxFiles`: how many documents' chunks are kept (least recently analysed ones are dropped). */
  constructor(private readonly maxFiles = 32) {}

  analyze(input: AnalyzeInput, catalog: CatalogIndex, options: AnalyzeOptions = {}): AnalysisResult {
    const { uri, text, languageId } = input;
    const specFiles = options.specFiles ?? [];
    if (classifyByName(uri, specFiles, languageId) === 'none') {
      this.forget(uri);
      return { kind: 'none', findings: [] };
    }
    const format = detectFormat(uri, text, languageId);
    const previous = this.files.get(uri);
    const reusable = previous && previous.format === format ? previous.chunks : new Map<string, AnalysisChunk[]>();
    const generation = (previous?.generation ?? 0) + 1;

    const chunks: AnalysisChunk[] = [];
    const byText = new Map<string, AnalysisChunk[]>();
    for (const range of documentChunks(text, format)) {
      const key = text.slice(range.start, range.end);
      const atEnd = range.end === text.length;
      let chunk = take(reusable, key, atEnd);
      if (chunk) {
        if (chunk.start !== range.start) shiftChunk(chunk, range.start - chunk.start);
      } else {
        chunk = parseChunk(text, format, range, generation);
      }
      chunks.push(chunk);
      const same = byText.get(key);
      if (same) same.push(chunk);
      else byText.set(key, [chunk]);
    }
    const sources = new Set(chunks.map((c) => c.generation)).size;
    this.files.delete(uri);
    this.files.set(uri, { format, chunks: sources > MAX_SOURCE_TEXTS ? new Map() : byText, generation });
    if (this.files.size > this.maxFiles) this.files.delete(this.files.keys().next().value!);

    const documents: SpecDocument[] = [];
    const syntaxErrors: SyntaxProblem[] = [];
    const specs: SpecView[] = [];
    const spellings = { snake: 0, camel: 0 };
    for (const c of chunks) {
      for (const d of c.documents) {
        d.index = documents.length;
        documents.push(d);
      }
      for (const e of c.syntaxErrors) syntaxErrors.push(e);
      for (const s of c.specs) {
        s.index = specs.length;
        specs.push(s);
      }
      spellings.snake += c.spellings.snake;
      spellings.camel += c.spellings.camel;
    }
    const file: SpecFile = { uri, text, format, documents, syntaxErrors, lines: new LineIndex(text) };
    const kind = classifyDocument(uri, file, specFiles, languageId, options.helmValuesFiles);
    // Helm values files are single small documents with rules of their own: nothing to reuse.
    if (kind === 'helm-values') return analyzeDocument(input, catalog, options);
    if (kind !== 'pipeline') return { kind, findings: [], file };
    const style = spellingStyle(spellings);
    const findings: Finding[] = [];
    for (const c of chunks) for (const f of chunkFindings(c, file, style, catalog)) findings.push(f);
    // Chunks are in text order and each one's findings sorted, so this (stable) sort only settles ties.
    findings.sort((a, b) => a.start - b.start || a.end - b.end);
    return { kind, findings, file, model: { specs, style } };
  }

  /** Drops what is kept for `uri` (its editor closed). */
  forget(uri: string): void {
    this.files.delete(uri);
  }
}

function take(chunks: Map<string, AnalysisChunk[]>, key: string, atEnd: boolean): AnalysisChunk | undefined {
  const list = chunks.get(key);
  if (!list) return undefined;
  const i = list.findIndex((c) => c.atEnd === atEnd);
  return i < 0 ? undefined : list.splice(i, 1)[0];
}
