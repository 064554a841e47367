/**
 * Names and sizes of the files in a zip (a VSIX is one), read from its central directory, so the VSIX test needs
 * no unzip tool on the machine.
 */
import { readFileSync } from 'node:fs';

export interface ZipEntry {
  name: string;
  size: number;
}

export function zipEntries(file: string): ZipEntry[] {
  const buf = readFileSync(file);
  // The end-of-central-directory record is in the last 22 + 65535 (max comment) bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file (no end-of-central-directory record)`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${i}`);
    const size = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    entries.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLength), size });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
