/**
 * Hover on a secret-naming value (or its plain alternative): what the chart does with it — the key it reads,
 * the secret it makes when the value is empty, which pods use it, which chart lines have it — and, when the
 * catalog is ready, which keys the named secret holds (names only). Every hover, and hover on any top-level key,
 * also says which chart the file was judged against; a file recognised as another chart, or a Go template that
 * is not YAML as written, gets only that line (its values were not judged).
 */
import type { Document } from 'yaml';
import type { CatalogIndex } from '../catalog/snapshot';
import { certificatesMarkdown } from '../certificates/secretCertificates';
import type { CertificateExpiryPolicy } from '../certificates/validity';
import {
  IMAGE_PULL_SECRETS_PATH,
  IMAGE_PULL_SECRETS_PODS,
  PLAIN_ONLY_CREDENTIALS,
  SECRET_NAME_FACTS,
  TLS_SECRET_FACTS,
  type SecretNameFact,
  type TlsSecretFact,
} from './chartFacts';
import { goTemplateActions, templateBreaksSyntax } from '../analysis/goTemplates';
import { chartVerdictText, recogniseChart } from './chartRecognition';
import { chartCreatedTlsSecrets, requiredKey } from './chartReading';
import type { OffsetRange } from '../text';
import { conditionHolds, entryAt, pathAt, stringAt } from './valuesTree';

export interface HelmHover {
  markdown: string;
  range: OffsetRange;
}

const code = (s: string) => `\`${s}\``;

const TEMPLATE_NOTE =
  'This file holds Go template actions (`{{ … }}`) and is not YAML until a tool renders it: not judged.';

/** `text`, when given, is the document's text: a Go template that does not parse is described as such. */
/** `certificates`: when to judge the certificates of a named secret; they are not shown without it. */
export function helmHover(
  doc: Document,
  offset: number,
  catalog: CatalogIndex,
  text?: string,
  certificates?: CertificateExpiryPolicy,
): HelmHover | undefined {
  const at = pathAt(doc, offset);
  if (!at) return undefined;
  const e = entryAt(doc, at.path)!;
  const range = at.onValue ? e.valueRange : e.keyRange;
  const topLevel = !at.path.includes('.');
  const errors = doc.errors.map((e) => ({ start: e.pos[0], end: e.pos[1] }));
  if (text !== undefined && templateBreaksSyntax(text, goTemplateActions(text), errors)) {
    return topLevel ? { markdown: TEMPLATE_NOTE, range } : undefined;
  }
  const verdict = recogniseChart(doc);
  const chartLine = chartVerdictText(verdict);
  const lines = verdict.chart.modelled ? describe(doc, at.path, { catalog, certificates }) : undefined;
  if (!lines) return topLevel || !verdict.chart.modelled ? { markdown: chartLine, range } : undefined;
  return { markdown: [...lines, chartLine].join('\n\n'), range };
}

/** What a hover reads of the cluster: its secrets, and when to judge their certificates. */
interface ClusterView {
  catalog: CatalogIndex;
  certificates?: CertificateExpiryPolicy;
}

