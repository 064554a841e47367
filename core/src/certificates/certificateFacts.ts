/**
 * The public facts of the certificates a secret holds, read when the secret arrives (core/src/catalog/secretMeta.ts)
 * so that the catalog can keep them after the value is dropped. Only what a certificate tells anyone who connects
 * is kept: names, issuer, dates and the kind of key; never the PEM text, and never anything of a private key but
 * whether it matches.
 */
import { X509Certificate } from 'node:crypto';
import { decodePemBlocks } from '../manifest/pem';
import { checkTlsKeyPair } from '../manifest/tlsPair';
import { visibleLine } from '../text/controlCharacters';

export interface CertificateFacts {
  /** The subject's common name, when it has one. */
  subjectCN?: string;
  /** The issuer's common name, or its whole distinguished name when it has none. */
  issuer: string;
  /** Subject alternative names as `DNS:…`, `IP Address:…`, `email:…`, `URI:…`; the first MAX_SANS of them. */
  sans: string[];
  /** How many SANs the certificate has (more than `sans` holds when it has very many). */
  sanCount: number;
  /** RFC 3339 (UTC): the leaf's validity. */
  notBefore: string;
  notAfter: string;
  /** `RSA`, `EC`, `Ed25519`, … */
  keyAlgorithm: string;
  /** Bits of the public key (the modulus for RSA, the curve's size for EC). */
  keySize?: number;
  /** The named curve of an EC key (`prime256v1`, …). */
  curve?: string;
  /** Certificates in the value: 1 for a leaf alone; the leaf is the first and the one the dates are of. */
  chainLength: number;
  /** Set on `tls.crt` when the secret also has `tls.key`: whether that key is the certificate's. */
  keyMatches?: boolean;
}

/** Bounds on what is kept of one certificate, so the catalog grows with names and keys, not with odd certificates. */
export const MAX_SANS = 20;
const MAX_TEXT = 256;
/** A value holds at most 1 MiB, so at most a few thousand blocks; counting stops here. */
const MAX_CHAIN_COUNT = 10_000;

const PEM_CERTIFICATE = Buffer.from('-----BEGIN CERTIFICATE-----');

/** Whether a value could hold PEM certificates: cheap enough to ask of every key of every secret. */
export function mayHoldCertificates(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(PEM_CERTIFICATE);
}

/**
 * The facts of the certificates in a PEM value (text around and between the blocks is allowed, as Go's pem.Decode
 * skips it), or undefined when it holds none that parses. Never throws.
 */
export function certificateFacts(bytes: Uint8Array): CertificateFacts | undefined {
  if (!mayHoldCertificates(bytes)) return undefined;
  const certificates = decodePemBlocks(bytes).filter((b) => b.type === 'CERTIFICATE');
  if (!certificates.length) return undefined;
  let leaf: X509Certificate;
  try {
    leaf = new X509Certificate(certificates[0].bytes);
  } catch {
    return undefined;
  }
  const sans = splitNames(leaf.subjectAltName ?? '');
  const key = publicKeyFacts(leaf);
  const subjectCN = commonName(leaf.subject);
  return {
    ...(subjectCN !== undefined ? { subjectCN } : {}),
    issuer: bounded(commonName(leaf.issuer) ?? leaf.issuer.split('\n').join(', ')),
    sans: sans.slice(0, MAX_SANS).map(bounded),
    sanCount: sans.length,
    notBefore: rfc3339(leaf.validFrom),
    notAfter: rfc3339(leaf.validTo),
    ...key,
    chainLength: Math.min(certificates.length, MAX_CHAIN_COUNT),
  };
}

/** Whether `tls.key` is the private key of `tls.crt`'s leaf, as `kubectl create secret tls` would judge it. */
export function keyMatchesCertificate(certPem: Uint8Array, keyPem: Uint8Array): boolean {
  try {
    checkTlsKeyPair(certPem, keyPem);
    return true;
  } catch {
    return false;
  }
}

function publicKeyFacts(cert: X509Certificate): Pick<CertificateFacts, 'keyAlgorithm' | 'keySize' | 'curve'> {
  const key = cert.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'rsa':
    case 'rsa-pss':
      return { keyAlgorithm: key.asymmetricKeyType === 'rsa' ? 'RSA' : 'RSA-PSS', keySize: details.modulusLength };
    case 'ec': {
      const curve = details.namedCurve;
      return { keyAlgorithm: 'EC', ...(curve ? { curve, keySize: CURVE_BITS[curve] } : {}) };
    }
    case 'ed25519':
      return { keyAlgorithm: 'Ed25519', keySize: 256 };
    case 'ed448':
      return { keyAlgorithm: 'Ed448', keySize: 456 };
    default:
      return { keyAlgorithm: String(key.asymmetricKeyType ?? 'unknown').toUpperCase() };
  }
}

const CURVE_BITS: Record<string, number> = {
  prime256v1: 256,
  secp256k1: 256,
  secp384r1: 384,
  secp521r1: 521,
  prime192v1: 192,
  secp224r1: 224,
};

/** Node writes a distinguished name one attribute a line (`CN=…`); a multi-valued one joins with `+`. */
function commonName(dn: string): string | undefined {
  for (const line of dn.split('\n')) if (line.startsWith('CN=')) return bounded(unquote(line.slice(3)));
  return undefined;
}

/**
 * Node's `subjectAltName` is `DNS:a, IP Address:1.2.3.4, …`, with a name that holds a comma or quote written as a
 * JSON string (`DNS:"a, b"`), so the list is split outside quotes.
 */
function splitNames(list: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === '\\' && quoted) {
      current += c + (list[++i] ?? '');
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === ',' && !quoted && list[i + 1] === ' ') {
      out.push(current);
      current = '';
      i++;
      continue;
    }
    current += c;
  }
  if (current) out.push(current);
  return out.map((name) => {
    const colon = name.indexOf(':');
    return colon < 0 ? name : name.slice(0, colon + 1) + unquote(name.slice(colon + 1));
  });
}

function unquote(text: string): string {
  if (!text.startsWith('"')) return text;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'string' ? parsed : text;
  } catch {
    return text;
  }
}

/** Control characters shown, not kept (a name is shown in tooltips and terminals), and a bound on length. */
function bounded(raw: string): string {
  const text = visibleLine(raw);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

/** `Jan  1 00:00:00 2030 GMT` (OpenSSL's form) → `2030-01-01T00:00:00Z`. */
function rfc3339(openssl: string): string {
  const ms = Date.parse(openssl);
  return Number.isNaN(ms) ? openssl : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
