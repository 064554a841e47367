/**
 * The check `kubectl create secret tls` makes: Go's `tls.X509KeyPair(cert, key)`, with its messages, done with
 * Node's crypto (X509Certificate, createPrivateKey, createPublicKey) rather than parsing ASN.1 by hand.
 */
import { X509Certificate, createPrivateKey, createPublicKey, type KeyObject, type JsonWebKey } from 'node:crypto';
import { ManifestError } from './manifestError';
import { decodePemBlocks } from './pem';

/** Throws a ManifestError worded as Go's crypto/tls when the pair would not load. */
export function checkTlsKeyPair(certPem: Uint8Array, keyPem: Uint8Array): void {
  const certBlocks = decodePemBlocks(certPem);
  const certDer = certBlocks.filter((b) => b.type === 'CERTIFICATE').map((b) => b.bytes);
  if (!certDer.length) {
    const skipped = certBlocks.map((b) => b.type);
    if (skipped.length === 0) fail('tls: failed to find any PEM data in certificate input');
    if (skipped.length === 1 && skipped[0].endsWith('PRIVATE KEY')) {
      fail(
        'tls: failed to find certificate PEM data in certificate input, ' +
          'but did find a private key; PEM inputs may have been switched',
      );
    }
    fail(
      `tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following ` +
        `types: [${skipped.join(' ')}]`,
    );
  }

  const skippedKeys: string[] = [];
  let keyDer: Buffer | undefined;
  for (const block of decodePemBlocks(keyPem)) {
    if (block.type === 'PRIVATE KEY' || block.type.endsWith(' PRIVATE KEY')) {
      keyDer = block.bytes;
      break;
    }
    skippedKeys.push(block.type);
  }
  if (!keyDer) {
    if (skippedKeys.length === 0) fail('tls: failed to find any PEM data in key input');
    if (skippedKeys.length === 1 && skippedKeys[0] === 'CERTIFICATE')
      fail('tls: found a certificate rather than a key in the PEM for the private key');
    fail(
      `tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the ` +
        `following types: [${skippedKeys.join(' ')}]`,
    );
  }

  let cert: X509Certificate;
  try {
    cert = new X509Certificate(certDer[0]);
  } catch {
    fail('x509: malformed certificate');
  }
  const privateKey = parsePrivateKey(keyDer);
  const certKey = jwkOf(cert.publicKey);
  const ownKey = jwkOf(createPublicKey(privateKey));
  const kind = cert.publicKey.asymmetricKeyType;
  if (kind !== 'rsa' && kind !== 'ec' && kind !== 'ed25519') fail('tls: unknown public key algorithm');
  if (privateKey.asymmetricKeyType !== kind) fail('tls: private key type does not match public key type');
  const same =
    kind === 'rsa'
      ? certKey.n === ownKey.n
      : kind === 'ec'
        ? certKey.x === ownKey.x && certKey.y === ownKey.y
        : certKey.x === ownKey.x;
  if (!same) fail('tls: private key does not match public key');
}

/** Go tries PKCS#1, then PKCS#8, then SEC 1, whatever the PEM type says. */
function parsePrivateKey(der: Buffer): KeyObject {
  for (const type of ['pkcs1', 'pkcs8', 'sec1'] as const) {
    try {
      return createPrivateKey({ key: der, format: 'der', type });
    } catch {
      // try the next encoding
    }
  }
  fail('tls: failed to parse private key');
}

function jwkOf(key: KeyObject): JsonWebKey {
  return key.export({ format: 'jwk' });
}

function fail(message: string): never {
  throw new ManifestError(message);
}
