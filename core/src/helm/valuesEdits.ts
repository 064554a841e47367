/**
 * Text edits on a values file for the quick fixes: replace a plain credential by its SecretName, or drop a
 * plain value the chart ignores. Offsets in, offsets out; the caller turns them into editor edits.
 */
import type { Document } from 'yaml';
import type { OffsetEdit, OffsetRange } from '../text';
import { entryAt } from './valuesTree';

/** The range that removes the entry at `path`: its whole line(s) in block style, else `key: value` and a comma. */
function removalRange(text: string, doc: Document, path: string): OffsetRange | undefined {
  const e = entryAt(doc, path);
  if (!e) return undefined;
  const lineStart = text.lastIndexOf('\n', e.keyRange.start - 1) + 1;
  // A block collection's range runs into the next line's indentation: step back to its last newline.
  let valueEnd = e.valueRange.end;
  while (valueEnd > e.valueRange.start && (text[valueEnd - 1] === ' ' || text[valueEnd - 1] === '\t')) valueEnd--;
  const endsLine = valueEnd > e.valueRange.start && text[valueEnd - 1] === '\n';
  const lineEndIdx = endsLine ? valueEnd - 1 : text.indexOf('\n', e.valueRange.end);
  const lineEnd = lineEndIdx === -1 ? text.length : lineEndIdx + 1;
  const before = text.slice(lineStart, e.keyRange.start);
  const after = endsLine ? '' : text.slice(e.valueRange.end, lineEnd);
  if (/^[ \t]*$/.test(before) && /^[ \t]*(#.*)?\r?\n?$/.test(after)) return { start: lineStart, end: lineEnd };
  const comma = /^\s*,\s*/.exec(text.slice(e.valueRange.end));
  return { start: e.keyRange.start, end: e.valueRange.end + (comma ? comma[0].length : 0) };
}

export function removeEntryEdit(text: string, doc: Document, path: string): OffsetEdit | undefined {
  const range = removalRange(text, doc, path);
  return range && { ...range, newText: '' };
}

/**
 * Replaces the plain value at `plainPath` by `secretNamePath: name`: in place of the plain entry, or, when the
 * SecretName entry already exists, by filling it and removing the plain entry.
 */
export function useSecretNameEdits(
  text: string,
  doc: Document,
  plainPath: string,
  secretNamePath: string,
  name: string,
): OffsetEdit[] {
  const plain = entryAt(doc, plainPath);
  if (!plain) return [];
  const existing = entryAt(doc, secretNamePath);
  if (existing) {
    const removal = removeEntryEdit(text, doc, plainPath)!;
    const afterColon = existing.keyRange.end + 1;
    const blanks = /^[ \t]*/.exec(text.slice(afterColon))![0].length;
    // `key:` with nothing after it is a null Scalar with an empty range (or no node at all): fill after the colon.
    const fill: OffsetEdit =
      existing.value === null || existing.valueRange.start === existing.valueRange.end
        ? { start: afterColon, end: afterColon + blanks, newText: ` ${name}` }
        : { ...existing.valueRange, newText: name };
    return [fill, removal].sort((a, b) => b.start - a.start);
  }
  const key = secretNamePath.split('.').pop()!;
  return [{ start: plain.keyRange.start, end: plain.valueRange.end, newText: `${key}: ${name}` }];
}
