/**
 * `analyzeDocument` for documents that change a little at a time (the language server's open editors):
 * a file of many specs is analysed chunk by chunk (one chunk per `---`-separated part, see
 * core/src/pipelineSpec/documentChunks.ts), and each chunk's parse, spec views and findings are kept per URI, so an
 * edit inside one spec parses and checks that one spec again. The result is the same as `analyzeDocument`'s
 * for the same text (test/unit/analysis/incrementalAnalyzer.test.ts compares them).
 *
 * A result is a value: the next analysis of the same URI reuses its chunks by copying the ones that moved or
 * must be renumbered (core/src/analysis/analysisChunk.ts), never by changing what a caller holds.
 */
import type { CatalogIndex } from '../catalog/snapshot';
import { certificateExpiryFindings } from '../rules/certificateRules';
import { deployedFailureFindings } from '../rules/deployedRules';
import { checkSource } from '../rules/documentRules';
import { extraTargetFindings } from '../rules/targetRules';
import { finding, type Finding } from '../rules/ruleTable';
import { documentChunks, type ChunkRange } from '../pipelineSpec/documentChunks';
import { LineIndex } from '../pipelineSpec/lineIndex';
import { detectFormat } from '../pipelineSpec/parseSpecFile';
import { spellingStyle, type SpecModel, type SpecView, type SpellingCount } from '../pipelineSpec/specModel';
import { hasLoneCarriageReturn, withLineFeeds } from '../pipelineSpec/sourceText';
import type { SpecFile, SpecFormat, SyntaxProblem } from '../pipelineSpec/tree';
import { chunkFindings, movedChunk, parseChunk, type AnalysisChunk } from './analysisChunk';
import { analyzeHelmValues } from '../helm/analyzeHelmValues';
import { analyzeSecretManifests } from '../secretManifest/analyzeSecretManifest';
import { parseHelmValues } from '../helm/parseHelmValues';
import { goTemplateActions, templateBreaksSyntax, touchesAction } from './goTemplates';
import type { AnalysisResult, AnalyzeInput, AnalyzeOptions } from './analysisResult';
import { classifyByName, classifyDocument } from './classify';
import { findSecretReferences } from './secretReferences';
import { secretMentions } from './secretMentions';

interface FileState {
  format: SpecFormat;
  /** The last analysed text and its chunks, in order. */
  text: string;
  chunks: AnalysisChunk[];
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
    const { uri, languageId } = input;
    // Lone CRs become LFs (offsets unchanged): pachctl's reader ends lines at them, the `yaml` package does not.
    const loneCr = hasLoneCarriageReturn(input.text);
    const text = loneCr ? withLineFeeds(input.text) : input.text;
    const specFiles = options.specFiles ?? [];
    const byName = classifyByName(uri, specFiles, languageId);
    if (byName === 'none') {
      this.forget(uri);
      return { kind: 'none', findings: [] };
    }
    const format = detectFormat(uri, text, languageId);
    const previous = this.files.get(uri);
    const generation = (previous?.generation ?? 0) + 1;
    const file: SpecFile = { uri, text, format, documents: [], syntaxErrors: [], lines: new LineIndex(text) };
    // A file named as a spec is almost always judged as one, so its new chunks are checked as they are read.
    const read = readChunks(file, previous?.format === format ? previous : undefined, generation, {
      early: byName === 'pipeline',
      catalog,
    });
    this.remember(uri, { format, text, chunks: read.chunks, generation });

