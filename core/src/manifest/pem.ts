/**
 * Go's `encoding/pem.Decode`, enough of it to find blocks the way `tls.X509KeyPair` does: text before a block
 * is skipped, a block needs a matching END line, and a malformed block is skipped in favour of the next one.
 */
export interface PemBlock {
  type: string;
  bytes: Buffer;
}

const BEGIN = '-----BEGIN ';
const END = '-----END ';
const TAIL = '-----';

export function decodePemBlocks(input: Uint8Array): PemBlock[] {
  const text = Buffer.from(input).toString('latin1');
  const blocks: PemBlock[] = [];
  let rest = text;
  for (;;) {
    const block = decodeOne(rest);
    if (!block) return blocks;
    blocks.push(block.block);
    rest = block.rest;
  }
}

function decodeOne(data: string): { block: PemBlock; rest: string } | undefined {
  for (;;) {
    let start: number;
    if (data.startsWith(BEGIN)) start = 0;
    else {
      const i = data.indexOf('\n' + BEGIN);
      if (i < 0) return undefined;
      start = i + 1;
    }
    data = data.slice(start + BEGIN.length);
    const lineEnd = data.search(/\r?\n|$/);
    const typeLine = data.slice(0, lineEnd).replace(/[ \t\r]+$/, '');
    const afterType = data.slice(lineEnd).replace(/^\r?\n/, '');
    if (!typeLine.endsWith(TAIL)) continue;
    const type = typeLine.slice(0, -TAIL.length);
    const endMarker = '\n' + END + type + TAIL;
    let bodyAndEnd = afterType;
    // Headers ("Key: value" lines) are allowed and ignored; we only need the base64 body.
    let endIdx: number;
    if (bodyAndEnd.startsWith(END + type + TAIL)) endIdx = -1;
    else {
      endIdx = bodyAndEnd.indexOf(endMarker);
      if (endIdx < 0) continue;
    }
    let body = endIdx < 0 ? '' : bodyAndEnd.slice(0, endIdx);
    body = body.split(/\r?\n/).filter((l) => !/^[^:\s]+:/.test(l) || /^[A-Za-z0-9+/=\s]*$/.test(l)).join('');
    const compact = body.replace(/[ \t\r\n]/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) continue;
    const after = bodyAndEnd.slice((endIdx < 0 ? 0 : endIdx + 1) + (END + type + TAIL).length);
    const rest = after.replace(/^[ \t]*\r?\n?/, '');
    bodyAndEnd = '';
    return { block: { type, bytes: Buffer.from(compact, 'base64') }, rest };
  }
}
