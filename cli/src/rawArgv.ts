/**
 * The command-line arguments with their bytes intact. Node decodes argv as UTF-8 before any script runs, so an
 * argument holding bytes that are not UTF-8 (`--from-literal=k=$'\xff\xfe'`) reaches process.argv as U+FFFD
 * and the bytes are gone; kubectl stores them as they are. On Linux the kernel keeps the original bytes in
 * /proc/self/cmdline: this reads them back and carries any invalid byte as a lone surrogate
 * (core/src/manifest/rawBytes.ts), which the builders turn back into that byte. Elsewhere (macOS has no
 * /proc; Windows passes arguments as UTF-16, so no bytes are lost there) process.argv is used as it is.
 */
import { readFileSync } from 'node:fs';
import { bytesToText } from '../../core/src/manifest';

/** The user's arguments (process.argv without node and the script), bytes kept where the OS allows. */
export function userArguments(argv: readonly string[] = process.argv, cmdline = readCmdline()): string[] {
  const decoded = argv.slice(2);
  if (!cmdline) return decoded;
  // NUL-terminated arguments; node's own options come first, so the user's are the last ones.
  const all = cmdline.length && cmdline[cmdline.length - 1] === 0 ? cmdline.subarray(0, cmdline.length - 1) : cmdline;
  const parts = splitOnNul(all);
  if (parts.length < decoded.length) return decoded;
  const raw = parts.slice(parts.length - decoded.length);
  // Only when every argument decodes to what node saw is the match certain (a truncated or rewritten
  // cmdline would shift them).
  if (!raw.every((bytes, i) => bytes.toString('utf8') === decoded[i])) return decoded;
  return raw.map(bytesToText);
}

function readCmdline(): Buffer | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    return readFileSync('/proc/self/cmdline');
  } catch {
    return undefined;
  }
}

function splitOnNul(bytes: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0) {
      parts.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  return parts;
}
