/**
 * The one entry point from text to `SpecFile`. JSON or YAML is decided by the editor's language id, else by
 * the file name, else by the first character; both parsers recover from errors so the rest still gets analysed.
 */
import type { TextRange } from './documentChunks';
import { LineIndex } from './lineIndex';
import { parseJsonDocuments, parseJsonSegment } from './parseJson';
import { parseYamlChunk, parseYamlDocuments } from './parseYaml';
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
  const { documents, syntaxErrors } = format === 'json' ? parseJsonDocuments(text) : parseYamlDocuments(text);
  return { uri, text, format, documents, syntaxErrors, lines: new LineIndex(text) };
}

/** One chunk (core/src/spec/documentChunks.ts) of `text`, parsed on its own; document indexes start at 0. */
export function parseSpecChunk(text: string, format: SpecFormat, chunk: TextRange): ParsedDocuments {
  const out: ParsedDocuments = { documents: [], syntaxErrors: [] };
  if (format === 'json') parseJsonSegment(text, chunk.start, chunk.end, out);
  else parseYamlChunk(text, chunk.start, chunk.end, out);
  return out;
}
