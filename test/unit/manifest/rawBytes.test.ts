/** Bytes carried through text and back (core/src/manifest/rawBytes.ts), and the CLI's argv recovery from them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bytesToText, textToBytes } from '../../../core/src/manifest/rawBytes';
import { userArguments } from '../../../cli/src/rawArgv';

test('every byte string comes back exactly, and valid UTF-8 reads as plain text', () => {
  const samples = [
    Buffer.from('plain ascii'),
    Buffer.from('häßlich ✓ 𝄞'),
    Buffer.of(0xff, 0xfe),
    Buffer.of(0x61, 0xe2, 0x82), // a cut-off three-byte sequence
    Buffer.of(0xc0, 0xaf), // an overlong "/"
    Buffer.of(0xed, 0xa0, 0x80), // an encoded surrogate
    Buffer.of(0xf4, 0x90, 0x80, 0x80), // above U+10FFFF
    Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
  ];
  let seed = 7;
  for (let n = 0; n < 200; n++) {
    samples.push(
      Buffer.from(Array.from({ length: n % 17 }, () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff)),
    );
  }
  for (const bytes of samples) assert.deepEqual(textToBytes(bytesToText(bytes)), bytes, bytes.toString('hex'));
  assert.equal(bytesToText(Buffer.from('häßlich ✓ 𝄞')), 'häßlich ✓ 𝄞');
  assert.equal(bytesToText(Buffer.of(0x6b, 0xff)), 'k\udcff');
});

test('the user arguments come from /proc/self/cmdline only when they line up with what node decoded', () => {
  const nul = (...parts: Array<string | Buffer>) => Buffer.concat(parts.flatMap((p) => [Buffer.from(p), Buffer.of(0)]));
  const raw = Buffer.concat([Buffer.from('k='), Buffer.of(0xff, 0xfe)]);
  const argv = ['/usr/bin/node', '/x/cli.js', 'create', raw.toString('utf8')];
  // node's own options come before the script and are not the user's.
  const cmdline = nul('node', '--no-warnings', '/x/cli.js', 'create', raw);
  assert.deepEqual(userArguments(argv, cmdline), ['create', 'k=\udcff\udcfe']);
  // A cmdline that does not match (truncated, rewritten) is not trusted: node's decoding is used.
  assert.deepEqual(userArguments(argv, nul('node', '/x/cli.js', 'other', raw)), ['create', 'k=\ufffd\ufffd']);
  assert.deepEqual(userArguments(argv, undefined), ['create', 'k=\ufffd\ufffd']);
  assert.deepEqual(userArguments(['node', 'cli.js', ''], nul('node', 'cli.js', '')), ['']);
});