function describe(doc: Document, path: string, cluster: ClusterView): string[] | undefined {
  const fact = SECRET_NAME_FACTS.find((f) => f.path === path);
  if (fact) return [...describeFact(doc, fact), ...secretLine(doc, path, cluster)];
  const plainFor = SECRET_NAME_FACTS.find((f) => f.plainPath === path);
  if (plainFor) {
    return [
      `**${code(path)}**: ${plainFor.role}, in plain text.`,
      `The chart ignores it when ${code(plainFor.path)} is set. Keeping it in a Secret under key ` +
        `${code(requiredKey(doc, plainFor) ?? '')} and naming that ` +
        `secret in ${code(plainFor.path)} keeps it out of this file.`,
      ...(plainFor.plainDefault
        ? [`When empty, the chart uses its built-in default ${code(plainFor.plainDefault)}.`]
        : []),
    ];
  }
  const tls = TLS_SECRET_FACTS.find((f) => f.path === path);
  if (tls) {
    return [
      `**${code(path)}**: ${tls.role} secret.`,
      `The chart mounts keys ${code('tls.crt')} and ${code('tls.key')} from it.`,
      `Used by: ${tls.pods.join(', ')}. Chart ${tls.lines.join(', ')}.`,
      ...tlsConditionLines(doc, tls, cluster),
    ];
  }
  if (path === IMAGE_PULL_SECRETS_PATH) {
    return [
      `**${code(path)}**: registry credentials (${code('kubernetes.io/dockerconfigjson')}) for every chart pod.`,
      `Used by: ${IMAGE_PULL_SECRETS_PODS.join(', ')}.`,
    ];
  }
  const plainOnly = PLAIN_ONLY_CREDENTIALS.find((c) => c.path === path);
  if (plainOnly)
    return [
      `**${code(path)}**: storage credential with no SecretName ` +
        `option; the chart copies it into ${code(plainOnly.secret)}.`,
    ];
  return undefined;
}

/**
 * Whether the chart reads this TLS secret here, and whether it creates it, by the chart's own conditions; only
 * a secret it reads and does not create is looked up in the cluster (as PH001/PH006 do).
 */
function tlsConditionLines(doc: Document, tls: TlsSecretFact, cluster: ClusterView): string[] {
  const name = stringAt(doc, tls.path);
  if (!conditionHolds(doc, tls.usedWhen)) {
    const needs = tls.usedWhen.map((t) => code(t.path)).join(' and ');
    return [
      `Not read with these values: the chart mounts it only when ${needs} are on (not checked against the cluster).`,
    ];
  }
  if (name && chartCreatedTlsSecrets(doc).has(name)) {
    return [`The chart creates secret ${code(name)} itself from this file's values (\`newSecret\` or \`secret\`).`];
  }
  return secretLine(doc, tls.path, cluster);
}

function describeFact(doc: Document, fact: SecretNameFact): string[] {
  const key = requiredKey(doc, fact);
  const out = [`**${code(fact.path)}**: names the Secret holding the ${fact.role}.`];
  if (key) {
    const keys = [key, ...(fact.alsoKeys ?? [])].map(code).join(' and ');
    out.push(`The chart reads key ${keys}.`);
    for (const [wrong, why] of Object.entries(fact.knownMistakes ?? {})) out.push(`Not ${code(wrong)}: ${why}.`);
  } else if (!fact.registry && !fact.mishandled) {
    out.push('The chart mounts the whole secret; any keys.');
  }
  if (fact.keyPath) out.push(`Set ${code(fact.keyPath)} to read another key.`);
  if (fact.defaultSecret)
    out.push(
      `When empty, the chart uses its own secret ` +
        `${code(fact.defaultSecret)}${fact.plainPath ? `, filled from ${code(fact.plainPath)}` : ''}.`,
    );
  out.push(`Used by: ${fact.pods.join(', ')}. Chart ${fact.lines.join(', ')}.`);
  if (fact.mishandled) out.push(`⚠ The chart mishandles this value: ${fact.mishandled.effect}.`);
  if (fact.note) out.push(fact.note);
  return out;
}

function secretLine(doc: Document, path: string, { catalog, certificates }: ClusterView): string[] {
  const name = stringAt(doc, path);
  if (!name || !catalog.ready) return [];
  const s = catalog.get(name);
  if (!s) return [`Secret ${code(name)} does not exist in namespace ${code(catalog.snapshot.namespace)}.`];
  return [
    `Secret ${code(name)} (${s.type}) has keys: ${s.keys.map((k) => code(k.name)).join(', ') || 'none'}.`,
    ...(certificates ? certificatesMarkdown(s, certificates) : []),
  ];
}
