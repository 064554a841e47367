/**
 * Go `encoding/json` output, which kubectl prints: HTML-safe escaping of `<`, `>`, `&`, U+2028/U+2029, short
 * escapes for \b \f \n \r \t (Go 1.22+), raw non-ASCII, keys in insertion order (callers order them as Go would:
 * struct order, or sorted for maps). A `Uint8Array` is Go's `[]byte`, which encoding/json writes as a base64
 * string; the writers produce that text a piece at a time, so a large file never becomes one huge string.
 */
import { ChunkedText, base64Pieces, collectText, type TextSink } from './textChunks';

export type GoJsonValue = string | number | boolean | null | Uint8Array | GoJsonValue[] | GoJsonObject;
/** Struct-like objects may be plain; maps whose keys could look like integers must be `Map`s (JS reorders those). */
export type GoJsonObject = Map<string, GoJsonValue> | { [key: string]: GoJsonValue };

export function objectEntries(v: GoJsonObject): [string, GoJsonValue][] {
  return v instanceof Map ? [...v] : Object.entries(v);
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** The characters Go escapes, plus surrogates (a lone one is invalid UTF-8 to Go); runs between them are copied. */
const NEEDS_CARE = /["\\\u0000-\u001f<>&\u2028\u2029\ud800-\udfff]/g;

/** Writes `s` as a Go JSON string: unescaped runs are copied as slices, never a character at a time. */
function writeGoJsonString(s: string, out: ChunkedText): void {
  out.write('"');
  let from = 0;
  NEEDS_CARE.lastIndex = 0;
  for (let m = NEEDS_CARE.exec(s); m; m = NEEDS_CARE.exec(s)) {
    const i = m.index;
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = s.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        // A valid pair is written raw: leave it in the run.
        NEEDS_CARE.lastIndex = i + 2;
        continue;
      }
      out.write(s.slice(from, i));
      // A lone surrogate is invalid UTF-8 to Go, which writes the replacement character.
      out.write('\\ufffd');
    } else {
      out.write(s.slice(from, i));
      out.write(SHORT_ESCAPES[s[i]] ?? '\\u' + c.toString(16).padStart(4, '0'));
    }
    from = i + 1;
  }
  out.write(s.slice(from));
  out.write('"');
}

/** Base64 needs no escaping in Go's JSON, so the pieces go out as they are made. */
function writeBytes(bytes: Uint8Array, out: ChunkedText): void {
  out.write('"');
  for (const piece of base64Pieces(bytes)) out.write(piece);
  out.write('"');
}

export function goJsonString(s: string): string {
  return collectText((sink) => {
    const out = new ChunkedText(sink);
    writeGoJsonString(s, out);
    out.flush();
  });
}

function isComposite(v: GoJsonValue): v is GoJsonValue[] | GoJsonObject {
  return v !== null && typeof v === 'object' && !(v instanceof Uint8Array);
}

function writeScalar(v: Exclude<GoJsonValue, GoJsonValue[] | GoJsonObject>, out: ChunkedText): void {
  if (typeof v === 'string') writeGoJsonString(v, out);
  else if (v instanceof Uint8Array) writeBytes(v, out);
  else out.write(JSON.stringify(v));
}

function writeCompact(v: GoJsonValue, out: ChunkedText): void {
  if (!isComposite(v)) return writeScalar(v, out);
  if (Array.isArray(v)) {
    out.write('[');
    v.forEach((x, i) => {
      if (i) out.write(',');
      writeCompact(x, out);
    });
    out.write(']');
    return;
  }
  out.write('{');
  objectEntries(v).forEach(([k, x], i) => {
    if (i) out.write(',');
    writeGoJsonString(k, out);
    out.write(':');
    writeCompact(x, out);
  });
  out.write('}');
}

function writeIndented(v: GoJsonValue, indent: string, prefix: string, out: ChunkedText): void {
  if (!isComposite(v)) return writeScalar(v, out);
  const inner = prefix + indent;
  const entries: [string | undefined, GoJsonValue][] = Array.isArray(v)
    ? v.map((x) => [undefined, x])
    : objectEntries(v);
  // Go writes empty objects and arrays as `{}` / `[]`.
  const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
  if (!entries.length) return out.write(open + close);
  out.write(open + '\n');
  entries.forEach(([k, x], i) => {
    if (i) out.write(',\n');
    out.write(inner);
    if (k !== undefined) {
      writeGoJsonString(k, out);
      out.write(': ');
    }
    writeIndented(x, indent, inner, out);
  });
  out.write('\n' + prefix + close);
}

/** `json.Marshal` (compact), written to `sink` in chunks. */
export function writeGoJsonCompact(v: GoJsonValue, sink: TextSink): void {
  const out = new ChunkedText(sink);
  writeCompact(v, out);
  out.flush();
}

/** `json.MarshalIndent(v, "", indent)` plus `suffix`, written to `sink` in chunks. */
export function writeGoJsonIndent(v: GoJsonValue, sink: TextSink, suffix = '', indent = '    '): void {
  const out = new ChunkedText(sink);
  writeIndented(v, indent, '', out);
  out.write(suffix);
  out.flush();
}

/** `json.Marshal`: compact. */
export function goJsonCompact(v: GoJsonValue): string {
  return collectText((sink) => writeGoJsonCompact(v, sink));
}

/** `json.MarshalIndent(v, "", indent)`; empty objects and arrays stay `{}` / `[]` as in Go. */
export function goJsonIndent(v: GoJsonValue, indent = '    ', prefix = ''): string {
  return collectText((sink) => {
    const out = new ChunkedText(sink);
    writeIndented(v, indent, prefix, out);
    out.flush();
  });
}

/** Go's byte-order string comparison (UTF-8 byte order equals code point order, not UTF-16 order). */
export function goCompare(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
