/**
 * kubectl's env-file reader (`cmdutil.AddFromEnvFile`), with its quirks kept on purpose so the output matches:
 * no quotes or `export` handling, untrimmed values, `KEY` alone takes the value from the environment, and a
 * line of 64 KiB or more silently ends the file (bufio.Scanner's limit, whose error kubectl ignores).
 * kubectl's messages quote the bad line (a `PASSWORD: hunter2` typed without `=` is all key); each error also
 * carries the same by line, column and what was expected, which the wizards show (ManifestError's comment).
 */
import { ManifestError } from './manifestError';
import { ENV_KEY_EXPECTED, envKeyBadIndex, envKeyError } from './keyRules';

const MAX_LINE = 64 * 1024;
const BOM = [0xef, 0xbb, 0xbf];
// Go's unicode.IsSpace; unlike JS `\s` it does not include U+FEFF, so a stray BOM stays part of the key.
const GO_LEADING_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

export interface EnvEntry {
  key: string;
  value: string;
}

export function parseEnvFile(
  content: Uint8Array,
  displayPath: string,
  env: (name: string) => string | undefined,
): EnvEntry[] {
  const entries: EnvEntry[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let lineNo = 0;
  for (let line of scanLines(content)) {
    let text: string;
    try {
      text = decoder.decode(line);
    } catch {
      throw new ManifestError(
        `env file ${displayPath} contains invalid utf8 bytes at line ${lineNo + 1}: [${[...line].join(' ')}]`,
        `env file ${displayPath}, line ${lineNo + 1}, byte ${firstInvalidUtf8(line) + 1}: expected UTF-8 text`,
      );
    }
    if (lineNo === 0 && BOM.every((b, i) => line[i] === b)) {
      line = line.subarray(3);
      text = text.slice(1);
    }
    lineNo++;
    const trimmed = text.replace(GO_LEADING_SPACE, '');
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const eq = trimmed.indexOf('=');
    const key = eq < 0 ? trimmed : trimmed.slice(0, eq);
    const err = envKeyError(key);
    if (err) {
      const column = text.length - trimmed.length + envKeyBadIndex(key) + 1;
      throw new ManifestError(
        err,
        `env file ${displayPath}, line ${lineNo}, column ${column}: expected ${ENV_KEY_EXPECTED}`,
      );
    }
    entries.push({ key, value: eq < 0 ? (env(key) ?? '') : trimmed.slice(eq + 1) });
  }
  return entries;
}

/** The 0-based index of the first byte that makes `line` invalid UTF-8 (the line is known to be invalid). */
function firstInvalidUtf8(line: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  for (let i = 0; i < line.length; i++) {
    try {
      decoder.decode(line.subarray(i, i + 1), { stream: true });
    } catch {
      return i;
    }
  }
  // A sequence cut short by the end of the line: the error is where the line ends.
  return line.length;
}

/** bufio.ScanLines: lines without `\n` and without one trailing `\r`; stops at an over-long line. */
function* scanLines(content: Uint8Array): Generator<Uint8Array> {
  let start = 0;
  while (start < content.length) {
    const nl = content.indexOf(0x0a, start);
    const end = nl < 0 ? content.length : nl;
    // The scanner's buffer must hold the line and its newline; 64 KiB without a newline in it is "too long".
    if (end - start >= MAX_LINE) return;
    let line = content.subarray(start, end);
    if (line.length && line[line.length - 1] === 0x0d) line = line.subarray(0, line.length - 1);
    yield line;
    if (nl < 0) return;
    start = nl + 1;
  }
}
