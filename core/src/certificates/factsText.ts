/**
 * How certificate facts read in a tooltip, a hover, Inspect Secret and the TLS wizard: one line per fact, public
 * facts only (there is nothing else to show: CertificateFacts holds no PEM text).
 */
import type { CertificateFacts } from './certificateFacts';
import { certificateValidity, validityText, type CertificateExpiryPolicy } from './validity';

/** `RSA 2048`, `EC 256 (prime256v1)`. */
export function keyText(facts: CertificateFacts): string {
  const size = facts.keySize ? ` ${facts.keySize}` : '';
  return `${facts.keyAlgorithm}${size}${facts.curve ? ` (${facts.curve})` : ''}`;
}

/** The facts as `label: value` lines, in the order a reader looks for them. */
export function certificateFactLines(facts: CertificateFacts, policy: CertificateExpiryPolicy): string[] {
  const more = facts.sanCount > facts.sans.length ? ` (and ${facts.sanCount - facts.sans.length} more)` : '';
  const lines = [
    `validity: ${validityText(certificateValidity(facts, policy))}`,
    `subject CN: ${facts.subjectCN ?? '(none)'}`,
    `SANs: ${facts.sans.length ? facts.sans.join(', ') + more : '(none)'}`,
    `issuer: ${facts.issuer}`,
    `not before: ${facts.notBefore}`,
    `not after: ${facts.notAfter}`,
    `key: ${keyText(facts)}`,
  ];
  if (facts.chainLength > 1) lines.push(`chain: ${facts.chainLength} certificates (facts are the first one's)`);
  if (facts.keyMatches !== undefined) lines.push(`tls.key matches: ${facts.keyMatches ? 'yes' : 'NO'}`);
  return lines;
}
