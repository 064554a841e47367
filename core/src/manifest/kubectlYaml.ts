/**
 * `kubectl -o yaml` output, byte for byte. kubectl turns the object into JSON and then into YAML through
 * sigs.k8s.io/yaml, i.e. go-yaml v2 marshalling a generic map: keys in go-yaml's "natural" order, each string's
 * style chosen by go-yaml (plain unless it would read back as another type, literal block when it has a
 * newline) and then downgraded by the libyaml emitter's scalar analysis. This module ports exactly those
 * decisions; the differential tests hold it to kubectl.
 */
import { objectEntries, type GoJsonValue } from './goJson';

/** The object to print: strings, nulls and nested maps (what a Secret holds). */
export type YamlMap = Map<string, GoJsonValue> | { [key: string]: GoJsonValue };

const BEST_WIDTH = 80;
const BEST_INDENT = 2;

export function toKubectlYaml(root: YamlMap): string {
  const e = new Emitter();
  e.mapping(root, 0);
  // A literal block that ends in a line break has already ended the line.
  return e.column > 0 ? e.out + '\n' : e.out;
}

type Style = 'plain' | 'single' | 'double' | 'literal';

class Emitter {
  out = '';
  column = 0;
  /** libyaml's `whitespace`: the last character written was whitespace (or nothing yet). */
  whitespace = true;
  /** libyaml's `indention`: only indentation has been written on this line so far. */
  indention = true;

  mapping(map: YamlMap, indent: number): void {
    for (const [key, value] of objectEntries(map).sort((a, b) => naturalCompare(a[0], b[0]))) {
      const simple = isSimpleKey(key);
      this.writeIndent(indent);
      if (simple) {
        this.scalar(key, indent + BEST_INDENT, true);
        this.indicator(':', false);
      } else {
        this.indicator('?', true);
        this.scalar(key, indent + BEST_INDENT, false);
        this.writeIndent(indent);
        this.indicator(':', true);
      }
      this.node(value, indent);
    }
  }

  private node(value: GoJsonValue, indent: number): void {
    if (value === null) {
      this.plainRaw('null');
    } else if (typeof value === 'string') {
      this.scalar(value, indent + BEST_INDENT, false);
    } else if (typeof value !== 'object' || Array.isArray(value)) {
      throw new Error('kubectl YAML printer: only strings, null and maps occur in a Secret');
    } else if (objectEntries(value).length === 0) {
      this.plainRaw('{}');
    } else {
      this.mapping(value, indent + BEST_INDENT);
    }
  }

  private plainRaw(text: string): void {
    if (!this.whitespace) this.put(' ');
    this.put(text);
    this.whitespace = false;
    this.indention = false;
  }

  private scalar(raw: string, indent: number, simpleKey: boolean): void {
    const value = foldLikeJsonToYaml(raw);
    const a = analyzeScalar(value);
    let style: Style = value.includes('\n') ? 'literal' : resolvesToString(value) ? 'plain' : 'double';
    if (simpleKey && a.multiline) style = 'double';
    if (style === 'plain') {
      if (!a.blockPlainAllowed) style = 'single';
      if (value.length === 0 && simpleKey) style = 'single';
    }
    if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
    if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
    const allowBreaks = !simpleKey;
    switch (style) {
      case 'plain':
        return this.writePlain(value, indent, allowBreaks);
      case 'single':
        return this.writeSingle(value, indent, allowBreaks);
      case 'double':
        return this.writeDouble(value, indent, allowBreaks);
      case 'literal':
        return this.writeLiteral(value, indent);
    }
  }

  private put(s: string): void {
    this.out += s;
    this.column += [...s].length;
  }

  private putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  private writeIndent(indent: number): void {
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) {
      if (this.out.length) this.putBreak();
    }
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  private indicator(ind: string, needWhitespace: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(ind);
    this.whitespace = false;
    this.indention = this.indention && false;
  }

