/**
 * The one way core says where something is in a document, and how to change it.
 *
 * Convention: core speaks offsets. An offset is a count of UTF-16 code units from the start of the document's
 * text, which is what a JavaScript string index is, what the `yaml` library reports and what LSP and VS Code
 * count characters in. A range is half-open, `[start, end)`: `end` is the offset just past its last character,
 * so `text.slice(start, end)` is its text and an empty range (`start === end`) is a place to insert at.
 *
 * Lines and characters belong to the faces: the server turns offsets into the LSP's `Position`/`Range`
 * (vscode-languageserver's `TextDocument.positionAt`), the client into VS Code's (its `TextDocument.positionAt`),
 * and the CLI into 1-based line:column for people (the spec model's `LineIndex`, which gives LSP positions).
 *
 * A type that marks a place and holds other facts too (a finding, a reference, a syntax node) extends
 * `OffsetRange`, so its `start` and `end` mean the same thing everywhere.
 */

/** A half-open range `[start, end)` of UTF-16 code unit offsets into a document's text. */
export interface OffsetRange {
  start: number;
  end: number;
}

/**
 * Replace the text in `[start, end)` by `newText`: an empty range inserts, an empty `newText` deletes. Like every
 * type that is about a place, it extends `OffsetRange` rather than nesting one (what the LSP's `TextEdit` does).
 */
export interface OffsetEdit extends OffsetRange {
  newText: string;
}

/** The edit that inserts `newText` at `offset`. */
export function insertion(offset: number, newText: string): OffsetEdit {
  return { start: offset, end: offset, newText };
}

/** Applies non-overlapping edits, given in any order, to `text`. */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  // From the end backwards, so that an edit never moves the offsets of one still to apply.
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
