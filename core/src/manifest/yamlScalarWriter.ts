/**
 * libyaml's emitter writing one scalar in a chosen style (plain, single-quoted, double-quoted, literal block):
 * where it folds long lines, what it escapes, and the column, whitespace and indentation state it keeps.
 * Each writer walks its scalar from one character it must act on (a space where a line may fold, a break, an
 * escape) to the next and copies the runs between as slices, which is what the character-by-character emitter
 * writes, without its cost.
 */
import { isBreak } from './scalarAnalysis';
import type { ChunkedText } from './textChunks';

const BEST_WIDTH = 80;
export const BEST_INDENT = 2;

/** Where writePlain acts: spaces (a line may fold there). */
const PLAIN_STOPS = / /g;
/** Where writeSingle acts: spaces and line breaks; a quote inside a run is doubled. */
const SINGLE_STOPS = /[ \r\n\u0085\u2028\u2029]/g;
/** Where writeDouble acts: spaces, and what it escapes (not printable, BOM, breaks, quote, backslash, surrogates). */
const DOUBLE_STOPS = /[ \x00-\x1f\x7f-\x9f"\\\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]/g;
/** Where writeLiteral acts: line breaks. */
const LITERAL_STOPS = /[\r\n\u0085\u2028\u2029]/g;
const SURROGATE = /[\ud800-\udfff]/;

/** Code points in `s` (a valid surrogate pair is one, a lone surrogate is one), as libyaml counts columns. */
function codePoints(s: string): number {
  if (!SURROGATE.test(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++, n++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

/** The code point at UTF-16 index `i` and how many units it takes. */
function codePointAt(s: string, i: number): [number, number] {
  const c = s.codePointAt(i)!;
  return [c, c > 0xffff ? 2 : 1];
}

/** libyaml's emitter state and its scalar writers; kubectlYaml's Emitter lays out the document with them. */
export class YamlScalarWriter {
  column = 0;
  /** libyaml's `whitespace`: the last character written was whitespace (or nothing yet). */
  whitespace = true;
  /** libyaml's `indention`: only indentation has been written on this line so far. */
  indention = true;

  constructor(readonly out: ChunkedText) {}

  /** Writes text that holds no line break. */
  protected put(s: string): void {
    this.out.write(s);
    this.column += codePoints(s);
  }

  protected putBreak(): void {
    this.out.write('\n');
    this.column = 0;
  }

  protected writeIndent(indent: number): void {
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) {
      if (this.out.started) this.putBreak();
    }
    if (this.column < indent) this.put(' '.repeat(indent - this.column));
    this.whitespace = true;
    this.indention = true;
  }

  protected indicator(ind: string, needWhitespace: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(ind);
    this.whitespace = false;
    this.indention = false;
  }

  protected writePlain(value: string, indent: number, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    let spaces = false;
    let from = 0;
    PLAIN_STOPS.lastIndex = 0;
    for (let m = PLAIN_STOPS.exec(value); m; m = PLAIN_STOPS.exec(value)) {
      const i = m.index;
      if (i > from) {
        this.put(value.slice(from, i));
        spaces = false;
      }
      if (allowBreaks && !spaces && this.column > BEST_WIDTH && value[i + 1] !== ' ') this.writeIndent(indent);
      else this.put(' ');
      spaces = true;
      from = i + 1;
    }
    if (from < value.length) this.put(value.slice(from));
    this.whitespace = false;
    this.indention = false;
  }

  protected writeSingle(value: string, indent: number, allowBreaks: boolean): void {
    this.indicator("'", true);
    let spaces = false;
    let breaks = false;
    let from = 0;
    const run = (to: number) => {
      if (to <= from) return;
      if (breaks) this.writeIndent(indent);
      this.put(value.slice(from, to).replace(/'/g, "''"));
      this.indention = false;
      spaces = false;
      breaks = false;
    };
    SINGLE_STOPS.lastIndex = 0;
    for (let m = SINGLE_STOPS.exec(value); m; m = SINGLE_STOPS.exec(value)) {
      const i = m.index;
      const ch = value[i];
      run(i);
      if (ch === ' ') {
        const inside = i > 0 && i < value.length - 1;
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && inside && value[i + 1] !== ' ')
          this.writeIndent(indent);
        else this.put(ch);
        spaces = true;
      } else {
        if (!breaks && ch === '\n') this.putBreak();
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      }
      from = i + 1;
    }
    run(value.length);
    this.indicator("'", false);
  }

  protected writeDouble(value: string, indent: number, allowBreaks: boolean): void {
    this.indicator('"', true);
    let spaces = false;
    let from = 0;
    DOUBLE_STOPS.lastIndex = 0;
    for (let m = DOUBLE_STOPS.exec(value); m; m = DOUBLE_STOPS.exec(value)) {
      const i = m.index;
      if (i > from) {
        this.put(value.slice(from, i));
        spaces = false;
      }
      const [c, units] = codePointAt(value, i);
      if (value[i] === ' ') {
        const inside = i > 0 && i < value.length - 1;
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && inside) {
          this.writeIndent(indent);
          if (value[i + 1] === ' ') this.put('\\');
        } else this.put(' ');
        spaces = true;
      } else {
        // Everything else that stops here is escaped; go-yaml counts no character beyond the BMP as printable.
        this.put('\\' + doubleEscape(c));
        spaces = false;
      }
      from = i + units;
      DOUBLE_STOPS.lastIndex = from;
    }
    if (from < value.length) this.put(value.slice(from));
    this.indicator('"', false);
  }

  protected writeLiteral(value: string, indent: number): void {
    this.indicator('|', true);
    let hints = '';
    if (value[0] === ' ' || isBreak(value[0])) hints += String(BEST_INDENT);
    const last = value[value.length - 1];
    if (!isBreak(last)) hints += '-';
    else if (value.length === 1 || isBreak(value[value.length - 2])) hints += '+';
    if (hints) this.indicator(hints, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    let from = 0;
    const run = (to: number) => {
      if (to <= from) return;
      if (breaks) this.writeIndent(indent);
      this.put(value.slice(from, to));
      this.indention = false;
      breaks = false;
    };
    LITERAL_STOPS.lastIndex = 0;
    for (let m = LITERAL_STOPS.exec(value); m; m = LITERAL_STOPS.exec(value)) {
      run(m.index);
      this.writeBreak(value[m.index]);
      this.indention = true;
      breaks = true;
      from = m.index + 1;
    }
    run(value.length);
  }

  private writeBreak(ch: string): void {
    if (ch === '\n') this.putBreak();
    else {
      this.out.write(ch);
      this.column = 0;
    }
  }
}

const NAMED_ESCAPES: Record<number, string> = {
  0x00: '0',
  0x07: 'a',
  0x08: 'b',
  0x09: 't',
  0x0a: 'n',
  0x0b: 'v',
  0x0c: 'f',
  0x0d: 'r',
  0x1b: 'e',
  0x22: '"',
  0x5c: '\\',
  0x85: 'N',
  0xa0: '_',
  0x2028: 'L',
  0x2029: 'P',
};

function doubleEscape(c: number): string {
  const named = NAMED_ESCAPES[c];
  if (named !== undefined) return named;
  const hex = c.toString(16).toUpperCase();
  if (c <= 0xff) return 'x' + hex.padStart(2, '0');
  if (c <= 0xffff) return 'u' + hex.padStart(4, '0');
  return 'U' + hex.padStart(8, '0');
}
