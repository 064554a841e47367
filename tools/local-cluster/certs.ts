/**
 * A throw-away certificate authority and a server certificate for 127.0.0.1 / localhost, made with the openssl
 * CLI at every start: clients (kubectl, client-node) verify the server against `certificate-authority-data` exactly
 * as they do against a real cluster, so TLS paths are exercised rather than switched off.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ServerCertificates {
  caPem: string;
  certPem: string;
  keyPem: string;
}

export function generateCertificates(): ServerCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'local-cluster-ca-'));
  const f = (name: string): string => join(dir, name);
  const openssl = (...args: string[]): void => {
    execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  };
  try {
    // EC keys: generation is instant, which matters because every test starts its own cluster.
    openssl('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', f('ca.key'));
    openssl('req', '-x509', '-new', '-key', f('ca.key'), '-sha256', '-days', '30', '-subj', '/CN=local-cluster-ca', '-out', f('ca.crt'));
    openssl('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', f('server.key'));
    openssl('req', '-new', '-key', f('server.key'), '-subj', '/CN=local-cluster', '-out', f('server.csr'));
    writeFileSync(
      f('ext.cnf'),
      ['basicConstraints=CA:FALSE', 'keyUsage=digitalSignature,keyEncipherment', 'extendedKeyUsage=serverAuth', 'subjectAltName=IP:127.0.0.1,DNS:localhost', ''].join('\n'),
    );
    openssl('x509', '-req', '-in', f('server.csr'), '-CA', f('ca.crt'), '-CAkey', f('ca.key'), '-CAcreateserial', '-days', '30', '-sha256', '-extfile', f('ext.cnf'), '-out', f('server.crt'));
    return { caPem: readFileSync(f('ca.crt'), 'utf8'), certPem: readFileSync(f('server.crt'), 'utf8'), keyPem: readFileSync(f('server.key'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
