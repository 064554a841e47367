/**
 * What the Secrets tree and Inspect Secret say of certificates, as plain data (no `vscode` import, tested in node):
 * a mark for a secret or key whose certificate has lapsed, is not yet valid or lapses soon, and the public facts
 * for tooltips. The moment and the window come from the caller (the tree's clock, the setting).
 */
import type { SecretKeyInfo, SecretMeta } from '../../../core/src/catalog';
import {
  certificateFactLines,
  certificateNeedingAttention,
  certificateValidity,
  needsAttention,
  secretCertificates,
  validityChangesAt,
  validityText,
  type CertificateExpiryPolicy,
  type CertificateValidity,
} from '../../../core/src/certificates';

export interface CertificateMark {
  /** Joins the row's description; only when a certificate needs attention. */
  mark?: string;
  /** A theme color for the row's icon when it needs attention. */
  iconColor?: string;
  tooltip: string[];
}

const mark = (v: CertificateValidity) => `⚠ certificate ${validityText(v)}`;
const color = (v: CertificateValidity) =>
  v.kind === 'expiring' ? 'list.warningForeground' : v.kind === 'valid' ? undefined : 'list.errorForeground';

/** The secret row: marked by its most urgent certificate; the tooltip lists every certificate key's facts. */
export function secretCertificateMark(secret: SecretMeta, policy: CertificateExpiryPolicy): CertificateMark {
  const all = secretCertificates(secret, policy);
  const urgent = certificateNeedingAttention(secret, policy);
  const tooltip = all.flatMap((c) => [
    '',
    `Certificate in ${c.key}:`,
    ...certificateFactLines(c.facts, policy).map((l) => `  ${l}`),
  ]);
  return urgent ? { mark: mark(urgent.validity), iconColor: color(urgent.validity), tooltip } : { tooltip };
}

/** A key row holding certificates: what its description adds, and the facts for its tooltip. */
export function keyCertificateMark(key: SecretKeyInfo, policy: CertificateExpiryPolicy): CertificateMark {
  if (!key.certificate) return { tooltip: [] };
  const v = certificateValidity(key.certificate, policy);
  const facts = certificateFactLines(key.certificate, policy);
  return {
    mark: needsAttention(v) ? mark(v) : `certificate, ${validityText(v)}`,
    iconColor: color(v),
    tooltip: ['', 'Certificate:', ...facts.map((l) => `  ${l}`)],
  };
}

/** The first moment after `now` at which a certificate mark of these secrets may read differently, if any. */
export function nextCertificateChange(secrets: Iterable<Pick<SecretMeta, 'keys'>>, now: number): number | undefined {
  let first: number | undefined;
  for (const secret of secrets) {
    for (const key of secret.keys) {
      const at = key.certificate ? validityChangesAt(key.certificate, now) : undefined;
      if (at !== undefined && (first === undefined || at < first)) first = at;
    }
  }
  return first;
}
