/** PH001, PH006, PH009 and PH007 for the secrets the chart mounts as TLS certificates or uses to pull images. */
import { isSeq, type Document } from 'yaml';
import type { CatalogIndex } from '../catalog/snapshot';
import { REGISTRY_SECRET_TYPES, TLS_CERT_KEY } from '../catalog/secretMeta';
import { attentionText, certificateNeedingAttention } from '../certificates/secretCertificates';
import type { CertificateExpiryPolicy } from '../certificates/validity';
import { IMAGE_PULL_SECRETS_PATH, TLS_KEYS, TLS_SECRET_FACTS } from './chartFacts';
import { chartCreatedTlsSecrets } from './chartReading';
import { finding, hasKey, notRegistry, podsText, quote, type HelmFinding } from './helmFinding';
import { conditionHolds, entryAt, namesInList, stringAt } from './valuesTree';

export function checkTls(
  doc: Document,
  catalog: CatalogIndex,
  out: HelmFinding[],
  certificates?: CertificateExpiryPolicy,
): void {
  if (!catalog.ready) return;
  // A secret the chart creates from this file is there once Helm installs it, whichever block names it.
  const created = chartCreatedTlsSecrets(doc);
  for (const fact of TLS_SECRET_FACTS) {
    const e = entryAt(doc, fact.path);
    const name = stringAt(doc, fact.path);
    // The chart reads the name only under its own conditions (`tls.enabled` and the block's `enabled`).
    if (!e || !name || created.has(name) || !conditionHolds(doc, fact.usedWhen)) continue;
    const secret = catalog.get(name);
    if (!secret) {
      out.push(
        finding(
          'PH001',
          `Secret ${quote(name)} does not exist in namespace ${quote(catalog.snapshot.namespace)}; the chart mounts ` +
            `it as ${fact.role} (keys \`tls.crt\`, \`tls.key\`) for ${podsText(fact.pods)}.`,
          e.valueRange,
        ),
      );
      continue;
    }
    const missing = TLS_KEYS.filter((k) => !hasKey(secret, k));
    if (missing.length) {
      out.push(
        finding(
          'PH006',
          `Secret ${quote(name)} is used as ${fact.role} but has no ${missing.map(quote).join(' or ')}; a TLS secret ` +
            `needs \`tls.crt\` and \`tls.key\` (has: ` +
            `${secret.keys.map((k) => quote(k.name)).join(', ') || 'no keys'}).`,
          e.valueRange,
        ),
      );
    }
    // The chart serves `tls.crt`: that certificate is the one clients see.
    const c = certificates && certificateNeedingAttention(secret, certificates, TLS_CERT_KEY);
    if (c) {
      const text = `Secret ${quote(name)}, used as ${fact.role}: ${attentionText(c)}; ${podsText(fact.pods)} `;
      out.push(finding('PH009', text + 'will fail their TLS handshakes once it is not valid.', e.valueRange));
    }
  }
}

export function checkImagePullSecrets(doc: Document, catalog: CatalogIndex, out: HelmFinding[]): void {
  if (!catalog.ready) return;
  const e = entryAt(doc, IMAGE_PULL_SECRETS_PATH);
  if (!e || !isSeq(e.value)) return;
  for (const item of namesInList(doc, IMAGE_PULL_SECRETS_PATH)) {
    const secret = catalog.get(item.name);
    if (!secret) {
      out.push(
        finding(
          'PH007',
          `Image pull secret ${quote(item.name)} does not exist in namespace ${quote(catalog.snapshot.namespace)}; ` +
            'pods pulling private images will fail with ImagePullBackOff.',
          item.range,
        ),
      );
    } else if (!REGISTRY_SECRET_TYPES.has(secret.type)) {
      out.push(notRegistry(secret, item.range));
    }
  }
}
