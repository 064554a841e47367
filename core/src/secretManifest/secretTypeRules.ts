/**
 * What `ValidateSecret` (kubernetes/kubernetes pkg/apis/core/validation/validation.go) requires of each
 * well-known Secret type, checked on the keys after `stringData` is merged into `data`:
 * `kubernetes.io/tls` needs `tls.crt` and `tls.key`; `kubernetes.io/dockerconfigjson` and
 * `kubernetes.io/dockercfg` need `.dockerconfigjson` or `.dockercfg` holding JSON that unmarshals into a
 * `map[string]interface{}` (an object); `kubernetes.io/basic-auth` needs `username` or `password`;
 * `kubernetes.io/ssh-auth` a non-empty `ssh-privatekey`; `kubernetes.io/service-account-token` the annotation
 * `kubernetes.io/service-account.name`. The API server stops there, but the kubelet reads a
 * `.dockerconfigjson` only through its `auths` (kubernetes/kubernetes pkg/credentialprovider/config.go,
 * `DockerConfigJSON`), so one without it pulls with no credentials: a warning.
 *
 * To read a registry config its value is decoded here, parsed, and dropped: only "is it an object" and "has it
 * auths" leave this file, and a parse failure is told by position (safeJsonParse).
 */
import { safeJsonParse } from '../json/safeJsonParse';
import { finding, type Finding } from '../rules/ruleTable';
import type { OffsetRange } from '../text/offsets';
import type { ManifestKey } from './manifestSummary';
import { annotation, type SecretManifestView, type ValueField } from './readSecretManifest';

const TLS = 'kubernetes.io/tls';
const DOCKER_JSON = 'kubernetes.io/dockerconfigjson';
const DOCKER_CFG = 'kubernetes.io/dockercfg';
const SERVICE_ACCOUNT_NAME = 'kubernetes.io/service-account.name';

/** What each type needs that `keys` lacks, in the API server's order; empty when nothing. */
function missingForType(view: SecretManifestView, keys: ReadonlyMap<string, ManifestKey>): string[] {
  const has = (k: string) => keys.has(k);
  const need = (k: string) => (has(k) ? [] : [`the key ${k}`]);
  switch (view.type) {
    case TLS:
      return [...need('tls.crt'), ...need('tls.key')];
    case DOCKER_JSON:
      return need('.dockerconfigjson');
    case DOCKER_CFG:
      return need('.dockercfg');
    case 'kubernetes.io/basic-auth':
      return has('username') || has('password') ? [] : ['the key username or the key password'];
    case 'kubernetes.io/ssh-auth':
      return keys.get('ssh-privatekey')?.bytes === 0 || !has('ssh-privatekey')
        ? ['a non-empty key ssh-privatekey']
        : [];
    case 'kubernetes.io/service-account-token':
      return annotation(view, SERVICE_ACCOUNT_NAME) ? [] : [`the annotation ${SERVICE_ACCOUNT_NAME}`];
    default:
      return [];
  }
}

/** The text of the value the API server keeps for `key` (stringData's over data's), decoded; undefined if none. */
function effectiveText(view: SecretManifestView, key: string): { field: ValueField; text: string } | undefined {
  for (const field of ['stringData', 'data'] as const) {
    const p = view.entries[field].find((e) => e.key === key);
    const v = p?.value;
    if (!p) continue;
    if (v?.type !== 'scalar' || typeof v.value !== 'string') return undefined;
    return { field, text: field === 'data' ? Buffer.from(v.value, 'base64').toString('utf8') : v.value };
  }
  return undefined;
}

/** PM008 and PM009 for a registry config that the API server or the kubelet cannot use. */
function registryConfigFindings(view: SecretManifestView, key: ManifestKey): Finding[] {
  // A value the API server cannot read at all already has its finding.
  if (key.bytes === undefined) return [];
  const value = effectiveText(view, key.key);
  if (!value) return [];
  const parsed = safeJsonParse(value.text);
  const args = { field: value.field, key: key.key, type: view.type };
  if (!parsed.ok) return [finding('PM008', key, { ...args, why: parsed.message })];
  const v = parsed.value;
  if (!v || typeof v !== 'object' || Array.isArray(v)) {
    const what = v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`;
    return [finding('PM008', key, { ...args, why: `it is ${what}` })];
  }
  const auths = (v as Record<string, unknown>).auths;
  if (view.type === DOCKER_JSON && (!auths || typeof auths !== 'object' || Array.isArray(auths))) {
    return [finding('PM009', key, { field: value.field })];
  }
  return [];
}

/** The type's findings; `keys` are the manifest's keys by name, `where` what a missing key is reported on. */
export function secretTypeFindings(
  view: SecretManifestView,
  keys: ReadonlyMap<string, ManifestKey>,
  where: OffsetRange,
): Finding[] {
  const missing = missingForType(view, keys);
  if (missing.length) return [finding('PM007', where, { type: view.type, what: missing.join(' and ') })];
  const configKey = view.type === DOCKER_JSON ? '.dockerconfigjson' : view.type === DOCKER_CFG ? '.dockercfg' : '';
  const key = configKey && keys.get(configKey);
  return key ? registryConfigFindings(view, key) : [];
}