  private writePlain(value: string, indent: number, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    const chars = [...value];
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i];
      if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && chars[i + 1] !== ' ') {
          this.writeIndent(indent);
        } else this.put(ch);
        spaces = true;
      } else {
        this.put(ch);
        spaces = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingle(value: string, indent: number, allowBreaks: boolean): void {
    this.indicator("'", true);
    const chars = [...value];
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i];
      if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1 && chars[i + 1] !== ' ') {
          this.writeIndent(indent);
        } else this.put(ch);
        spaces = true;
      } else if (isBreak(ch)) {
        if (!breaks && ch === '\n') this.putBreak();
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent(indent);
        if (ch === "'") this.put("'");
        this.put(ch);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.indicator("'", false);
  }

  private writeDouble(value: string, indent: number, allowBreaks: boolean): void {
    this.indicator('"', true);
    const chars = [...value];
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i];
      const c = ch.codePointAt(0)!;
      if (!isPrintable(c) || c === 0xfeff || isBreak(ch) || ch === '"' || ch === '\\') {
        this.put('\\' + doubleEscape(c));
        spaces = false;
      } else if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1) {
          this.writeIndent(indent);
          if (chars[i + 1] === ' ') this.put('\\');
        } else this.put(ch);
        spaces = true;
      } else {
        this.put(ch);
        spaces = false;
      }
    }
    this.indicator('"', false);
  }

  private writeLiteral(value: string, indent: number): void {
    this.indicator('|', true);
    const chars = [...value];
    let hints = '';
    if (chars[0] === ' ' || isBreak(chars[0])) hints += String(BEST_INDENT);
    const last = chars[chars.length - 1];
    if (!isBreak(last)) hints += '-';
    else if (chars.length === 1 || isBreak(chars[chars.length - 2])) hints += '+';
    if (hints) this.indicator(hints, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const ch of chars) {
      if (isBreak(ch)) {
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent(indent);
        this.put(ch);
        this.indention = false;
        breaks = false;
      }
    }
  }

  private writeBreak(ch: string): void {
    if (ch === '\n') this.putBreak();
    else {
      this.out += ch;
      this.column = 0;
    }
  }
}

/** libyaml's `yaml_emitter_check_simple_key` for a plain scalar key. */
function isSimpleKey(key: string): boolean {
  return Buffer.byteLength(key, 'utf8') <= 128 && !analyzeScalar(key).multiline;
}

function isBreak(ch: string | undefined): boolean {
  return ch === '\r' || ch === '\n' || ch === '\u0085' || ch === '\u2028' || ch === '\u2029';
}

/**
 * sigs.k8s.io/yaml reads kubectl's JSON back as YAML before writing YAML. Go's JSON leaves NEL (U+0085) raw, and a
 * YAML double-quoted scalar folds a raw line break: one becomes a space (with the raw spaces around it; tabs are
 * escaped in the JSON, so they stay), n become n-1 newlines.
 */
function foldLikeJsonToYaml(s: string): string {
  return s.includes('\u0085') ? s.replace(/ *(\u0085(?: *\u0085)*) */g, (_m, run: string) => {
    const n = run.split('\u0085').length - 1;
    return n === 1 ? ' ' : '\n'.repeat(n - 1);
  }) : s;
}

/** libyaml's `is_printable` as go-yaml has it: no code point beyond the BMP counts as printable. */
function isPrintable(c: number): boolean {
  return c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);
}

function doubleEscape(c: number): string {
  const named: Record<number, string> = {
    0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e',
    0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
  };
  if (named[c] !== undefined) return named[c];
  const hex = c.toString(16).toUpperCase();
  if (c <= 0xff) return 'x' + hex.padStart(2, '0');
  if (c <= 0xffff) return 'u' + hex.padStart(4, '0');
  return 'U' + hex.padStart(8, '0');
}

interface ScalarAnalysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

