/**
 * PH001–PH005 for one SecretName value of the chart (a fact in chartFacts' SECRET_NAME_FACTS): the secret it names
 * exists and holds the keys the chart reads, and the plain value beside it is neither ignored nor left in the file.
 */
import { isScalar, type Document } from 'yaml';
import type { CatalogIndex } from '../catalog/snapshot';
import type { SecretMeta } from '../catalog/secretMeta';
import { REGISTRY_SECRET_TYPES } from '../catalog/secretMeta';
import { suggestedSecretName, type SecretNameFact } from './chartFacts';
import { inClusterPostgres, requiredKey } from './chartReading';
import { finding, hasKey, notRegistry, podsText, quote, type HelmFinding } from './helmFinding';
import { nearMissKey } from './nearMiss';
import { entryAt, stringAt, truthyAt } from './valuesTree';
import type { OffsetRange } from '../text';

export function checkSecretNameFact(
  doc: Document,
  catalog: CatalogIndex,
  fact: SecretNameFact,
  out: HelmFinding[],
): void {
  const nameEntry = entryAt(doc, fact.path);
  const name = stringAt(doc, fact.path) ?? '';
  if (fact.mishandled && nameEntry && name && name !== fact.mishandled.worksOnlyWith) {
    out.push(
      finding(
        'PH005',
        `${quote(fact.path)} is mishandled by the chart: ${fact.mishandled.effect}.`,
        nameEntry.valueRange,
      ),
    );
  }
  checkPlainValue(doc, fact, name, out);
  if (!name || !nameEntry || fact.mishandled || !catalog.ready) return;
  checkNamedSecret(doc, catalog, fact, name, nameEntry.valueRange, out);
}

/** The plain value beside the SecretName: ignored when a name is set (PH004), else a credential in the file (PH003). */
function checkPlainValue(doc: Document, fact: SecretNameFact, name: string, out: HelmFinding[]): void {
  const plain = fact.plainPath ? entryAt(doc, fact.plainPath) : undefined;
  const plainSet = !!fact.plainPath && truthyAt(doc, fact.plainPath);
  if (!plain || !plainSet) return;
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

/** The named secret in the catalog: it exists (PH001), is a registry credential where one is needed, has the keys. */
function checkNamedSecret(
  doc: Document,
  catalog: CatalogIndex,
  fact: SecretNameFact,
  name: string,
  range: OffsetRange,
  out: HelmFinding[],
): void {
  const secret = catalog.get(name);
  if (!secret) {
    out.push(
      finding(
        'PH001',
        `Secret ${quote(name)} does not exist in namespace ` +
          `${quote(catalog.snapshot.namespace)}; ${readsText(doc, fact)}`,
        range,
      ),
    );
    return;
  }
  if (fact.registry) {
    if (!REGISTRY_SECRET_TYPES.has(secret.type)) out.push(notRegistry(secret, range));
    return;
  }
  for (const key of [requiredKey(doc, fact), ...(fact.alsoKeys ?? [])]) {
    if (!key || hasKey(secret, key)) continue;
    out.push(missingKeyFinding(fact, name, secret, key, range));
  }
}

/** PH002 for a key the chart reads that the secret lacks, with a copy-key fix when the secret has a near miss. */
function missingKeyFinding(
  fact: SecretNameFact,
  name: string,
  secret: SecretMeta,
  key: string,
  range: OffsetRange,
): HelmFinding {
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
  return finding('PH002', message, range, near ? { kind: 'copy-key', secret: name, from: near, to: key } : undefined);
}

function readsText(doc: Document, fact: SecretNameFact): string {
  const key = requiredKey(doc, fact);
  const what = key ? `the chart reads key ${quote(key)} from it` : 'the chart mounts it';
  return `${what} for ${podsText(fact.pods)}.`;
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