    const kind = classifyDocument(uri, file, specFiles, languageId, options.helmValuesFiles, read.specs);
    // Helm values files are single small documents with rules of their own; their `yaml` Document is parsed here
    // once and kept in the result for completion, hover and fixes.
    if (kind === 'helm-values') {
      const helmValues = parseHelmValues(text);
      const findings = analyzeHelmValues(text, file, catalog, helmValues, options.certificates);
      return { kind, findings, file, helmValues };
    }
    // A Secret manifest's text and tree hold values: neither the chunks nor the result keep them.
    if (kind === 'secret-manifest') {
      this.forget(uri);
      const { findings, manifests } = analyzeSecretManifests(file, read.specs);
      return { kind, findings, secretManifests: manifests };
    }
    if (kind !== 'pipeline') return { kind, findings: [], file };
    const model: SpecModel = { specs: read.specs, style: spellingStyle(read.spellings) };
    const source = loneCr || input.source ? checkSource(input.text, input.source) : [];
    const findings = collectFindings(file, model, read.chunks, source, catalog, options);
    return { kind, findings, file, model };
  }

  /**
   * Keeps `state` as the latest analysis of `uri`, without its chunks when they hold too many source texts
   * alive, and drops the least recently analysed document past `maxFiles`.
   */
  private remember(uri: string, state: FileState): void {
    if (countGenerations(state.chunks) > MAX_SOURCE_TEXTS) state.chunks = [];
    this.files.delete(uri);
    this.files.set(uri, state);
    if (this.files.size > this.maxFiles) this.files.delete(this.files.keys().next().value!);
  }

  /** Drops what is kept for `uri` (its editor closed). */
  forget(uri: string): void {
    this.files.delete(uri);
  }
}

/** What a file's chunks add up to: the chunks in text order, the specs they hold and how their keys are spelt. */
interface ReadChunks {
  chunks: AnalysisChunk[];
  specs: SpecView[];
  spellings: SpellingCount;
}

/**
 * Reads `file.text` chunk by chunk into `file`'s documents and syntax errors, reusing `previous`' chunks where
 * their text is unchanged. With `early`, a newly parsed chunk is checked as soon as it is read, while its nodes
 * are still in the processor's cache (a large file's tree is far bigger than the cache, and walking it again
 * afterwards is mostly waiting on memory). The style so far stands in for the file's; a chunk checked in
 * another style than the file turns out to have is checked again by collectFindings.
 */
function readChunks(
  file: SpecFile,
  previous: FileState | undefined,
  generation: number,
  check: { early: boolean; catalog: CatalogIndex },
): ReadChunks {
  const { text, format } = file;
  const ranges = documentChunks(text, format);
  const chunks = previous ? reuseChunks(previous, text, ranges) : new Array<AnalysisChunk | undefined>(ranges.length);
  const read: ReadChunks = { chunks: chunks as AnalysisChunk[], specs: [], spellings: { snake: 0, camel: 0 } };
  for (let i = 0; i < ranges.length; i++) {
    let c = chunks[i];
    const fresh = !c;
    if (!c) c = chunks[i] = parseChunk(text, format, ranges[i], generation);
    // A reused chunk numbered for another place is renumbered on a copy: an earlier result holds the original.
    else if (!numberedAt(c, file.documents.length, read.specs.length)) c = chunks[i] = movedChunk(c, 0);
    appendChunk(c, file, read);
    if (check.early && fresh) chunkFindings(c, file, spellingStyle(read.spellings), check.catalog);
  }
  return read;
}

/** Adds chunk `c`'s documents, syntax errors, specs and spellings to the file's, numbering them in order. */
function appendChunk(c: AnalysisChunk, file: SpecFile, read: ReadChunks): void {
  for (const d of c.documents) {
    d.index = file.documents.length;
    file.documents.push(d);
  }
  for (const e of c.syntaxErrors) file.syntaxErrors.push(e);
  for (const s of c.specs) {
    s.index = read.specs.length;
    read.specs.push(s);
  }
  read.spellings.snake += c.spellings.snake;
  read.spellings.camel += c.spellings.camel;
}

/**
 * A pipeline spec's findings: the source text's (`source`), each chunk's (kept per catalog), the certificates'
 * and deployed pipelines', judged at the caller's moment, and the extra targets' (PS070), which change apart from
 * the main catalog: those outside the chunks'.
 */
