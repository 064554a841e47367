/**
 * The one entry point from text to `SpecFile`. JSON or YAML is decided by the editor's language id, else by
 * the file name, else by the first character; both parsers recover from errors so the rest still gets analysed.
 */
import { documentChunks, MAX_CHUNKS, type ChunkRange } from './documentChunks';
import { LineIndex } from './lineIndex';
import { scanNestingDepth, tooDeepMessage, treeTooDeep } from './nestingDepth';
import { parseJsonSegment } from './parseJson';
import { parseYamlChunk } from './parseYaml';
import { hasLoneCarriageReturn, withLineFeeds } from './sourceText';
import type { ParsedDocuments, SpecFile, SpecFormat } from './tree';

export function detectFormat(uri: string, text: string, languageId?: string): SpecFormat {
  if (languageId === 'json' || languageId === 'jsonc') return 'json';
  if (languageId === 'yaml') return 'yaml';
  const lower = uri.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  const first = text.trimStart()[0];
  return first === '{' || first === '[' ? 'json' : 'yaml';
}

export function parseSpecFile(uri: string, given: string, languageId?: string): SpecFile {
  // pachctl's reader ends a line at a lone CR too; as an LF, it does not move any offset.
  const text = hasLoneCarriageReturn(given) ? withLineFeeds(given) : given;
  const format = detectFormat(uri, text, languageId);
  // The chunks parse on their own (the incremental analysis relies on it), so the whole file is just all of them.
  const out: ParsedDocuments = { documents: [], syntaxErrors: [] };
  for (const chunk of documentChunks(text, format)) parseChunkInto(text, format, chunk, out);
  return { uri, text, format, documents: out.documents, syntaxErrors: out.syntaxErrors, lines: new LineIndex(text) };
}

/** One chunk (core/src/pipelineSpec/documentChunks.ts) of `text`, parsed on its own; document indexes start at 0. */
export function parseSpecChunk(text: string, format: SpecFormat, chunk: ChunkRange): ParsedDocuments {
  const out: ParsedDocuments = { documents: [], syntaxErrors: [] };
  parseChunkInto(text, format, chunk, out);
  return out;
}

/**
 * A chunk nested deeper than the readers and walkers may recurse (./nestingDepth.ts) becomes one document without
 * a tree and one syntax error where it goes too deep; the other chunks of the file are read as usual.
 */
function parseChunkInto(text: string, format: SpecFormat, chunk: ChunkRange, out: ParsedDocuments): void {
  if (chunk.unread) {
    const message = `the file holds more than ${MAX_CHUNKS} documents: the rest, from here on, is not checked`;
    out.syntaxErrors.push({ message, start: chunk.start, end: Math.min(chunk.start + 1, text.length) });
    return;
  }
  const deep = scanNestingDepth(text, chunk.start, chunk.end, format);
  if (deep) return unreadable(out, chunk, deep.offset, tooDeepMessage(deep.beyondPachctl));
  const firstDocument = out.documents.length;
  const firstError = out.syntaxErrors.length;
  try {
    if (format === 'json') parseJsonSegment(text, chunk.start, chunk.end, out);
    else parseYamlChunk(text, chunk.start, chunk.end, out);
  } catch (e) {
    // The scan counts generously, so this is a backstop: whatever the chunk holds, the file stays readable.
    if (!(e instanceof RangeError)) throw e;
    out.documents.length = firstDocument;
    out.syntaxErrors.length = firstError;
    return unreadable(out, chunk, chunk.start, tooDeepMessage(false));
  }
  for (let k = firstError; k < out.syntaxErrors.length; k++) {
    // The `yaml` package reports its own stack overflow as a syntax error.
    if (/call stack/i.test(out.syntaxErrors[k].message)) out.syntaxErrors[k].message = tooDeepMessage(false);
  }
  for (let k = firstDocument; k < out.documents.length; k++) {
    const doc = out.documents[k];
    const at = doc.root && treeTooDeep(doc.root);
    if (at === undefined) continue;
    doc.root = undefined;
    out.syntaxErrors.push({ message: tooDeepMessage(false), start: at, end: Math.min(at + 1, text.length) });
  }
}

function unreadable(out: ParsedDocuments, chunk: ChunkRange, at: number, message: string): void {
  out.documents.push({ index: out.documents.length, start: chunk.start, end: chunk.end, root: undefined });
  out.syntaxErrors.push({ message, start: at, end: Math.min(at + 1, chunk.end) });
}
