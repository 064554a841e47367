/**
 * kubectl's env-file reader (`cmdutil.AddFromEnvFile`), with its quirks kept on purpose so the output matches:
 * no quotes or `export` handling, untrimmed values, `KEY` alone takes the value from the environment, and a
 * line of 64 KiB or more silently ends the file (bufio.Scanner's limit, whose error kubectl ignores).
 */
import { ManifestError } from './manifestError';
import { envKeyError } from './keyRules';

const MAX_LINE = 64 * 1024;
const BOM = [0xef, 0xbb, 0xbf];
// Go's unicode.IsSpace; unlike JS `\s` it does not include U+FEFF, so a stray BOM stays part of the key.
const GO_LEADING_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

export interface EnvEntry {
  key: string;
  value: string;
}

export function parseEnvFile(content: Uint8Array, displayPath: string, env: (name: string) => string | undefined): EnvEntry[] {
  const entries: EnvEntry[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let lineNo = 0;
  for (let line of scanLines(content)) {
    let text: string;
    try {
      text = decoder.decode(line);
    } catch {
      throw new ManifestError(`env file ${displayPath} contains invalid utf8 bytes at line ${lineNo + 1}: [${[...line].join(' ')}]`);
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
    if (err) throw new ManifestError(err);
    entries.push({ key, value: eq < 0 ? (env(key) ?? '') : trimmed.slice(eq + 1) });
  }
  return entries;
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
