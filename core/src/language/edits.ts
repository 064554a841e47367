/** A text replacement by offsets (`end` exclusive): what the pure language features return. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** Applies non-overlapping edits (any order) to `text`. */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** The text a snippet inserts when every placeholder keeps its default (the first choice of a choice). */
export function expandSnippet(snippet: string): string {
  return snippet.replace(
    /\$\{\d+\|([^,|}]*)[^}]*\}|\$\{\d+:([^}]*)\}|\$\{\d+\}|\$\d+/g,
    (_m, choice?: string, def?: string) => choice ?? def ?? '',
  );
}
