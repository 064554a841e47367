/**
 * The one entry point from text to `SpecFile`. JSON or YAML is decided by the editor's language id, else by
 * the file name, else by the first character; both parsers recover from errors so the rest still gets analysed.
 */
import { documentChunks, type TextRange } from './documentChunks';
import { LineIndex } from './lineIndex';
import { parseJsonSegment } from './parseJson';
import { parseYamlChunk } from './parseYaml';
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

export function parseSpecFile(uri: string, text: string, languageId?: string): SpecFile {
  const format = detectFormat(uri, text, languageId);
  // The chunks parse on their own (the incremental analysis relies on it), so the whole file is just all of them.
  const out: ParsedDocuments = { documents: [], syntaxErrors: [] };
  for (const chunk of documentChunks(text, format)) parseChunkInto(text, format, chunk, out);
  return { uri, text, format, documents: out.documents, syntaxErrors: out.syntaxErrors, lines: new LineIndex(text) };
}

/** One chunk (core/src/spec/documentChunks.ts) of `text`, parsed on its own; document indexes start at 0. */
export function parseSpecChunk(text: string, format: SpecFormat, chunk: TextRange): ParsedDocuments {
  const out: ParsedDocuments = { documents: [], syntaxErrors: [] };
  parseChunkInto(text, format, chunk, out);
  return out;
}

function parseChunkInto(text: string, format: SpecFormat, chunk: TextRange, out: ParsedDocuments): void {
  if (format === 'json') parseJsonSegment(text, chunk.start, chunk.end, out);
  else parseYamlChunk(text, chunk.start, chunk.end, out);
}
