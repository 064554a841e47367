/**
 * `kubectl -o yaml` output, byte for byte. kubectl turns the object into JSON and then into YAML through
 * sigs.k8s.io/yaml, i.e. go-yaml v2 marshalling a generic map: keys in go-yaml's "natural" order, each string's
 * style chosen by go-yaml (plain unless it would read back as another type, literal block when it has a
 * newline) and then downgraded by the libyaml emitter's scalar analysis. This module ports exactly those
 * decisions; the differential tests hold it to kubectl.
 */
import { objectEntries, type GoJsonValue } from './goJson';
import { ChunkedText, base64Length, base64Pieces, type TextSink } from './textChunks';

/** The object to print: strings, byte values (base64), nulls and nested maps (what a Secret holds). */
export type YamlMap = Map<string, GoJsonValue> | { [key: string]: GoJsonValue };

const BEST_WIDTH = 80;
const BEST_INDENT = 2;

/** Writes the YAML to `sink` in chunks. */
export function writeKubectlYaml(root: YamlMap, sink: TextSink): void {
  const e = new Emitter(new ChunkedText(sink));
  e.mapping(root, 0);
  // A literal block that ends in a line break has already ended the line.
  if (e.column > 0) e.out.write('\n');
  e.out.flush();
}

export function toKubectlYaml(root: YamlMap): string {
  const chunks: string[] = [];
  writeKubectlYaml(root, (c) => chunks.push(c));
  return chunks.join('');
}

type Style = 'plain' | 'single' | 'double' | 'literal';

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

/**
 * libyaml's emitter state for block mappings of scalars. Each writer walks its scalar from one character it
 * must act on (a space where a line may fold, a break, an escape) to the next and copies the runs between as
 * slices, which is what the character-by-character emitter writes, without its cost.
 */
class Emitter {
  column = 0;
  /** libyaml's `whitespace`: the last character written was whitespace (or nothing yet). */
  whitespace = true;
  /** libyaml's `indention`: only indentation has been written on this line so far. */
  indention = true;

