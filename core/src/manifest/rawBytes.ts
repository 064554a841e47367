/**
 * Bytes that are not valid UTF-8 carried through a JavaScript string and back, unchanged. Command-line
 * arguments and file names are bytes on Linux; kubectl keeps them as they are (a `--from-literal` value of
 * 0xff 0xfe is stored as those two bytes), while a plain UTF-8 decode turns each bad byte into U+FFFD and loses
 * it. Here each byte that is not part of a valid UTF-8 sequence becomes the lone surrogate U+DC80..U+DCFF (the
 * scheme Python calls "surrogateescape"); valid UTF-8 can never decode to a lone surrogate, so the way back is
 * exact.
 */

/** UTF-8 bytes as text, each invalid byte kept as a lone surrogate U+DC00 + byte. */
export function bytesToText(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const c = bytes[i];
    if (c < 0x80) {
      out += String.fromCharCode(c);
      i++;
      continue;
    }
    const cp = sequenceAt(bytes, i);
    if (cp === undefined) {
      out += String.fromCharCode(0xdc00 + c);
      i++;
    } else {
      out += String.fromCodePoint(cp.value);
      i += cp.length;
    }
  }
  return out;
}

/** The valid UTF-8 sequence starting at `i` (no overlong forms, no surrogates, at most U+10FFFF). */
function sequenceAt(bytes: Uint8Array, i: number): { value: number; length: number } | undefined {
  const c = bytes[i];
  let extra: number;
  let value: number;
  let min: number;
  if (c >= 0xc2 && c <= 0xdf) [extra, value, min] = [1, c & 0x1f, 0x80];
  else if (c >= 0xe0 && c <= 0xef) [extra, value, min] = [2, c & 0x0f, 0x800];
  else if (c >= 0xf0 && c <= 0xf4) [extra, value, min] = [3, c & 0x07, 0x10000];
  else return undefined;
  if (i + extra >= bytes.length) return undefined;
  for (let k = 1; k <= extra; k++) {
    const b = bytes[i + k];
    if ((b & 0xc0) !== 0x80) return undefined;
    value = (value << 6) | (b & 0x3f);
  }
  if (value < min || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return undefined;
  return { value, length: extra + 1 };
}

/** The bytes `bytesToText` read: UTF-8, with each lone surrogate U+DC80..U+DCFF back as its byte. */
export function textToBytes(text: string): Buffer {
  const parts: Buffer[] = [];
  let run = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (ch.length === 1 && c >= 0xdc80 && c <= 0xdcff) {
      if (run) parts.push(Buffer.from(run, 'utf8'));
      run = '';
      parts.push(Buffer.of(c - 0xdc00));
    } else run += ch;
  }
  if (!parts.length) return Buffer.from(run, 'utf8');
  if (run) parts.push(Buffer.from(run, 'utf8'));
  return Buffer.concat(parts);
}
