/**
 * JSON strings with escapes, for ./wellFormedJson.ts: decoded as jsonc-parser's scanner decodes them, so the two
 * readers give the same value (test/fuzz/wellFormedJson.fuzz.test.ts). Strings without a `\` never come here.
 */
const QUOTE = 34;
const BACKSLASH = 92;

/** What each one-character escape stands for, by the character after the `\`. */
const ESCAPES: Partial<Record<number, string>> = {
  34: '"',
  92: '\\',
  47: '/',
  98: '\b',
  102: '\f',
  110: '\n',
  114: '\r',
  116: '\t',
};

/** The value of the hex digit `c`; -1 for any other character. */
function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/**
 * The string that starts at `first` (after its `"`) and holds a `\` at `backslash`: its decoded value and the
 * offset after its closing `"`; undefined at anything jsonc-parser would report (a bad escape, a control
 * character, no closing `"` before `limit`).
 */
export function decodeEscapedString(
  text: string,
  first: number,
  backslash: number,
  limit: number,
): { value: string; end: number } | undefined {
  let out = text.slice(first, backslash);
  let pos = backslash;
  for (;;) {
    if (pos >= limit) return undefined;
    const c = text.charCodeAt(pos);
    if (c === QUOTE) break;
    if (c < 0x20) return undefined;
    if (c !== BACKSLASH) {
      let run = pos + 1;
      while (run < limit) {
        const d = text.charCodeAt(run);
        if (d === QUOTE || d === BACKSLASH || d < 0x20) break;
        run++;
      }
      out += text.slice(pos, run);
      pos = run;
      continue;
    }
    if (pos + 1 >= limit) return undefined;
    const e = text.charCodeAt(pos + 1);
    if (e === 117 /* u */) {
      if (pos + 6 > limit) return undefined;
      let code = 0;
      for (let i = pos + 2; i < pos + 6; i++) {
        const h = hexValue(text.charCodeAt(i));
        if (h < 0) return undefined;
        code = code * 16 + h;
      }
      out += String.fromCharCode(code);
      pos += 6;
    } else {
      const decoded = ESCAPES[e];
      if (decoded === undefined) return undefined;
      out += decoded;
      pos += 2;
    }
  }
  return { value: out, end: pos + 1 };
}