  constructor(readonly out: ChunkedText) {}

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
    } else if (value instanceof Uint8Array) {
      this.bytes(value, indent + BEST_INDENT);
    } else if (typeof value !== 'object' || Array.isArray(value)) {
      throw new Error('kubectl YAML printer: only strings, bytes, null and maps occur in a Secret');
    } else if (objectEntries(value).length === 0) {
      this.plainRaw('{}');
    } else {
      this.mapping(value, indent + BEST_INDENT);
    }
  }

  /**
   * A `[]byte` value: kubectl's JSON holds its base64, which go-yaml writes plain, or double-quoted when it
   * would read back as another type (`true`, `1234`). Base64 has no spaces, breaks or characters to escape,
   * so either way the text goes out as it is, a piece at a time; only the style needs a look at the text.
   */
  private bytes(value: Uint8Array, indent: number): void {
    if (base64Length(value.length) <= BASE64_WHOLE_LIMIT) {
      return this.scalar(
        Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64'),
        indent,
        false,
      );
    }
    const plain = longBase64IsString(value);
    if (plain) {
      if (!this.whitespace) this.put(' ');
    } else this.indicator('"', true);
    for (const piece of base64Pieces(value)) this.put(piece);
    if (plain) {
      this.whitespace = false;
      this.indention = false;
    } else this.indicator('"', false);
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

  /** Writes text that holds no line break. */
  private put(s: string): void {
    this.out.write(s);
    this.column += codePoints(s);
  }

  private putBreak(): void {
    this.out.write('\n');
    this.column = 0;
  }

  private writeIndent(indent: number): void {
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) {
      if (this.out.started) this.putBreak();
    }
    if (this.column < indent) this.put(' '.repeat(indent - this.column));
    this.whitespace = true;
    this.indention = true;
  }

  private indicator(ind: string, needWhitespace: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(ind);
    this.whitespace = false;
    this.indention = false;
  }

  private writePlain(value: string, indent: number, allowBreaks: boolean): void {
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

  private writeSingle(value: string, indent: number, allowBreaks: boolean): void {
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

  private writeDouble(value: string, indent: number, allowBreaks: boolean): void {
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

  private writeLiteral(value: string, indent: number): void {
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

/** Base64 texts up to this length are made whole and go through the general scalar path. */
const BASE64_WHOLE_LIMIT = 256 * 1024;

/**
 * Whether go-yaml takes a long base64 text for a string. Ints, floats and timestamps are made only of these
 * characters (the words in RESOLVE_MAP are short), so one other character anywhere settles it; a text made
 * only of them (a file of bytes whose base64 is all digits) is checked whole, as go-yaml would.
 */
function longBase64IsString(value: Uint8Array): boolean {
  const numberLike = /^[0-9a-fA-FxXoObBtTzZ+_.:\- ]*$/;
  for (const piece of base64Pieces(value)) if (!numberLike.test(piece)) return true;
  return resolvesToString(Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64'));
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
  return s.includes('\u0085')
    ? s.replace(/ *(\u0085(?: *\u0085)*) */g, (_m, run: string) => {
        const n = run.split('\u0085').length - 1;
        return n === 1 ? ' ' : '\n'.repeat(n - 1);
      })
    : s;
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

interface ScalarAnalysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

/** Characters libyaml's `is_printable` refuses: controls, DEL and C1, BOM, U+FFFE/F, and anything beyond the BMP. */
const NOT_PRINTABLE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff]/;
const LINE_BREAK = /[\r\n\u0085\u2028\u2029]/;
const SPACE_THEN_BREAK = / [\r\n\u0085\u2028\u2029]/;
const BREAK_THEN_SPACE = /[\r\n\u0085\u2028\u2029] /;
/** After the first character: `: ` (or `:` at the end) and ` #` are indicators. */
const INNER_INDICATOR = /[^]:(?:[ \t\r\n\u0085\u2028\u2029]|$)|[ \t\r\n\u0085\u2028\u2029\0]#/;

/**
 * libyaml's `yaml_emitter_analyze_scalar`, block context only (kubectl never writes flow collections). Each of
 * its per-character flags is a pattern over the whole text, so a long value is scanned by the regex engine.
 */
function analyzeScalar(value: string): ScalarAnalysis {
  if (value.length === 0)
    return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  const first = value[0];
  const last = value[value.length - 1];
  const followedByWhitespace = value.length === 1 || ' \t'.includes(value[1]) || isBreak(value[1]);
  const blockIndicators =
    value.startsWith('---') ||
    value.startsWith('...') ||
    '#,[]{}&*!|>\'"%@`'.includes(first) ||
    ('?:-'.includes(first) && followedByWhitespace) ||
    INNER_INDICATOR.test(value);
  const lineBreaks = LINE_BREAK.test(value);
  const special = NOT_PRINTABLE.test(value);
  const leadingSpace = first === ' ';
  const leadingBreak = isBreak(first);
  const trailingSpace = last === ' ';
  const trailingBreak = isBreak(last);
  const breakSpace = lineBreaks && BREAK_THEN_SPACE.test(value);
  const spaceBreak = lineBreaks && SPACE_THEN_BREAK.test(value);
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
  'y',
  'Y',
  'yes',
  'Yes',
  'YES',
  'true',
  'True',
  'TRUE',
  'on',
  'On',
  'ON',
  'n',
  'N',
  'no',
  'No',
  'NO',
  'false',
  'False',
  'FALSE',
  'off',
  'Off',
  'OFF',
  '',
  '~',
  'null',
  'Null',
  'NULL',
  // `<<` is in go-yaml's map but its first character has no resolver hint, so it stays a plain string.
  '.nan',
  '.NaN',
  '.NAN',
  '.inf',
  '.Inf',
  '.INF',
  '+.inf',
  '+.Inf',
  '+.INF',
  '-.inf',
  '-.Inf',
  '-.INF',
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
  const m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]| )(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(Z|[-+]\d{2}:\d{2})?)?$/.exec(s);
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
