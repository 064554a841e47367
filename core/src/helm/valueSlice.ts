/**
 * A value told as slices of a text instead of as itself (plainValueSlices.ts builds them on the server), and
 * reading it back where the text is: the extension host, without a YAML parser.
 */
import type { OffsetRange } from '../text';
import { yamlEscapeAt } from './yamlEscape';

/** A `[start, end)` range of the text, read as is, as one YAML escape sequence, or as a YAML number (`1e3`: 1000). */
export interface ValueSlice extends OffsetRange {
  as?: 'escape' | 'number';
}

export function readSlices(text: string, slices: readonly ValueSlice[]): string {
  return slices.map((s) => readSlice(text, s)).join('');
}

function readSlice(text: string, s: ValueSlice): string {
  if (s.as === 'escape') return yamlEscapeAt(text, s.start)?.decoded ?? '';
  const raw = text.slice(s.start, s.end);
  return s.as === 'number' ? String(Number(raw)) : raw;
}
