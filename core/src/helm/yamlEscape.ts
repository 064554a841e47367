/**
 * YAML's double-quoted escape sequences (YAML 1.2, 5.7), one at a time. Small enough for the extension host,
 * which reads a plain value from the editor's text given where its pieces and escapes are (plainValueSlices.ts).
 */
const SINGLE: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/** The escape starting at `text[at]` (a backslash): its length in the text and what it stands for. */
export function yamlEscapeAt(text: string, at: number): { length: number; decoded: string } | undefined {
  if (text[at] !== '\\') return undefined;
  const c = text[at + 1];
  if (c === undefined) return undefined;
  if (c in SINGLE) return { length: 2, decoded: SINGLE[c] };
  const digits = HEX_DIGITS[c];
  if (!digits) return undefined;
  const hex = text.slice(at + 2, at + 2 + digits);
  if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex)) return undefined;
  const code = parseInt(hex, 16);
  return code > 0x10ffff ? undefined : { length: 2 + digits, decoded: String.fromCodePoint(code) };
}
