/**
 * Rules PH001–PH007 over a Pachyderm Helm values document (PH008, for files left alone, is analyzeHelmValues').
 * Pure: a parsed document and a catalog in, findings with source ranges out. Messages name values, secrets and
 * keys, never a value's content.
 */
import { isScalar, isSeq, type Document } from 'yaml';
import type { CatalogIndex } from '../catalog/snapshot';
import type { SecretMeta } from '../catalog/secretMeta';
import { REGISTRY_SECRET_TYPES } from '../catalog/secretMeta';
import {
  IMAGE_PULL_SECRETS_PATH,
  PLAIN_ONLY_CREDENTIALS,
  SECRET_NAME_FACTS,
  TLS_KEYS,
  TLS_SECRET_FACTS,
  type SecretNameFact,
} from './chartFacts';
import { finding as ruleFinding, type Finding } from '../rules/ruleTable';
import type { HelmRuleCode } from './helmRuleTable';
import type { OffsetRange } from '../text';
import { conditionHolds, entryAt, isFalseAt, namesInList, stringAt, truthyAt } from './valuesTree';
import { nearMissKey } from './nearMiss';
import { suggestedSecretName } from './chartFacts';

/** What a quick fix needs; carried in the diagnostic's `data`. Holds paths and names only, never a value. */
export type HelmFixData =
  | {
      kind: 'move-to-secret';
      /** The plain value to move (its range is the finding's range). */
      plainPath: string;
      /** The SecretName value that replaces it. */
      secretNamePath: string;
      key: string;
      suggestedName: string;
    }
  | { kind: 'copy-key'; secret: string; from: string; to: string }
  | { kind: 'remove-ignored-plain'; plainPath: string };

/** A spec-rule `Finding` with a PH code; `data` carries what the quick fix needs. */
export interface HelmFinding extends Finding {
  code: HelmRuleCode;
  data?: HelmFixData;
}

function finding(code: HelmRuleCode, message: string, range: OffsetRange, data?: HelmFixData): HelmFinding {
  return ruleFinding(code, range, { message }, data) as HelmFinding;
}

const quote = (s: string) => `\`${s}\``;
const podsText = (pods: string[]) => pods.join(', ');

/** The key the chart reads for a SecretName fact, given this document's values (Postgres' key is a value). */
export function requiredKey(doc: Document, fact: SecretNameFact): string | undefined {
  if (fact.keyPath) {
    const chosen = stringAt(doc, fact.keyPath);
    if (chosen) return chosen;
  }
  return fact.key;
}

/** True when the in-cluster PostgreSQL subchart is on (`postgresql.enabled` defaults to true). */
export function inClusterPostgres(doc: Document): boolean {
  return !isFalseAt(doc, 'postgresql.enabled');
}

export function checkHelmValues(doc: Document, catalog: CatalogIndex): HelmFinding[] {
  const out: HelmFinding[] = [];
  for (const fact of SECRET_NAME_FACTS) checkSecretNameFact(doc, catalog, fact, out);
  checkPostgresDefault(doc, out);
  checkInClusterPostgresSecret(doc, out);
  checkPlainOnly(doc, out);
  checkConsoleUnderEnterpriseServer(doc, out);
  checkTls(doc, catalog, out);
  checkImagePullSecrets(doc, catalog, out);
  return out.sort((a, b) => a.start - b.start || a.code.localeCompare(b.code));
}

