/**
 * Shows control characters instead of letting them act. File names, secret names and an API server's messages
 * can hold terminal control sequences ("\x1b[31m", "\r", a bidi override); shown raw they recolour or rewrite a
 * terminal, hide a line in a CI log, or reorder what a tooltip reads. Each such character is written the way
 * Go's %q writes it (kubectl's own quoting): `\x1b`, `\r`, `\u009b`, `\u202e`. A byte that was not valid UTF-8
 * (kept as a lone surrogate, see core/src/manifest/rawBytes.ts) is shown as `\xNN`. Nothing is dropped, so the
 * text still says everything it said. The CLI (cli/src/terminalText.ts) and server messages (serverText.ts in
 * core/src/kubeApi) both use this.
 */

const NAMED: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
};

// DEL, the C1 controls, the bidi marks, embeddings, overrides and isolates, the line and paragraph separators,
// and lone surrogates; the C0 controls are added below (with or without the line feed).
const OTHERS =
  String.raw`\x7f-\x9f\u200e\u200f\u2028-\u202e\u2066-\u2069]` +
  String.raw`|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]`;
const UNSAFE = new RegExp(String.raw`[\x00-\x1f` + OTHERS, 'g');
const UNSAFE_KEEPING_NEWLINES = new RegExp(String.raw`[\x00-\x09\x0b-\x1f` + OTHERS, 'g');

function shown(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const c = ch.charCodeAt(0);
  if (c < 0x80) return '\\x' + c.toString(16).padStart(2, '0');
  if (c >= 0xdc80 && c <= 0xdcff) return '\\x' + (c - 0xdc00).toString(16);
  return '\\u' + c.toString(16).padStart(4, '0');
}

/** One value inside a line (a path, a name, a message): every control shown, newlines included. */
export function visibleLine(s: string): string {
  return s.replace(UNSAFE, shown);
}

/** A whole block of text: line breaks kept, every other control shown. */
export function visibleText(s: string): string {
  return s.replace(UNSAFE_KEEPING_NEWLINES, shown);
}
