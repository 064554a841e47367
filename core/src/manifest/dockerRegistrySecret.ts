import { ManifestError } from './manifestError';
import { newDraft, type SecretDraft } from './secretDraft';
import { addFileSources } from './fileSources';
import { goJsonCompact, type GoJsonValue } from './goJson';
import type { SourceReader } from './sourceReader';
import { textToBytes } from './rawBytes';

export const DOCKER_CONFIG_JSON_TYPE = 'kubernetes.io/dockerconfigjson';
export const DOCKER_CONFIG_JSON_KEY = '.dockerconfigjson';
export const DEFAULT_DOCKER_SERVER = 'https://index.docker.io/v1/';

export interface DockerRegistrySecretOptions {
  name: string;
  namespace?: string;
  /** kubectl's default applies when undefined; '' is an error as in kubectl. */
  server?: string;
  username?: string;
  password?: string;
  email?: string;
  fromFile?: readonly string[];
}

/**
 * `kubectl create secret docker-registry` (1.31+ behaviour: a `--from-file` without `key=` lands under
 * .dockerconfigjson).
 */
export function buildDockerRegistrySecret(o: DockerRegistrySecretOptions, reader: SourceReader): SecretDraft {
  checkDockerRegistryOptions(o);
  const draft = newDraft(o.name, DOCKER_CONFIG_JSON_TYPE, o.namespace);
  if (o.fromFile?.length) {
    const sources = o.fromFile.map((s) => (s.includes('=') ? s : `${DOCKER_CONFIG_JSON_KEY}=${s}`));
    addFileSources(draft, sources, reader);
  } else {
    draft.data.set(
      DOCKER_CONFIG_JSON_KEY,
      Buffer.from(dockerConfigJson(o.server ?? DEFAULT_DOCKER_SERVER, o.username!, o.password!, o.email ?? ''), 'utf8'),
    );
  }
  return draft;
}

export function checkDockerRegistryOptions(o: DockerRegistrySecretOptions): void {
  if (!o.name) throw new ManifestError('name must be specified');
  const server = o.server ?? DEFAULT_DOCKER_SERVER;
  if (!o.fromFile?.length && (!o.username || !o.password || !server)) {
    throw new ManifestError(
      'either --from-file or the combination of --docker-username, --docker-password and --docker-server is required',
    );
  }
}

/** The `.dockerconfigjson` document, compact Go JSON with kubectl's field order; email omitted when empty. */
export function dockerConfigJson(server: string, username: string, password: string, email: string): string {
  const entry: { [k: string]: GoJsonValue } = { username, password };
  if (email) entry.email = email;
  // kubectl's JSON strings turn bytes that are not UTF-8 into U+FFFD (goJson does the same with the lone
  // surrogates that carry them), but "auth" is base64 of the raw bytes, which textToBytes gives back.
  entry.auth = textToBytes(`${username}:${password}`).toString('base64');
  return goJsonCompact({ auths: new Map([[server, entry]]) });
}