function checkSecretNameFact(doc: Document, catalog: CatalogIndex, fact: SecretNameFact, out: HelmFinding[]): void {
  const nameEntry = entryAt(doc, fact.path);
  const name = stringAt(doc, fact.path) ?? '';
  const plain = fact.plainPath ? entryAt(doc, fact.plainPath) : undefined;
  const plainSet = !!fact.plainPath && truthyAt(doc, fact.plainPath);

  if (fact.mishandled && nameEntry && name && name !== fact.mishandled.worksOnlyWith) {
    out.push(
      finding(
        'PH005',
        `${quote(fact.path)} is mishandled by the chart: ${fact.mishandled.effect}.`,
        nameEntry.valueRange,
      ),
    );
  }

  if (plain && plainSet) {
    if (name) {
      const message =
        fact.keyPath && inClusterPostgres(doc)
          ? `${quote(fact.path)} is also set: pachd reads the password from secret ${quote(name)}, but the ` +
            `in-cluster PostgreSQL subchart still sets the database ` +
            `password from ${quote(fact.plainPath!)}; unless both hold the ` +
            'same password, pachd cannot log in.'
          : `${quote(fact.path)} is also set: the chart reads secret ` +
            `${quote(name)} and silently ignores ${quote(fact.plainPath!)}.`;
      out.push(
        finding(
          'PH004',
          message,
          plain.valueRange,
          fact.keyPath && inClusterPostgres(doc)
            ? undefined
            : { kind: 'remove-ignored-plain', plainPath: fact.plainPath! },
        ),
      );
    } else if (fact.plainIsCredential && isScalar(plain.value)) {
      out.push(plainCredentialFinding(doc, fact, plain.valueRange));
    }
  }

  if (!name || !nameEntry || fact.mishandled || !catalog.ready) return;
  const secret = catalog.get(name);
  if (!secret) {
    out.push(
      finding(
        'PH001',
        `Secret ${quote(name)} does not exist in namespace ` +
          `${quote(catalog.snapshot.namespace)}; ${readsText(doc, fact)}`,
        nameEntry.valueRange,
      ),
    );
    return;
  }
  if (fact.registry) {
    if (!REGISTRY_SECRET_TYPES.has(secret.type)) out.push(notRegistry(secret, nameEntry.valueRange));
    return;
  }
  for (const key of [requiredKey(doc, fact), ...(fact.alsoKeys ?? [])]) {
    if (!key || hasKey(secret, key)) continue;
    // Known mistakes are about the chart's default key; a key the user chose (postgresqlExistingSecretKey) has none.
    const mistakes = key === fact.key ? (fact.knownMistakes ?? {}) : {};
    const near = nearMissKey(
      secret.keys.map((k) => k.name),
      key,
      Object.keys(mistakes),
    );
    let message =
      `Secret ${quote(name)} has no key ${quote(key)}, which the chart reads for ${quote(fact.path)} ` +
      `(${podsText(fact.pods)} would fail to start).`;
    if (near) {
      message += mistakes[near]
        ? ` It has ${quote(near)}: ${mistakes[near]}, but the chart reads ${quote(key)}.`
        : ` It has ${quote(near)}, a near miss: the chart reads ${quote(key)}.`;
    }
    out.push(
      finding(
        'PH002',
        message,
        nameEntry.valueRange,
        near ? { kind: 'copy-key', secret: name, from: near, to: key } : undefined,
      ),
    );
  }
}

function readsText(doc: Document, fact: SecretNameFact): string {
  const key = requiredKey(doc, fact);
  const what = key ? `the chart reads key ${quote(key)} from it` : 'the chart mounts it';
  return `${what} for ${podsText(fact.pods)}.`;
}

function hasKey(secret: SecretMeta, key: string): boolean {
  return secret.keys.some((k) => k.name === key);
}

function plainCredentialFinding(doc: Document, fact: SecretNameFact, range: OffsetRange): HelmFinding {
  const key = requiredKey(doc, fact)!;
  if (fact.mishandled) {
    // Its SecretName does not work, so moving the value into a Secret would break the deployment: no fix.
    return finding(
      'PH003',
      `${quote(fact.plainPath!)} holds a credential in plain text, and the chart puts it into the pachd Deployment ` +
        `as a plain environment value. ${quote(fact.path)} is no way out: ` +
        `${fact.mishandled.effect}. Keep this file out of version control.`,
      range,
    );
  }
  const base =
    `${quote(fact.plainPath!)} holds a credential in plain text; keep it in a Secret under key ` +
    `${quote(key)} and set ${quote(fact.path)}.`;
  if (fact.keyPath && inClusterPostgres(doc)) {
    // Moving only pachd's copy would let the subchart fall back to its insecure default: no one-click fix.
    return finding(
      'PH003',
      `${base} With the in-cluster PostgreSQL subchart, also ` +
        `set \`global.postgresql.existingSecret\` to a secret with ` +
        '`postgresql-password` and `postgresql-postgres-password`, or the database keeps the value from this file.',
      range,
    );
  }
  return finding('PH003', base, range, {
    kind: 'move-to-secret',
    plainPath: fact.plainPath!,
    secretNamePath: fact.path,
    key,
    suggestedName: suggestedSecretName(fact),
  });
}

