/**
 * Where a plain value of a values file is, told as slices of the file's own text rather than as the value: the
 * server answers PH003's "move value to a Secret" with these, and the client reads the value from the editor.
 * A value YAML changed (quotes, folded lines) is pieced together from several ranges; a character written as
 * an escape (`\x41`) comes from the range of that escape, which the reader decodes (yamlEscape.ts).
 */
import { isScalar, type Document } from 'yaml';
import type { OffsetRange } from '../text';
import { entryAt, scalarValueAt } from './valuesTree';
import type { ValuesPath } from './chartFacts';
import { readSlices, type ValueSlice } from './valueSlice';
import { yamlEscapeAt } from './yamlEscape';

export type PlainValueLocation =
  { kind: 'slices'; slices: ValueSlice[] } | { kind: 'no-scalar' } | { kind: 'unreadable' };

export function plainValueSlices(text: string, doc: Document, path: ValuesPath): PlainValueLocation {
  const value = scalarValueAt(doc, path);
  const entry = entryAt(doc, path);
  if (value === undefined || !entry) return { kind: 'no-scalar' };
  const { start, end } = entry.valueRange;
  const number: ValueSlice[] = [{ start, end, as: 'number' }];
  if (isScalar(entry.value) && typeof entry.value.value === 'number')
    return readSlices(text, number) === value ? { kind: 'slices', slices: number } : { kind: 'unreadable' };
  const slices = plainValueOutOf(text, entry.valueRange, value);
  return slices ? { kind: 'slices', slices } : { kind: 'unreadable' };
}

/**
 * Slices of `text`, from `within` where possible, that read back as exactly `value` (checked here, where the value
 * is known); undefined when they cannot express it. PS050's fix reads a spec's env value the same way.
 */
export function plainValueOutOf(text: string, within: OffsetRange, value: string): ValueSlice[] | undefined {
  const slices = textSlices(text, within, value);
  return slices && readSlices(text, slices) === value ? slices : undefined;
}

/** Slices of `text` that read as `value`: from `within` where possible, longest first. */
export function textSlices(text: string, within: OffsetRange, value: string): ValueSlice[] | undefined {
  const scope = text.slice(within.start, within.end);
  const out: ValueSlice[] = [];
  for (let i = 0; i < value.length;) {
    const inScope = longestAt(scope, value, i);
    const slice = inScope
      ? { start: inScope.at + within.start, end: inScope.at + within.start + inScope.length }
      : (escapeFor(text, within, value, i) ?? wholeText(text, value, i));
    if (!slice) return undefined;
    const last = out[out.length - 1];
    if (!slice.as && last && !last.as && last.end === slice.start) last.end = slice.end;
    else out.push(slice);
    i += slice.as === 'escape' ? yamlEscapeAt(text, slice.start)!.decoded.length : slice.end - slice.start;
  }
  return out;
}

function wholeText(text: string, value: string, i: number): ValueSlice | undefined {
  const found = longestAt(text, value, i);
  return found && { start: found.at, end: found.at + found.length };
}

/** An escape in `within` that stands for what comes next in the value. */
function escapeFor(text: string, within: OffsetRange, value: string, i: number): ValueSlice | undefined {
  for (let at = text.indexOf('\\', within.start); at >= 0 && at < within.end; at = text.indexOf('\\', at + 1)) {
    const esc = yamlEscapeAt(text, at);
    if (esc && esc.decoded && value.startsWith(esc.decoded, i))
      return { start: at, end: at + esc.length, as: 'escape' };
  }
  return undefined;
}

/** The longest prefix of `value.slice(i)` found in `haystack`, and where. */
function longestAt(haystack: string, value: string, i: number): { at: number; length: number } | undefined {
  let best: { at: number; length: number } | undefined;
  let length = 1;
  let at = haystack.indexOf(value.slice(i, i + 1));
  while (at >= 0) {
    best = { at, length };
    if (i + length >= value.length) break;
    length++;
    // A longer piece occurs only where its prefix does, so the search resumes at the last match.
    at = haystack.indexOf(value.slice(i, i + length), at);
  }
  return best;
}