function collectFindings(
  file: SpecFile,
  model: SpecModel,
  chunks: readonly AnalysisChunk[],
  source: readonly Finding[],
  catalog: CatalogIndex,
  options: AnalyzeOptions,
): Finding[] {
  const findings: Finding[] = [...source];
  for (const c of chunks) for (const f of chunkFindings(c, file, model.style, catalog)) findings.push(f);
  const refs = options.certificates || options.deployed?.ready ? findSecretReferences(file, model) : [];
  findings.push(...certificateExpiryFindings(refs, catalog, options.certificates));
  findings.push(...deployedFailureFindings(refs, model, options.deployed));
  if (options.targets?.length)
    findings.push(...extraTargetFindings(secretMentions(file, model), catalog, options.targets));
  // Chunks are in text order and each one's findings sorted, so this (stable) sort only settles ties.
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  return outsideTemplateActions(file.text, file.format, file.syntaxErrors, findings);
}

/**
 * A spec written as a Go template is rendered by a tool before pachctl reads it, as a Jsonnet spec is by pachd:
 * when the actions break its syntax it is left alone with one note, else judged everywhere but there.
 */
function outsideTemplateActions(
  text: string,
  format: SpecFormat,
  syntaxErrors: readonly SyntaxProblem[],
  findings: Finding[],
): Finding[] {
  const actions = goTemplateActions(text);
  if (!actions.length) return findings;
  if (templateBreaksSyntax(text, actions, syntaxErrors)) {
    return [finding('PS115', actions[0], { format: format === 'json' ? 'JSON' : 'YAML' })];
  }
  return findings.filter((f) => !touchesAction(f, actions));
}

/** Whether the chunk's documents and specs already carry the indexes they get at this place in the file. */
function numberedAt(c: AnalysisChunk, firstDocument: number, firstSpec: number): boolean {
  for (let i = 0; i < c.documents.length; i++) if (c.documents[i].index !== firstDocument + i) return false;
  for (let i = 0; i < c.specs.length; i++) if (c.specs[i].index !== firstSpec + i) return false;
  return true;
}

/** How many analyses parsed `chunks` (a few at most: counted without a set, as this runs on every edit). */
function countGenerations(chunks: readonly AnalysisChunk[]): number {
  const seen: number[] = [];
  for (const c of chunks) if (!seen.includes(c.generation)) seen.push(c.generation);
  return seen.length;
}

/**
 * The previous analysis' chunks that `text`'s chunks can reuse, moved to their new offsets (undefined where
 * a chunk must be parsed). The unchanged chunks before and after the edit are matched in place, the few
 * between them by their text.
 */
function reuseChunks(
  previous: FileState,
  text: string,
  ranges: readonly ChunkRange[],
): Array<AnalysisChunk | undefined> {
  const old = previous.chunks;
  const out = new Array<AnalysisChunk | undefined>(ranges.length);
  const same = (r: ChunkRange, c: AnalysisChunk) =>
    r.end - r.start === c.end - c.start &&
    (r.end === text.length) === c.atEnd &&
    text.slice(r.start, r.end) === previous.text.slice(c.start, c.end);
  const n = Math.min(ranges.length, old.length);
  let head = 0;
  while (head < n && same(ranges[head], old[head])) head++;
  let tail = 0;
  while (tail < n - head && same(ranges[ranges.length - 1 - tail], old[old.length - 1 - tail])) tail++;
  for (let i = 0; i < head; i++) out[i] = old[i];
  for (let i = 0; i < tail; i++) out[ranges.length - 1 - i] = old[old.length - 1 - i];
  // Documents moved, duplicated or reordered between the unchanged ends.
  const byText = new Map<string, AnalysisChunk[]>();
  for (let i = head; i < old.length - tail; i++) {
    const key = previous.text.slice(old[i].start, old[i].end);
    const list = byText.get(key);
    if (list) list.push(old[i]);
    else byText.set(key, [old[i]]);
  }
  for (let i = head; i < ranges.length - tail; i++) {
    const list = byText.get(text.slice(ranges[i].start, ranges[i].end));
    const at = list ? list.findIndex((c) => c.atEnd === (ranges[i].end === text.length)) : -1;
    if (at >= 0) out[i] = list!.splice(at, 1)[0];
  }
  for (let i = 0; i < out.length; i++) {
    const c = out[i];
    if (c && c.start !== ranges[i].start) out[i] = movedChunk(c, ranges[i].start - c.start);
  }
  return out;
}
