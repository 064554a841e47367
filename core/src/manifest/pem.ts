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
    const begin = data.startsWith(BEGIN) ? 0 : data.indexOf('\n' + BEGIN) + 1;
    if (begin === 0 && !data.startsWith(BEGIN)) return undefined;
    data = data.slice(begin + BEGIN.length);
    const lineEnd = data.search(/\r?\n|$/);
    const typeLine = data.slice(0, lineEnd).replace(/[ \t\r]+$/, '');
    if (!typeLine.endsWith(TAIL)) continue;
    const type = typeLine.slice(0, -TAIL.length);
    const endLine = END + type + TAIL;
    const afterType = data.slice(lineEnd).replace(/^\r?\n/, '');
    // The body runs to the matching END line; an empty body may put END right after the BEGIN line.
    const bodyEnd = afterType.startsWith(endLine) ? 0 : afterType.indexOf('\n' + endLine) + 1;
    if (bodyEnd === 0 && !afterType.startsWith(endLine)) continue;
    // "Key: value" header lines are allowed before the base64 and carry nothing we need.
    const body = afterType
      .slice(0, bodyEnd)
      .split(/\r?\n/)
      .filter((line) => !/^[^:\s]+:/.test(line))
      .join('')
      .replace(/[ \t\r\n]/g, '');
    // Go decodes strictly (padding included); a block that fails is skipped, as pem.Decode does.
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length % 4 !== 0) continue;
    const rest = afterType.slice(bodyEnd + endLine.length).replace(/^[ \t]*\r?\n?/, '');
    return { block: { type, bytes: Buffer.from(body, 'base64') }, rest };
  }
}
