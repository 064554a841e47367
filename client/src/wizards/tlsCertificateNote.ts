/**
 * The TLS wizard's last step names the certificate about to be written: subject, where it stands, key and chain,
 * and (picked) every public fact, so an expired or wrong certificate is seen before it reaches the cluster.
 */
import {
  certificateFactLines,
  certificateFacts,
  certificateValidity,
  type CertificateExpiryPolicy,
  keyMatchesCertificate,
  keyText,
  needsAttention,
  validityText,
} from '../../../core/src/certificates';
import { readTlsFile, type SourceReader } from '../../../core/src/manifest';
import type { FinishNote } from './commonSteps';

/** Undefined when the certificate file cannot be read or holds no certificate (the build step says why). */
export function certificateNote(
  state: { certPath?: string; keyPath?: string },
  reader: SourceReader,
  policy: CertificateExpiryPolicy,
): FinishNote | undefined {
  if (!state.certPath) return undefined;
  let cert: Uint8Array;
  try {
    cert = readTlsFile(state.certPath, reader);
  } catch {
    return undefined;
  }
  const facts = certificateFacts(cert);
  if (!facts) return undefined;
  if (state.keyPath) {
    try {
      facts.keyMatches = keyMatchesCertificate(cert, readTlsFile(state.keyPath, reader));
    } catch {
      // An unreadable key is the build step's to report.
    }
  }
  const v = certificateValidity(facts, policy);
  const icon = needsAttention(v) ? '$(warning)' : '$(verified)';
  const chain = facts.chainLength > 1 ? ` · chain of ${facts.chainLength}` : '';
  return {
    label: `${icon} Certificate ${facts.subjectCN ?? '(no CN)'}: ${validityText(v)}`,
    description: `${keyText(facts)}${chain} · issuer ${facts.issuer}`,
    detail: facts.sans.length ? `SANs: ${facts.sans.join(', ')}` : 'no SANs',
    message: `Certificate: ${certificateFactLines(facts, policy).join('; ')}.`,
  };
}
