/**
 * Hover on a secret reference: what the cluster knows about the secret (type, keys with size and
 * text/binary, age, namespace and context, whether pachctl manages it) and which other pipelines in the
 * workspace use it. Metadata only: the catalog has no values to show.
 */
import type { OffsetRange } from '../text';
import { isPachydermManaged, type SecretMeta } from '../catalog/secretMeta';
import type { CatalogIndex } from '../catalog/snapshot';
import { certificatesMarkdown } from '../certificates/secretCertificates';
import type { DeployedIndex } from '../deployed/deployedSummary';
import { DEFAULT_CERTIFICATE_WARNING_DAYS, type CertificateExpiryPolicy } from '../certificates/validity';
import { nodeAt, stringValue, type SpecFile, type SpecModel, type SpecView } from '../pipelineSpec';
import { deployedHover } from './deployedHover';
import { entryName, referenceAt, type ReferenceSite } from './referenceAt';
import { age, formatSize, keyCount } from './secretFacts';

export interface OtherUser {
  pipeline: string;
  /** File name (or workspace-relative path) of the spec. */
  file: string;
}

export interface HoverInput {
  file: SpecFile;
  model: SpecModel;
  offset: number;
  catalog: CatalogIndex;
  /** The other pipelines in the workspace that use `secret`, the hovered one (`pipeline.name`, maybe '') excluded. */
  otherUsers: (secret: string, pipeline: string) => OtherUser[];
  now: Date;
  /** When and how far ahead to judge certificates; `now` and the default window without it. */
  certificates?: CertificateExpiryPolicy;
  /** The deployed pipelines: what the spec's deployed version does with the secret, and whether it fails by it. */
  deployed?: DeployedIndex;
}

export interface SpecHover extends OffsetRange {
  markdown: string;
}

interface Target extends OffsetRange {
  secret: string;
  key?: string;
  site: ReferenceSite | 'pod';
}

export function hoverSpec(input: HoverInput): SpecHover | undefined {
  const target = targetAt(input);
  if (!target) return undefined;
  const spec = specAt(input.model, input.offset);
  const pipeline = spec?.pipelineName ?? '';
  const certificates = input.certificates ?? {
    now: input.now.getTime(),
    warningDays: DEFAULT_CERTIFICATE_WARNING_DAYS,
  };
  const parts = [describe(target, input.catalog, input.now, certificates)];
  const others = input.otherUsers(target.secret, pipeline);
  if (others.length) {
    parts.push(`Also used by ${others.map((o) => `\`${o.pipeline}\` (${o.file})`).join(', ')}`);
  }
  const deployed = deployedHover(input.deployed, spec, target.secret);
  if (deployed) parts.push(deployed);
  return { markdown: parts.join('\n\n'), start: target.start, end: target.end };
}

function targetAt({ file, model, offset }: HoverInput): Target | undefined {
  const at = nodeAt(file, offset);
  if (at?.node) {
    const ref = referenceAt(at);
    const value = stringValue(at.node);
    if (ref && value) {
      if (ref.part === 'name') return { secret: value, site: ref.site, start: at.node.start, end: at.node.end };
      const secret = entryName(ref.entry);
      if (secret) return { secret, key: value, site: ref.site, start: at.node.start, end: at.node.end };
    }
  }
  // Inside a podPatch/podSpec JSON string: the references the model found there.
  for (const spec of model.specs) {
    for (const ps of spec.podStrings) {
      const r = ps.refs.find((x) => x.start <= offset && offset <= x.end);
      if (r) return { secret: r.name, key: r.key, site: 'pod', start: r.start, end: r.end };
    }
  }
  return undefined;
}

const SITE_LABEL: Record<Target['site'], string> = {
  mount: 'transform.secrets',
  pull: 'image pull secret',
  egress: 'egress SQL password',
  pod: 'referenced in the pod patch',
};

function describe(t: Target, catalog: CatalogIndex, now: Date, certificates: CertificateExpiryPolicy): string {
  const title = t.key ? `Key \`${t.key}\` of secret **${t.secret}**` : `Secret **${t.secret}**`;
  const state = catalog.snapshot.state;
  if (state.kind !== 'ready') {
    const why =
      state.kind === 'loading'
        ? "the cluster's secrets are still loading"
        : `the cluster's secrets are not known (${state.reason})`;
    return `${title} · ${SITE_LABEL[t.site]}\n\nCannot check it: ${why}.`;
  }
  const where = placeOf(catalog, catalog.snapshot.namespace);
  const meta = catalog.get(t.secret);
  if (!meta) return `${title} · ${SITE_LABEL[t.site]}\n\nNo secret \`${t.secret}\` in ${where}.`;
  const lines = [`${title} · ${SITE_LABEL[t.site]}`, facts(meta, catalog, now)];
  if (t.key) {
    const k = meta.keys.find((x) => x.name === t.key);
    lines.push(
      k
        ? `\`${k.name}\`: ${formatSize(k.size)}, ${k.binary ? 'binary' : 'text'}`
        : `The secret has no key \`${t.key}\`.`,
    );
  }
  // Only the named key's certificate for a reference to one key; every certificate for the whole secret.
  lines.push(...certificatesMarkdown(meta, certificates, t.key));
  lines.push(keyTable(meta));
  return lines.join('\n\n');
}

function placeOf(catalog: CatalogIndex, namespace: string): string {
  const context = catalog.snapshot.context;
  return context ? `namespace \`${namespace}\` of context \`${context}\`` : `namespace \`${namespace}\``;
}

function facts(meta: SecretMeta, catalog: CatalogIndex, now: Date): string {
  const bits = [`\`${meta.type}\``, placeOf(catalog, meta.namespace), keyCount(meta)];
  const a = age(meta.creationTimestamp, now);
  if (a) bits.push(`created ${a} ago`);
  bits.push(
    isPachydermManaged(meta)
      ? 'Pachyderm-managed (`secret-source=pachyderm-user`)'
      : 'not managed by Pachyderm (`pachctl list secret` does not show it)',
  );
  return bits.join(' · ');
}

function keyTable(meta: SecretMeta): string {
  if (!meta.keys.length) return '_The secret has no keys._';
  return [
    '| key | size | content |',
    '|---|---|---|',
    ...meta.keys.map((k) => `| \`${k.name}\` | ${formatSize(k.size)} | ${k.binary ? 'binary' : 'text'} |`),
  ].join('\n');
}

function specAt(model: SpecModel, offset: number): SpecView | undefined {
  return model.specs.find((s) => s.root.start <= offset && offset <= s.root.end);
}
