/**
 * A throw-away certificate authority, a server certificate for 127.0.0.1 / localhost, and client certificates
 * signed by that CA, made with the openssl CLI: clients (kubectl, client-node) verify the server against
 * `certificate-authority-data`, and the server verifies client certificates against the same CA, exactly as a real
 * cluster does, so TLS paths are exercised rather than switched off.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CertificateAuthority {
  caPem: string;
  /** Kept in memory only, so the cluster can issue client certificates while it runs. */
  caKeyPem: string;
}

export interface ServerCertificates extends CertificateAuthority {
  certPem: string;
  keyPem: string;
}

export interface KeyPair {
  certPem: string;
  keyPem: string;
}

/** Runs openssl steps in a private temporary folder that is gone afterwards, whatever happens. */
function inScratchDir<T>(work: (file: (name: string) => string, openssl: (...args: string[]) => void) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'local-cluster-ca-'));
  const file = (name: string): string => join(dir, name);
  const openssl = (...args: string[]): void => {
    execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  };
  try {
    return work(file, openssl);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A new key and a certificate for `subject`, signed by `ca` with the given X.509 v3 extensions. */
function signed(ca: CertificateAuthority, subject: string, extensions: string[]): KeyPair {
  return inScratchDir((f, openssl) => {
    writeFileSync(f('ca.crt'), ca.caPem);
    writeFileSync(f('ca.key'), ca.caKeyPem, { mode: 0o600 });
    // EC keys: generation is instant, which matters because every test starts its own cluster.
    openssl('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', f('leaf.key'));
    openssl('req', '-new', '-key', f('leaf.key'), '-subj', subject, '-out', f('leaf.csr'));
    writeFileSync(f('ext.cnf'), [...extensions, ''].join('\n'));
    openssl(
      'x509',
      '-req',
      '-in',
      f('leaf.csr'),
      '-CA',
      f('ca.crt'),
      '-CAkey',
      f('ca.key'),
      '-CAcreateserial',
      '-days',
      '30',
      '-sha256',
      '-extfile',
      f('ext.cnf'),
      '-out',
      f('leaf.crt'),
    );
    return { certPem: readFileSync(f('leaf.crt'), 'utf8'), keyPem: readFileSync(f('leaf.key'), 'utf8') };
  });
}

export function generateCertificateAuthority(): CertificateAuthority {
  return inScratchDir((f, openssl) => {
    openssl('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', f('ca.key'));
    openssl(
      'req',
      '-x509',
      '-new',
      '-key',
      f('ca.key'),
      '-sha256',
      '-days',
      '30',
      '-subj',
      '/CN=local-cluster-ca',
      '-out',
      f('ca.crt'),
    );
    return { caPem: readFileSync(f('ca.crt'), 'utf8'), caKeyPem: readFileSync(f('ca.key'), 'utf8') };
  });
}

export function generateCertificates(): ServerCertificates {
  const ca = generateCertificateAuthority();
  const server = signed(ca, '/CN=local-cluster', [
    'basicConstraints=CA:FALSE',
    'keyUsage=digitalSignature,keyEncipherment',
    'extendedKeyUsage=serverAuth',
    'subjectAltName=IP:127.0.0.1,DNS:localhost',
  ]);
  return { ...ca, ...server };
}

/** openssl's `-subj` syntax: `/` separates fields, so one inside a value is escaped. */
const subjectValue = (v: string): string => v.replace(/[\\/+=]/g, (c) => `\\${c}`);

/**
 * A client certificate as kubeadm issues them: the user is the subject's CN, each group an O. The API server takes
 * the identity from these fields once the certificate verifies against its CA.
 */
export function issueClientCertificate(ca: CertificateAuthority, user: string, groups: string[] = []): KeyPair {
  const subject = [...groups.map((g) => `/O=${subjectValue(g)}`), `/CN=${subjectValue(user)}`].join('');
  return signed(ca, subject, [
    'basicConstraints=CA:FALSE',
    'keyUsage=digitalSignature,keyEncipherment',
    'extendedKeyUsage=clientAuth',
  ]);
}