/** libyaml's `yaml_emitter_analyze_scalar`, block context only (kubectl never writes flow collections). */
function analyzeScalar(value: string): ScalarAnalysis {
  if (value.length === 0) return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  const chars = [...value];
  let blockIndicators = value.startsWith('---') || value.startsWith('...');
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let previousSpace = false;
  let previousBreak = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const next = chars[i + 1];
    const followedByWhitespace = next === undefined || next === ' ' || next === '\t' || isBreak(next);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true;
      else if ((ch === '?' || ch === ':' || ch === '-') && followedByWhitespace) blockIndicators = true;
    } else if (ch === ':' && followedByWhitespace) blockIndicators = true;
    else if (ch === '#' && precededByWhitespace) blockIndicators = true;
    if (!isPrintable(ch.codePointAt(0)!)) special = true;
    if (ch === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(ch)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = ch === ' ' || ch === '\t' || isBreak(ch) || ch === '\0';
  }
  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  let blockAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false;
  if (trailingSpace) blockAllowed = false;
  if (breakSpace) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (spaceBreak || special) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
    blockAllowed = false;
  }
  if (lineBreaks || blockIndicators) blockPlainAllowed = false;
  return { multiline: lineBreaks, blockPlainAllowed, singleQuotedAllowed, blockAllowed };
}

const RESOLVE_MAP = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL',
  // `<<` is in go-yaml's map but its first character has no resolver hint, so it stays a plain string.
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
]);
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** go-yaml v2's `resolve(“”, s)` says "string" and `isBase60Float` says no: the string may be written plain. */
function resolvesToString(s: string): boolean {
  if (RESOLVE_MAP.has(s)) return false;
  if (BASE60_FLOAT.test(s)) return false;
  const first = s[0];
  if (first === '.') return !(/^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s) && Number.isFinite(Number(s)));
  if (first === '+' || first === '-' || (first >= '0' && first <= '9')) {
    if (isTimestamp(s)) return false;
    const plain = s.replace(/_/g, '');
    if (isGoInt(plain)) return false;
    if (YAML_STYLE_FLOAT.test(plain) && Number.isFinite(Number(plain))) return false;
  }
  return true;
}

/** `strconv.ParseInt(s, 0, 64)` or `ParseUint(s, 0, 64)` succeeds. */
function isGoInt(s: string): boolean {
  const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return false;
  let digits = m[2];
  if (/^0[oO]/.test(digits)) digits = '0o' + digits.slice(2);
  else if (/^0[0-7]+$/.test(digits)) digits = '0o' + digits.slice(1);
  const n = BigInt(digits.toLowerCase().replace(/^0x/, '0x').replace(/^0b/, '0b'));
  if (m[1] === '-') return n <= 2n ** 63n;
  return n < 2n ** 64n;
}

/** go-yaml v2's `parseTimestamp`: the layouts it tries, with time.Parse's range checks on the date. */
function isTimestamp(s: string): boolean {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]| )(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(Z|[-+]\d{2}:\d{2})?)?$/.exec(s);
  if (!m) return false;
  const [, y, mo, d, h, mi, se, zone] = m;
  if (h !== undefined && s[10] === ' ' && zone !== undefined) return false;
  if (h !== undefined && s[10] !== ' ' && zone === undefined) return false;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1) return false;
  const daysIn = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  if (day > daysIn) return false;
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || Number(se) > 59)) return false;
  return true;
}

/** go-yaml v2's `keyList.Less`: letters after other characters, runs of digits compared as numbers. */
export function naturalCompare(a: string, b: string): number {
  return keyLess(a, b) ? -1 : keyLess(b, a) ? 1 : 0;
}

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

function keyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = LETTER.test(ar[i]);
    const bl = LETTER.test(br[i]);
    if (al && bl) return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && DIGIT.test(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && DIGIT.test(ar[ai]); ai++) an = an * 10 + (ar[ai].codePointAt(0)! - 48);
    for (; bi < br.length && DIGIT.test(br[bi]); bi++) bn = bn * 10 + (br[bi].codePointAt(0)! - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
  }
  return ar.length < br.length;
}
