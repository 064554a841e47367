/**
 * Rules PH001–PH007 and PH009 over a Pachyderm Helm values document (PH008, for files left alone, is
 * analyzeHelmValues'). Pure: a parsed document, a catalog and a moment in, findings with source ranges out.
 * Messages name values, secrets and keys, never a value's content. The rules live by concern: secretNameRules
 * (a SecretName and its plain value), postgresRules, tlsAndPullSecretRules, and here the two that stand alone.
 */
import type { Document } from 'yaml';
import type { CatalogIndex } from '../catalog/snapshot';
import type { CertificateExpiryPolicy } from '../certificates/validity';
import { PLAIN_ONLY_CREDENTIALS, SECRET_NAME_FACTS } from './chartFacts';
import { finding, quote, type HelmFinding } from './helmFinding';
import { checkInClusterPostgresSecret, checkPostgresDefault } from './postgresRules';
import { checkSecretNameFact } from './secretNameRules';
import { checkImagePullSecrets, checkTls } from './tlsAndPullSecretRules';
import { entryAt, stringAt, truthyAt } from './valuesTree';

/** `certificates`: when to judge TLS certificates (PH009); without it PH009 stays silent. */
export function checkHelmValues(
  doc: Document,
  catalog: CatalogIndex,
  certificates?: CertificateExpiryPolicy,
): HelmFinding[] {
  const out: HelmFinding[] = [];
  for (const fact of SECRET_NAME_FACTS) checkSecretNameFact(doc, catalog, fact, out);
  checkPostgresDefault(doc, out);
  checkInClusterPostgresSecret(doc, out);
  checkPlainOnly(doc, out);
  checkConsoleUnderEnterpriseServer(doc, out);
  checkTls(doc, catalog, out, certificates);
  checkImagePullSecrets(doc, catalog, out);
  return out.sort((a, b) => a.start - b.start || a.code.localeCompare(b.code));
}

function checkPlainOnly(doc: Document, out: HelmFinding[]): void {
  for (const cred of PLAIN_ONLY_CREDENTIALS) {
    const e = entryAt(doc, cred.path);
    if (!e || !truthyAt(doc, cred.path)) continue;
    out.push(
      finding(
        'PH003',
        `${quote(cred.path)} holds a storage credential in plain text. The chart has no SecretName for it and copies ` +
          `it into ${quote(cred.secret)}; prefer workload identity ` +
          `(IAM role) or keep this file out of version control.`,
        e.valueRange,
      ),
    );
  }
}

function checkConsoleUnderEnterpriseServer(doc: Document, out: HelmFinding[]): void {
  const path = 'console.config.oauthClientSecretSecretName';
  const e = entryAt(doc, path);
  if (!e || !stringAt(doc, path) || !truthyAt(doc, 'enterpriseServer.enabled')) return;
  out.push(
    finding(
      'PH005',
      `With \`enterpriseServer.enabled\`, the enterprise server ` +
        `ignores ${quote(path)}: it reads the hard-coded secret ` +
        '`pachyderm-console-secret` (keys `OAUTH_CLIENT_SECRET` and `OAUTH_CLIENT_ID`, which the chart never creates).',
      e.valueRange,
    ),
  );
}
