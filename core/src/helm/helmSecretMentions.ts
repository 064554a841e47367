/**
 * Every place a Pachyderm Helm values file names a secret, for Go to Definition and Find All References: the
 * SecretName values, the TLS `secretName`s and `global.imagePullSecrets` (what the chart reads is
 * ./chartFacts.ts'). A mention carries the key the chart reads there, so references asked on a key find the
 * values files whose chart reads that key; one mention per key, all at the name, except Postgres' key, which is
 * itself a value with a range of its own.
 */
import type { Document } from 'yaml';
import type { SecretMention } from '../analysis/secretMentions';
import { isPlaceholder } from '../rules/names';
import { IMAGE_PULL_SECRETS_PATH, SECRET_NAME_FACTS, TLS_KEYS, TLS_SECRET_FACTS } from './chartFacts';
import { requiredKey } from './chartReading';
import { recogniseChart } from './chartRecognition';
import { conditionHolds, entryAt, namesInList, stringAt } from './valuesTree';

/** A value that names nothing yet: empty, a `$VAR` or a Go template action a tool fills in. */
const unnamed = (name: string | undefined): name is undefined | '' =>
  !name || isPlaceholder(name) || name.includes('{{');

/** The mentions of the one secret at `path`, one per key the chart reads (none: one mention without a key). */
function mentionsAt(doc: Document, path: string, keys: readonly string[], keyPath?: string): SecretMention[] {
  const name = stringAt(doc, path);
  const entry = entryAt(doc, path);
  if (unnamed(name) || !entry) return [];
  const nameRange = entry.valueRange;
  if (!keys.length) return [{ name, nameRange }];
  const keyEntry = keyPath ? entryAt(doc, keyPath) : undefined;
  return keys.map((key) =>
    keyEntry?.value && stringAt(doc, keyPath!) === key
      ? { name, nameRange, key, keyRange: keyEntry.valueRange }
      : { name, nameRange, key },
  );
}

/** The secrets a values file names; none for a file written for another chart than the one the facts model. */
export function helmSecretMentions(doc: Document): SecretMention[] {
  if (!recogniseChart(doc).chart.modelled) return [];
  const out: SecretMention[] = [];
  for (const fact of SECRET_NAME_FACTS) {
    // A mishandled value's key is not what the chart reads (chartFacts' `mishandled`): the name alone counts.
    const key = fact.mishandled ? undefined : requiredKey(doc, fact);
    const keys = key ? [key, ...(fact.alsoKeys ?? [])] : [];
    out.push(...mentionsAt(doc, fact.path, keys, fact.keyPath));
  }
  for (const fact of TLS_SECRET_FACTS) {
    out.push(...mentionsAt(doc, fact.path, conditionHolds(doc, fact.usedWhen) ? TLS_KEYS : []));
  }
  for (const item of namesInList(doc, IMAGE_PULL_SECRETS_PATH)) {
    if (!unnamed(item.name)) out.push({ name: item.name, nameRange: item.range });
  }
  return out.sort((a, b) => a.nameRange.start - b.nameRange.start);
}
