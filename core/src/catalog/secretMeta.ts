import { certificateFacts, keyMatchesCertificate, type CertificateFacts } from '../certificates/certificateFacts';

/**
 * What the extension knows about one Secret: everything but its values.
 *
 * This is the only shape in which a secret leaves the cluster layer. The catalog, the tree, the language
 * server and the CLI's `check` all work on it, so a value cannot reach them by construction.
 */
export interface SecretKeyInfo {
  name: string;
  /** Size of the decoded value in bytes. */
  size: number;
  /** True when the decoded value is not printable UTF-8 text (keystores, DER certificates, …). */
  binary: boolean;
  /** When the value holds PEM certificates: their public facts (core/src/certificates), read before it is dropped. */
  certificate?: CertificateFacts;
}

export interface SecretMeta {
  name: string;
  namespace: string;
  /** Kubernetes Secret type, `Opaque` when the object has none. */
  type: string;
  /** Sorted by name. Keys from `data` and `stringData` alike. */
  keys: SecretKeyInfo[];
  labels: Record<string, string>;
  /** RFC 3339, as the API server sends it. */
  creationTimestamp?: string;
  /** The version the catalog saw: a change made from it carries it, so a newer one in the cluster is not lost. */
  resourceVersion?: string;
  uid?: string;
  /** `immutable: true`: the API server refuses any change to the data; only delete and recreate change it. */
  immutable?: boolean;
}

/** The parts of a Kubernetes Secret object this module reads (what client-node and `kubectl -o json` give). */
export interface SecretObject {
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    creationTimestamp?: string | Date;
    resourceVersion?: string;
    uid?: string;
  };
  type?: string;
  immutable?: boolean | null;
  data?: Record<string, string> | null;
  stringData?: Record<string, string> | null;
}

/** Labels `pachctl create secret` puts on the secrets it makes (and `pachctl list secret` filters on). */
export const PACHYDERM_SECRET_LABELS: Readonly<Record<string, string>> = Object.freeze({
  suite: 'pachyderm',
  'secret-source': 'pachyderm-user',
});

export function isPachydermManaged(meta: Pick<SecretMeta, 'labels'>): boolean {
  return meta.labels['secret-source'] === 'pachyderm-user';
}

/** The keys of a `kubernetes.io/tls` secret (k8s.io/api core/v1 `TLSCertKey`, `TLSPrivateKeyKey`). */
export const TLS_CERT_KEY = 'tls.crt';
export const TLS_PRIVATE_KEY = 'tls.key';

/** Registry credential types usable in `imagePullSecrets`. */
export const REGISTRY_SECRET_TYPES: ReadonlySet<string> = new Set([
  'kubernetes.io/dockerconfigjson',
  'kubernetes.io/dockercfg',
]);

/**
 * Reduces a Secret object to its metadata. Values are decoded only to measure them and are not kept:
 * the returned object shares no string with `data` or `stringData`.
 */
export function toSecretMeta(obj: SecretObject, fallbackNamespace = 'default'): SecretMeta {
  const md = obj.metadata ?? {};
  const keys = new Map<string, SecretKeyInfo>();
  // The TLS pair's values, held only until the pair is checked below.
  const pair: { crt?: Buffer; key?: Buffer } = {};
  const add = (name: string, bytes: Buffer) => {
    const certificate = certificateFacts(bytes);
    keys.set(name, { name, size: bytes.length, binary: !isText(bytes), ...(certificate ? { certificate } : {}) });
    if (name === TLS_CERT_KEY) pair.crt = bytes;
    if (name === TLS_PRIVATE_KEY) pair.key = bytes;
  };
  for (const [name, b64] of Object.entries(obj.data ?? {}))
    add(name, Buffer.from(typeof b64 === 'string' ? b64 : '', 'base64'));
  // stringData wins over data for the same key, as the API server merges it.
  for (const [name, text] of Object.entries(obj.stringData ?? {}))
    add(name, Buffer.from(typeof text === 'string' ? text : '', 'utf8'));
  const leaf = keys.get(TLS_CERT_KEY)?.certificate;
  if (leaf && pair.crt && pair.key) leaf.keyMatches = keyMatchesCertificate(pair.crt, pair.key);
  const created = md.creationTimestamp;
  return {
    name: md.name ?? '',
    namespace: md.namespace ?? fallbackNamespace,
    type: obj.type || 'Opaque',
    keys: [...keys.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    labels: { ...(md.labels ?? {}) },
    creationTimestamp: created instanceof Date ? created.toISOString().replace(/\.\d{3}Z$/, 'Z') : created,
    resourceVersion: md.resourceVersion,
    uid: md.uid,
    ...(obj.immutable === true ? { immutable: true } : {}),
  };
}

/** Valid UTF-8 with no control characters other than tab, newline and carriage return. */
export function isText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
}
