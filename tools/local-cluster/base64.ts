// Base64 as the API server decodes a Secret's `data`. It has a file of its own because it depends on nothing:
// the write-path normalisation in objects.ts uses it, and keeping it beside the validation rules tied those two
// files into an import cycle.

/**
 * Go's StdEncoding decoding (as encoding/json does for []byte), ported from encoding/base64 decodeQuantum: the
 * offset Go reports for the first problem, or undefined when the text is valid base64. Line breaks are skipped.
 */
export function base64ErrorOffset(src: string): number | undefined {
  const alphabet = /[A-Za-z0-9+/]/;
  const skipNewlines = (i: number): number => {
    while (i < src.length && (src[i] === '\n' || src[i] === '\r')) i++;
    return i;
  };
  let si = 0;
  while (si < src.length) {
    let j = 0;
    for (; j < 4; j++) {
      si = skipNewlines(si);
      if (si === src.length) {
        if (j === 0) return undefined;
        return si - j;
      }
      const c = src[si++];
      if (c === '=') {
        if (j < 2) return si - 1;
        if (j === 2) {
          si = skipNewlines(si);
          if (si === src.length) return src.length;
          if (src[si] !== '=') return si - 1;
          si++;
        }
        si = skipNewlines(si);
        return si < src.length ? si : undefined;
      }
      if (!alphabet.test(c)) return si - 1;
    }
  }
  return undefined;
}
