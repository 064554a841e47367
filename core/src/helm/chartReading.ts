/** What the chart makes of a values document: the key it reads, whether it runs PostgreSQL, what it creates. */
import type { Document } from 'yaml';
import { TLS_SECRET_FACTS, type SecretNameFact } from './chartFacts';
import { conditionHolds, isFalseAt, stringAt } from './valuesTree';

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

/** The TLS secrets this file makes the chart create itself (`newSecret.create` and its siblings), by name. */
export function chartCreatedTlsSecrets(doc: Document): Set<string> {
  const out = new Set<string>();
  for (const fact of TLS_SECRET_FACTS) {
    const name = stringAt(doc, fact.path);
    if (name && fact.createdWhen && conditionHolds(doc, fact.createdWhen)) out.add(name);
  }
  return out;
}
