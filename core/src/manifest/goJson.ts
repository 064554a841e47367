/**
 * Go `encoding/json` output, which kubectl prints: HTML-safe escaping of `<`, `>`, `&`, U+2028/U+2029, short
 * escapes for \b \f \n \r \t (Go 1.22+), raw non-ASCII, keys in insertion order (callers order them as Go would:
 * struct order, or sorted for maps).
 */
export type GoJsonValue = string | number | boolean | null | GoJsonValue[] | GoJsonObject;
/** Struct-like objects may be plain; maps whose keys could look like integers must be `Map`s (JS reorders those). */
export type GoJsonObject = Map<string, GoJsonValue> | { [key: string]: GoJsonValue };

export function objectEntries(v: GoJsonObject): [string, GoJsonValue][] {
  return v instanceof Map ? [...v] : Object.entries(v);
}

const SHORT_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function goJsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const c = s.charCodeAt(i);
    const short = SHORT_ESCAPES[ch];
    if (short) out += short;
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029) {
      out += '\\u' + c.toString(16).padStart(4, '0');
    } else if (c >= 0xd800 && c <= 0xdfff) {
      // A lone surrogate is invalid UTF-8 to Go, which writes the replacement character.
      const pair = c <= 0xdbff && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff;
      if (pair) {
        out += s[i] + s[i + 1];
        i++;
      } else out += '\\ufffd';
    } else out += ch;
  }
  return out + '"';
}

/** `json.Marshal`: compact. */
export function goJsonCompact(v: GoJsonValue): string {
  if (v === null || typeof v !== 'object') return scalar(v);
  if (Array.isArray(v)) return '[' + v.map(goJsonCompact).join(',') + ']';
  return '{' + objectEntries(v).map(([k, x]) => goJsonString(k) + ':' + goJsonCompact(x)).join(',') + '}';
}

/** `json.MarshalIndent(v, "", indent)`; empty objects and arrays stay `{}` / `[]` as in Go. */
export function goJsonIndent(v: GoJsonValue, indent = '    ', prefix = ''): string {
  if (v === null || typeof v !== 'object') return scalar(v);
  const inner = prefix + indent;
  if (Array.isArray(v)) {
    if (!v.length) return '[]';
    return '[\n' + v.map((x) => inner + goJsonIndent(x, indent, inner)).join(',\n') + '\n' + prefix + ']';
  }
  const entries = objectEntries(v);
  if (!entries.length) return '{}';
  return '{\n' + entries.map(([k, x]) => inner + goJsonString(k) + ': ' + goJsonIndent(x, indent, inner)).join(',\n') + '\n' + prefix + '}';
}

function scalar(v: string | number | boolean | null): string {
  if (typeof v === 'string') return goJsonString(v);
  return JSON.stringify(v);
}

/** Go's byte-order string comparison (UTF-8 byte order equals code point order, not UTF-16 order). */
export function goCompare(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
