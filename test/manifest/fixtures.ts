/**
 * One temp folder of inputs for the differential tests: plain, binary, CRLF and large files, directories
 * with dotfiles, subdirectories, symlinks and bad names, env files with every quirk of kubectl's reader, and
 * TLS material made by openssl (RSA, EC, Ed25519, PKCS#1/#8/SEC 1, chains, mismatches, garbage).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export function makeFixtures(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-manifest-'));
  const w = (name: string, content: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  };
  w('plain.txt', 'hello world\n');
  w('nonl.txt', 'no trailing newline');
  w('crlf.txt', 'line1\r\nline2\r\n');
  w('binary.bin', Buffer.from([0, 1, 2, 0xff, 0xfe, 0x80, 0x0a]));
  w('empty.txt', '');
  w('html.txt', '<a href="x">&amp;</a>');
  w('unicode.txt', 'héllo ✓ 日本\n');
  w('big.bin', Buffer.alloc(1258291, 0x61));
  w('a,b.txt', 'comma in name');
  w('docker.json', '{"auths":{"r.example.com":{"auth":"dTpw"}}}');
  w('notjson.txt', 'not json at all');
  fs.symlinkSync('plain.txt', path.join(dir, 'link.txt'));

  w('dir/one.txt', '1');
  w('dir/two.txt', '2');
  w('dir/.hidden', 'dot');
  w('dir/sub/deep.txt', 'skipped');
  fs.symlinkSync('../plain.txt', path.join(dir, 'dir/link-to-file'));
  fs.symlinkSync('sub', path.join(dir, 'dir/link-to-dir'));
  fs.mkdirSync(path.join(dir, 'emptydir'));
  w('onlysub/sub/x.txt', 'x');
  w('baddir/ok.txt', 'ok');
  w('baddir/bad name', 'bad');
  w('dotdotdir/..x', 'bad');
  w('eqdir/a=b', 'bad');
  w('dupdir/plain.txt', 'dup of plain');

  w('basic.env', 'A=1\nB=two words\n# comment\n\n   C=spaced\nD=\nE=a=b=c\n');
  w('quotes.env', 'Q="double quoted"\nS=\'single\'\nT=trailing  \nU=\t tab\nV=a # not a comment\n');
  w('bom.env', '\ufeffFIRST=1\nSECOND=2\n');
  w('laterbom.env', 'FIRST=1\n\ufeffX=2\n');
  w('crlf.env', 'A=1\r\nB=2\r\n');
  w('nonl.env', 'A=1\nB=last');
  w('fromenv.env', 'PS_DIFF_FROM_ENV\nPS_DIFF_UNSET_VAR\nLOCAL=x\n');
  w('digit.env', '1FOO=bar\n');
  w('space.env', 'FOO =bar\n');
  w('export.env', 'export FOO=bar\n');
  w('emptykey.env', '=bar\n');
  w('dup.env', 'A=1\nA=2\n');
  w('other.env', 'A=3\nZ=4\n');
  w('z.env', 'Z=9\n');
  w('validkeys.env', 'my-key.x=1\n.dot=2\n-dash=3\n_u=4\n');
  w('multiline.env', 'M="line one\nline two"\n');
  w('empty.env', '');
  w('comments.env', '# only\n\n  # comments\n');
  w('badutf8.env', Buffer.concat([Buffer.from('OK=1\nBA'), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]));
  w('long-ok.env', 'A=1\nL=' + 'x'.repeat(65533) + '\nB=2\n');
  w('long-stop.env', 'A=1\nL=' + 'x'.repeat(65534) + '\nB=2\n');
  w('unicodeval.env', 'U=héllo ✓\n');

  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const selfSigned = (key: string, crt: string, cn: string) =>
    ssl('req', '-x509', '-key', key, '-out', crt, '-subj', `/CN=${cn}`, '-days', '2');
  ssl('genrsa', '-traditional', '-out', 'rsa1.pkcs1.key', '2048');
  ssl('pkcs8', '-topk8', '-nocrypt', '-in', 'rsa1.pkcs1.key', '-out', 'rsa1.pkcs8.key');
  selfSigned('rsa1.pkcs1.key', 'rsa1.crt', 'rsa-one');
  ssl('genrsa', '-traditional', '-out', 'rsa2.key', '2048');
  selfSigned('rsa2.key', 'rsa2.crt', 'rsa-two');
  ssl('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'ec1.sec1.key');
  ssl('pkcs8', '-topk8', '-nocrypt', '-in', 'ec1.sec1.key', '-out', 'ec1.pkcs8.key');
  selfSigned('ec1.sec1.key', 'ec1.crt', 'ec-one');
  ssl('ecparam', '-name', 'secp384r1', '-genkey', '-noout', '-out', 'ec2.key');
  ssl('genpkey', '-algorithm', 'ed25519', '-out', 'ed.key');
  selfSigned('ed.key', 'ed.crt', 'ed');
  ssl('pkcs8', '-topk8', '-in', 'rsa1.pkcs1.key', '-passout', 'pass:secret', '-out', 'rsa1.encrypted.key');
  ssl('x509', '-in', 'rsa1.crt', '-outform', 'DER', '-out', 'rsa1.der');
  ssl(
    'rsa',
    '-in',
    'rsa1.pkcs1.key',
    '-traditional',
    '-aes128',
    '-passout',
    'pass:secret',
    '-out',
    'rsa1.proctype.key',
  );
  ssl('rsa', '-in', 'rsa1.pkcs1.key', '-outform', 'DER', '-out', 'rsa1.key.der');
  w('rsa1.text.crt', ssl('x509', '-in', 'rsa1.crt', '-text'));
  const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
  w('rsa1.crlf.crt', read('rsa1.crt').replace(/\n/g, '\r\n'));
  w('rsa1.crlf.key', read('rsa1.pkcs1.key').replace(/\n/g, '\r\n'));
  w('rsa1.preamble.key', 'Private key for rsa-one\n' + read('rsa1.pkcs1.key') + 'trailing text\n');
  w('rsa1.both.pem', read('rsa1.crt') + read('rsa1.pkcs1.key'));
  w('chain-leaf-first.crt', read('rsa1.crt') + read('rsa2.crt'));
  w('chain-other-first.crt', read('rsa2.crt') + read('rsa1.crt'));
  w('garbage.crt', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
  w('garbage.key', '-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n');
  w('foo.pem', '-----BEGIN FOO-----\nAAAA\n-----END FOO-----\n');
  w('foo-then-key.pem', read('foo.pem') + read('rsa1.pkcs1.key'));
  w('foo-then-crt.pem', read('foo.pem') + read('rsa1.crt'));
  w('nopem.txt', 'this is not PEM\n');
  writeLargeFixtures(w);
  return dir;
}

const MiB = 1024 * 1024;

/** Deterministic pseudo-random bytes (a sha256 chain), so a failing large case can be made again. */
export function pseudoRandomBytes(length: number, seed: string): Buffer {
  const out = Buffer.alloc(length);
  let block = createHash('sha256').update(seed).digest();
  for (let i = 0; i < length; i += block.length) {
    block.copy(out, i);
    block = createHash('sha256').update(block).digest();
  }
  return out;
}

/**
 * Values of several MiB: the writers stream them in pieces, and these hold the pieces' joins to kubectl's bytes.
 * `digits.bin` repeats bytes whose base64 is all `0`, which go-yaml reads back as a number and so quotes.
 */
function writeLargeFixtures(w: (name: string, content: string | Buffer) => void): void {
  w('large/random.bin', pseudoRandomBytes(3 * MiB + 1, 'random'));
  const line = 'line with spaces, "quotes", <html> & \t tabs\tand ünïcödé ✓ 日本 \ud83d\ude00 ';
  let text = '';
  for (let i = 0; text.length < 3 * MiB; i++) text += line.repeat(1 + (i % 7)) + (i % 5 ? '\n' : '\r\n');
  w('large/lines.txt', text);
  w('large/digits.bin', Buffer.alloc(3 * MiB, Buffer.from([0xd3, 0x4d, 0x34])));
  const digitsThenLetter = Buffer.alloc(3 * MiB, Buffer.from([0xd3, 0x4d, 0x34]));
  digitsThenLetter[digitsThenLetter.length - 1] = 0xff;
  w('large/digits-then-letter.bin', digitsThenLetter);
}
