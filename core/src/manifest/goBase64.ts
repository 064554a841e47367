/**
 * Whether the API server can read a Secret's `data` value, and how many bytes it holds, without decoding it.
 * `Secret.data` is a `map[string][]byte` (kubernetes/api core/v1/types.go), and Go's encoding/json reads a
 * `[]byte` from a JSON string with `base64.StdEncoding.Decode` (golang/go src/encoding/json/decode.go,
 * `literalStore`; the API server's sigs.k8s.io/json is a fork of it that keeps this). StdEncoding
 * (golang/go src/encoding/base64/base64.go, `decodeQuantum`) takes the standard alphabet only (`+` and `/`, not
 * the URL-safe `-` and `_`), needs the `=` padding, skips `\r` and `\n` anywhere, refuses every other
 * character (spaces and tabs too) and anything after the padding, and is not strict: unused low bits of the
 * last character may be set. kubectl turns YAML into JSON first (sigs.k8s.io/yaml), so a YAML value is the
 * string YAML reads: a plain scalar folded over several lines has a space at each break, a `|` block keeps
 * its line feeds, which Go skips.
 *
 * Only counts and a kind of problem leave this file: the value is never copied, decoded or quoted.
 */

/** Why a value is not Go standard base64, in words that quote nothing of it. */
export type Base64Problem = 'whitespace' | 'url-alphabet' | 'character' | 'padding' | 'after-padding';

export type Base64Check = { ok: true; bytes: number } | { ok: false; problem: Base64Problem };

export const BASE64_PROBLEM_TEXT: Record<Base64Problem, string> = {
  whitespace:
    'it holds a space or a tab (a YAML value folded over several lines gets a space at each line break: ' +
    'write it on one line or as a `|` block)',
  'url-alphabet': "it uses the URL-safe alphabet ('-' or '_'); Go's standard base64 has '+' and '/'",
  character: 'it holds a character outside the base64 alphabet',
  padding: "its '=' padding is missing, short or misplaced (a base64 text is a multiple of 4 characters)",
  'after-padding': "there is more after its '=' padding",
};

const ALPHABET = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') ALPHABET[c.charCodeAt(0)] = 1;

const LF = 10;
const CR = 13;
const PAD = 61; // '='

function badCharacter(c: number): Base64Problem {
  if (c === 32 || c === 9) return 'whitespace';
  if (c === 45 || c === 95) return 'url-alphabet';
  return 'character';
}

/** Go's `base64.StdEncoding.Decode` verdict on `value`, and the decoded size when it reads. */
export function checkGoBase64(value: string): Base64Check {
  let chars = 0;
  let pads = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === LF || c === CR) continue;
    if (c === PAD) {
      pads++;
      continue;
    }
    if (pads) return { ok: false, problem: c < 128 && ALPHABET[c] ? 'after-padding' : badCharacter(c) };
    if (c >= 128 || !ALPHABET[c]) return { ok: false, problem: badCharacter(c) };
    chars++;
  }
  // A quantum is 4 characters: 2 data characters and "==", or 3 and "=", or 4 and none.
  const rest = chars % 4;
  const needPads = rest === 0 ? 0 : 4 - rest;
  if (rest === 1 || pads < needPads || (pads > 0 && needPads === 0)) return { ok: false, problem: 'padding' };
  if (pads > needPads) return { ok: false, problem: 'after-padding' };
  return { ok: true, bytes: Math.floor(chars / 4) * 3 + (rest === 0 ? 0 : rest - 1) };
}
