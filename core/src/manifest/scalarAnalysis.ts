/**
 * libyaml's scalar analysis: which styles a text allows (`yaml_emitter_analyze_scalar`), and whether a key can be
 * written as a simple key.
 */

export interface ScalarAnalysis {
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
export function analyzeScalar(value: string): ScalarAnalysis {
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

/** libyaml's `yaml_emitter_check_simple_key` for a plain scalar key. */
export function isSimpleKey(key: string): boolean {
  return Buffer.byteLength(key, 'utf8') <= 128 && !analyzeScalar(key).multiline;
}

export function isBreak(ch: string | undefined): boolean {
  return ch === '\r' || ch === '\n' || ch === '\u0085' || ch === '\u2028' || ch === '\u2029';
}
