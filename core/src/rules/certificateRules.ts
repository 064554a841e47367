/**
 * PS118: a spec names a secret whose certificate has expired, is not yet valid, or lapses within the warning
 * window. It reads the clock only through the policy the caller passes (the server's, the CLI's, a test's), so
 * the same text and catalog judge the same at the same moment; without a policy the rule stays silent.
 */
import type { SecretReference } from '../analysis/secretReferences';
import type { CatalogIndex } from '../catalog/snapshot';
import { attentionText, certificateNeedingAttention } from '../certificates/secretCertificates';
import type { CertificateExpiryPolicy } from '../certificates/validity';
import { finding, type Finding } from './ruleTable';

/** One finding per reference: a reference to one key judges that key, one to the whole secret its worst key. */
export function certificateExpiryFindings(
  refs: readonly SecretReference[],
  catalog: CatalogIndex,
  policy: CertificateExpiryPolicy | undefined,
): Finding[] {
  if (!policy || !catalog.ready) return [];
  const out: Finding[] = [];
  for (const ref of refs) {
    const secret = catalog.get(ref.name);
    const c = secret && certificateNeedingAttention(secret, policy, ref.key);
    if (c) out.push(finding('PS118', ref, { name: ref.name, certificate: attentionText(c) }, { secret: ref.name }));
  }
  return out;
}
