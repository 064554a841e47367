import { ManifestError } from './manifestError';
import { newDraft, type SecretDraft } from './secretDraft';
import { addEnvFileSources, addFileSources, addLiteralSources } from './fileSources';
import type { SourceReader } from './sourceReader';

export interface GenericSecretOptions {
  name: string;
  namespace?: string;
  type?: string;
  fromFile?: readonly string[];
  fromLiteral?: readonly string[];
  fromEnvFile?: readonly string[];
}

/**
 * `kubectl create secret generic`: files, then literals, then env files, in kubectl's order (it decides which error
 * wins).
 */
export function buildGenericSecret(o: GenericSecretOptions, reader: SourceReader): SecretDraft {
  checkGenericOptions(o);
  const draft = newDraft(o.name, o.type ?? '', o.namespace);
  addFileSources(draft, o.fromFile ?? [], reader);
  addLiteralSources(draft, o.fromLiteral ?? []);
  addEnvFileSources(draft, o.fromEnvFile ?? [], reader);
  return draft;
}

/** kubectl's Validate step, before any file is read. */
export function checkGenericOptions(o: GenericSecretOptions): void {
  if (!o.name) throw new ManifestError('name must be specified');
  if (o.fromEnvFile?.length && (o.fromFile?.length || o.fromLiteral?.length)) {
    throw new ManifestError('from-env-file cannot be combined with from-file or from-literal');
  }
}
