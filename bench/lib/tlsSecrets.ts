/**
 * TLS secrets for the heap row of certificate facts: every secret holds the same certificate chain, key and CA,
 * each value padded with text around its PEM blocks (which PEM allows and Go's pem.Decode skips) to a given size.
 * What the catalog keeps of them should depend on the certificates, not on the padding.
 */
import { daysFrom, makeCertificate } from '../../test/support/certificates';
import type { GeneratedSecret } from './specs';

export function tlsSecrets(count: number, valueBytes: number): GeneratedSecret[] {
  const now = new Date('2026-01-01T00:00:00Z');
  const ca = makeCertificate({ cn: 'bench CA', key: 'rsa', ca: true, notBefore: now, notAfter: daysFrom(now, 3650) });
  const leaf = makeCertificate({
    cn: 'pachd.bench.example',
    sans: ['DNS:pachd.bench.example', 'IP:10.0.0.1'],
    issuer: ca,
    notBefore: now,
    notAfter: daysFrom(now, 365),
  });
  const padded = (pem: string) => {
    const room = Math.max(0, valueBytes - pem.length);
    const line = '# padding around the PEM blocks, as a bundle with comments has\n';
    const before = line.repeat(Math.ceil(room / 2 / line.length)).slice(0, Math.floor(room / 2));
    const after = line.repeat(Math.ceil(room / 2 / line.length) + 1).slice(0, room - before.length);
    return Buffer.from(`${before}\n${pem}${after}`).toString('base64');
  };
  const data = { 'tls.crt': padded(leaf.cert + ca.cert), 'tls.key': padded(leaf.key), 'ca.crt': padded(ca.cert) };
  return Array.from({ length: count }, (_, i) => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: `tls-${i}`, namespace: 'default', creationTimestamp: '2026-01-01T00:00:00Z' },
    type: 'kubernetes.io/tls',
    data: { ...data },
  }));
}
