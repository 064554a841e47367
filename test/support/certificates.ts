/**
 * Certificates made for the test that needs them, by openssl (on PATH), with the dates, names and keys the case
 * wants: `openssl ca` takes explicit start and end dates, so an expired or not-yet-valid certificate is as easy as
 * a valid one. Each call works in a temp folder of its own and returns PEM text.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export interface TestCertificate {
  cert: string;
  key: string;
}

export interface CertificateSpec {
  cn?: string;
  /** openssl's subjectAltName syntax: `DNS:a.example`, `IP:10.0.0.1`, `email:a@example.com`, `URI:spiffe://x`. */
  sans?: string[];
  key?: 'rsa' | 'rsa3072' | 'ec' | 'ec384';
  notBefore: Date;
  notAfter: Date;
  /** Signed by this certificate; self-signed without it. */
  issuer?: TestCertificate;
  ca?: boolean;
}

const DAY = 24 * 60 * 60 * 1000;

/** A date `days` from `from` (negative for the past). */
export function daysFrom(from: Date, days: number): Date {
  return new Date(from.getTime() + days * DAY);
}

export function makeCertificate(spec: CertificateSpec): TestCertificate {
  const dir = mkdtempSync(path.join(tmpdir(), 'ps-cert-'));
  try {
    const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const keyArgs: Record<NonNullable<CertificateSpec['key']>, string[]> = {
      rsa: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'],
      rsa3072: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:3072'],
      ec: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:prime256v1'],
      ec384: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:secp384r1'],
    };
    ssl('genpkey', ...keyArgs[spec.key ?? 'ec'], '-out', 'leaf.key');
    writeFileSync(path.join(dir, 'index.txt'), '');
    writeFileSync(path.join(dir, 'serial'), '1000\n');
    writeFileSync(path.join(dir, 'ca.cnf'), caConfig(dir));
    const ext = [
      `basicConstraints=critical,CA:${spec.ca ? 'TRUE' : 'FALSE'}`,
      ...(spec.sans?.length ? [`subjectAltName=${spec.sans.join(',')}`] : []),
    ];
    writeFileSync(path.join(dir, 'ext.cnf'), ext.join('\n') + '\n');
    const subject = spec.cn === undefined ? '/O=Pachyderm Tests' : `/O=Pachyderm Tests/CN=${spec.cn}`;
    ssl('req', '-new', '-key', 'leaf.key', '-subj', subject, '-out', 'leaf.csr');
    const signer = spec.issuer
      ? (writeFileSync(path.join(dir, 'issuer.crt'), spec.issuer.cert),
        writeFileSync(path.join(dir, 'issuer.key'), spec.issuer.key),
        ['-cert', 'issuer.crt', '-keyfile', 'issuer.key'])
      : ['-selfsign', '-keyfile', 'leaf.key'];
    ssl(
      'ca',
      '-batch',
      '-notext',
      '-preserveDN',
      '-config',
      'ca.cnf',
      '-in',
      'leaf.csr',
      '-out',
      'leaf.crt',
      '-startdate',
      asn1Time(spec.notBefore),
      '-enddate',
      asn1Time(spec.notAfter),
      '-extfile',
      'ext.cnf',
      ...signer,
    );
    return {
      cert: readFileSync(path.join(dir, 'leaf.crt'), 'utf8'),
      key: readFileSync(path.join(dir, 'leaf.key'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function caConfig(dir: string): string {
  return [
    '[ca]',
    'default_ca = test_ca',
    '[test_ca]',
    `database = ${dir}/index.txt`,
    `new_certs_dir = ${dir}`,
    `serial = ${dir}/serial`,
    'default_md = sha256',
    'policy = any_name',
    'unique_subject = no',
    'copy_extensions = none',
    '[any_name]',
    'organizationName = optional',
    'commonName = optional',
    '',
  ].join('\n');
}

/** `YYYYMMDDHHMMSSZ`, the form `openssl ca -startdate` reads (GeneralizedTime). */
function asn1Time(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:T]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

/** A self-signed certificate for `cn`, valid from `from` days to `to` days around `at` (negative: before it). */
export function certificateAround(
  at: Date,
  cn: string,
  from: number,
  to: number,
  key: CertificateSpec['key'] = 'ec',
): TestCertificate {
  return makeCertificate({ cn, key, notBefore: daysFrom(at, from), notAfter: daysFrom(at, to) });
}