/** PH003 for the chart's non-empty Postgres default: nothing set means `insecure-user-password`. */
function checkPostgresDefault(doc: Document, out: HelmFinding[]): void {
  const pg = SECRET_NAME_FACTS.find((f) => f.keyPath)!;
  if (stringAt(doc, pg.path) || truthyAt(doc, pg.plainPath!)) return;
  if (truthyAt(doc, 'cloudsqlAuthProxy.iamLogin')) return;
  // Point at the closest thing the user wrote: global.postgresql, else global, else pachd.
  const anchor = entryAt(doc, 'global.postgresql') ?? entryAt(doc, 'global') ?? entryAt(doc, 'pachd');
  if (!anchor) return;
  out.push(
    finding(
      'PH003',
      `Neither ${quote(pg.plainPath!)} nor ${quote(pg.path)} is set: the chart uses its built-in default password ` +
        `${quote(pg.plainDefault!)}. Keep a real password in a ` +
        `Secret under key ${quote(pg.key!)} and set ${quote(pg.path)}.`,
      anchor.keyRange,
    ),
  );
}

/**
 * With the in-cluster subchart, `postgresqlExistingSecretName` only moves where pachd & co. read the password:
 * the subchart still sets the database's from `postgresqlPassword` (default `insecure-user-password`).
 */
function checkInClusterPostgresSecret(doc: Document, out: HelmFinding[]): void {
  const pg = SECRET_NAME_FACTS.find((f) => f.keyPath)!;
  const e = entryAt(doc, pg.path);
  if (!e || !stringAt(doc, pg.path) || !inClusterPostgres(doc)) return;
  if (stringAt(doc, 'global.postgresql.existingSecret') || truthyAt(doc, pg.plainPath!)) return;
  out.push(
    finding(
      'PH005',
      `With the in-cluster PostgreSQL subchart (\`postgresql.enabled\`, the default), ${quote(pg.path)} only changes ` +
        `where pachd, pachw, pgbouncer and preflight read the password; the subchart still sets the database ` +
        `password from ${quote(pg.plainPath!)}, here its default. Also ` +
        `set \`global.postgresql.existingSecret\` to a secret with ` +
        '`postgresql-password` and `postgresql-postgres-password`, ' +
        'or use an external database (`postgresql.enabled: false`).',
      e.valueRange,
    ),
  );
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

/** The TLS secrets this file makes the chart create itself (`newSecret.create` and its siblings), by name. */
export function chartCreatedTlsSecrets(doc: Document): Set<string> {
  const out = new Set<string>();
  for (const fact of TLS_SECRET_FACTS) {
    const name = stringAt(doc, fact.path);
    if (name && fact.createdWhen && conditionHolds(doc, fact.createdWhen)) out.add(name);
  }
  return out;
}

function checkTls(doc: Document, catalog: CatalogIndex, out: HelmFinding[]): void {
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
  }
}

function notRegistry(secret: SecretMeta, range: OffsetRange): HelmFinding {
  return finding(
    'PH007',
    `Secret ${quote(secret.name)} has type ${quote(secret.type)}, not a registry credential ` +
      '(`kubernetes.io/dockerconfigjson`); image pulls will not use it.',
    range,
  );
}

function checkImagePullSecrets(doc: Document, catalog: CatalogIndex, out: HelmFinding[]): void {
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
