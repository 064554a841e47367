/**
 * Offset ↔ position conversion with LSP conventions: 0-based lines, characters counted in UTF-16 code units
 * (which is what JavaScript string offsets are), `\n`, `\r\n` and `\r` all end a line. Core speaks offsets
 * (core/src/text/offsets.ts); this is for the line numbers people read: the CLI's `file:line:column` and the
 * line of a secret's use in a spec, where no editor's text document is at hand to convert. The position is the
 * LSP's own type rather than one of ours, so "position" means one thing in the code base, the thing the
 * server and VS Code mean.
 */
import type { Position } from 'vscode-languageserver-types';

export class LineIndex {
  /** Offset at which each line starts; computed on first use, as the diagnostics path never needs it. */
  private lineStarts: number[] | undefined;

  constructor(private readonly text: string) {}

  private get starts(): number[] {
    return (this.lineStarts ??= this.computeStarts());
  }

  private computeStarts(): number[] {
    const text = this.text;
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    return starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const lineStart = this.starts[position.line];
    const nextStart = position.line + 1 < this.starts.length ? this.starts[position.line + 1] : this.text.length;
    // A character past the end of the line clamps to the line's end, before its line break.
    let lineEnd = nextStart;
    while (lineEnd > lineStart && (this.text[lineEnd - 1] === '\n' || this.text[lineEnd - 1] === '\r')) lineEnd--;
    return Math.max(lineStart, Math.min(lineStart + position.character, lineEnd));
  }

  /** Offset where `line` starts (clamped). */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }
}
