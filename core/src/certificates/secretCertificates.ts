/**
 * The certificates of one secret as the rules, hovers and the tree read them: which keys hold certificates, which
 * of them is most urgent, and how they read in Markdown.
 */
import type { SecretKeyInfo, SecretMeta } from '../catalog/secretMeta';
import type { CertificateFacts } from './certificateFacts';
import { certificateFactLines } from './factsText';
import {
  certificateValidity,
  mostUrgent,
  needsAttention,
  validityText,
  type CertificateExpiryPolicy,
  type CertificateValidity,
} from './validity';

export interface KeyCertificate {
  key: string;
  facts: CertificateFacts;
  validity: CertificateValidity;
}

/** The keys of `secret` that hold certificates; only `key` when one is named (a reference to one key). */
export function secretCertificates(
  secret: Pick<SecretMeta, 'keys'>,
  policy: CertificateExpiryPolicy,
  key?: string,
): KeyCertificate[] {
  const keys: SecretKeyInfo[] = key === undefined ? secret.keys : secret.keys.filter((k) => k.name === key);
  const out: KeyCertificate[] = [];
  for (const k of keys) {
    if (k.certificate)
      out.push({ key: k.name, facts: k.certificate, validity: certificateValidity(k.certificate, policy) });
  }
  return out;
}

/** The certificate a warning should be about: the most urgent one that needs attention, if any. */
export function certificateNeedingAttention(
  secret: Pick<SecretMeta, 'keys'>,
  policy: CertificateExpiryPolicy,
  key?: string,
): KeyCertificate | undefined {
  return mostUrgent(
    secretCertificates(secret, policy, key).filter((c) => needsAttention(c.validity)),
    (c) => c.validity,
  );
}

/** The words a warning uses: `certificate in "tls.crt" (CN api.example) expired 3 days ago (not after …)`. */
export function attentionText(c: KeyCertificate): string {
  const cn = c.facts.subjectCN ? ` (CN ${c.facts.subjectCN})` : '';
  const when =
    c.validity.kind === 'not-yet-valid' ? `not before ${c.facts.notBefore}` : `not after ${c.facts.notAfter}`;
  return `certificate in "${c.key}"${cn} ${validityText(c.validity)} (${when})`;
}

/** Markdown for a hover: one block per certificate key, every fact escaped (a certificate's names are anyone's). */
export function certificatesMarkdown(
  secret: Pick<SecretMeta, 'keys'>,
  policy: CertificateExpiryPolicy,
  key?: string,
): string[] {
  return secretCertificates(secret, policy, key).map((c) => {
    const mark = needsAttention(c.validity) ? '⚠ ' : '';
    const lines = certificateFactLines(c.facts, policy).slice(1);
    return [
      `${mark}Certificate in \`${c.key}\`: ${validityText(c.validity)}`,
      ...lines.map((l) => `- ${escapeMarkdown(l)}`),
    ].join('\n');
  });
}

/** Each line starts with its label, so only what acts inside a line is escaped: emphasis, code, links, HTML. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
}
