import { ManifestError } from './manifestError';
import { newDraft, type SecretDraft } from './secretDraft';
import { checkTlsKeyPair } from './tlsPair';
import { FsError, type SourceReader } from './sourceReader';

export const TLS_SECRET_TYPE = 'kubernetes.io/tls';

export interface TlsSecretOptions {
  name: string;
  namespace?: string;
  cert?: string;
  key?: string;
}

/** `kubectl create secret tls`: the raw file bytes under tls.crt/tls.key, once the pair is known to match. */
export function buildTlsSecret(o: TlsSecretOptions, reader: SourceReader): SecretDraft {
  checkTlsOptions(o);
  const cert = readTlsFile(o.cert!, reader);
  const key = readTlsFile(o.key!, reader);
  return tlsDraftFromContents(o.name, cert, key, o.namespace);
}

export function checkTlsOptions(o: TlsSecretOptions): void {
  // kubectl checks no name for tls (an empty one prints `secret/<unknown>`).
  if (!o.cert || !o.key) throw new ManifestError('key and cert must be specified');
}

/** For callers that already hold the contents (the wizard checks the pair before it may finish). */
export function tlsDraftFromContents(name: string, cert: Uint8Array, key: Uint8Array, namespace?: string): SecretDraft {
  checkTlsKeyPair(cert, key);
  const draft = newDraft(name, TLS_SECRET_TYPE, namespace);
  draft.data.set('tls.crt', cert);
  draft.data.set('tls.key', key);
  return draft;
}

export function readTlsFile(path: string, reader: SourceReader): Uint8Array {
  try {
    return reader.readFile(path);
  } catch (err) {
    if (err instanceof FsError) throw new ManifestError(`Cannot read file ${path}, ${err.message}`);
    throw err;
  }
}
