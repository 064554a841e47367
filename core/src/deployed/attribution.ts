/**
 * Ties a worker's failure to the secret and key that cause it, when kubelet's words name them
 * (kubeletMessages.ts) or, for an image pull, when the catalog shows a pull secret missing or not a registry
 * credential. A failure whose message names no secret gets no blame: guessing would send a user to the wrong
 * secret.
 */
import { parseMountFailure, secretFactsIn, type MountFailure, type SecretFact } from './kubeletMessages';
import { IMAGE_PULL_REASONS } from './podFailure';
import { usesKey, type WorkerSecretUse, type WorkerSecretUseKind } from './podSecretUses';

export type BlameCause = 'missing-secret' | 'missing-key' | 'not-registry-credential';

export interface SecretBlame {
  secret: string;
  /** The key that is missing, for `missing-key`. */
  key?: string;
  cause: BlameCause;
  /** How the pipeline uses the secret (what broke); empty when the pod spec does not name it (kept anyway). */
  via: WorkerSecretUseKind[];
}

/** What a catalog knows of a secret that attribution reads: never a value. */
export interface SecretLookup {
  get(name: string): { type: string; keys: readonly { name: string; size: number }[] } | undefined;
}

/** The container reasons whose message is kubelet's error building the container (env vars, mounts). */
const CONTAINER_CONFIG_REASONS = ['CreateContainerConfigError', 'CreateContainerError'];

/** A container that cannot be made: the secrets and keys its waiting message names. */
export function blameContainerMessage(
  reason: string,
  message: string,
  uses: readonly WorkerSecretUse[],
): SecretBlame[] {
  if (!CONTAINER_CONFIG_REASONS.includes(reason)) return [];
  return secretFactsIn(message).map((f) => factBlame(f, uses));
}

/** A volume that cannot be set up (`FailedMount`): what the event names, and the volume's secret for a key. */
export function blameMountFailure(failure: MountFailure | string, uses: readonly WorkerSecretUse[]): SecretBlame[] {
  const parsed = typeof failure === 'string' ? parseMountFailure(failure) : failure;
  if (!parsed) return [];
  const blames = parsed.facts.map((f) => factBlame(f, uses));
  for (const key of parsed.missingKeys) {
    // `references non-existent secret key` does not say which secret; the volume's uses do, and a projected
    // volume that lists the key under one secret's `items` says which of its secrets.
    const candidates = uses.filter(
      (u) => (u.how === 'volume' || u.how === 'projected') && u.volume === parsed.volume && u.keys?.includes(key),
    );
    for (const u of candidates) blames.push({ secret: u.secret, key, cause: 'missing-key', via: [u.how] });
  }
  return mergeBlames(blames);
}

/** An image pull that failed while kubelet could not read some pull secrets (`FailedToRetrieveImagePullSecret`). */
export function blamePullSecrets(
  reason: string,
  missing: readonly string[],
  uses: readonly WorkerSecretUse[],
): SecretBlame[] {
  if (!IMAGE_PULL_REASONS.includes(reason)) return [];
  return missing.map((secret) => factBlame({ kind: 'missing-secret', secret }, uses));
}

/**
 * An image pull that failed, judged against the catalog: a pull secret that does not exist, or one kubelet
 * skips because it is not a registry credential. kubelet reads only `kubernetes.io/dockerconfigjson` with a
 * non-empty `.dockerconfigjson` and `kubernetes.io/dockercfg` with a non-empty `.dockercfg`, and ignores any
 * other secret without a word (pkg/credentialprovider/secrets/secrets.go `MakeDockerKeyring`).
 */
export function blamePullSecretsInCatalog(
  reason: string,
  uses: readonly WorkerSecretUse[],
  catalog: SecretLookup,
): SecretBlame[] {
  if (!IMAGE_PULL_REASONS.includes(reason)) return [];
  const blames: SecretBlame[] = [];
  for (const u of uses) {
    if (u.how !== 'imagePull') continue;
    const meta = catalog.get(u.secret);
    if (!meta) blames.push({ secret: u.secret, cause: 'missing-secret', via: ['imagePull'] });
    else if (!isRegistryCredential(meta))
      blames.push({ secret: u.secret, cause: 'not-registry-credential', via: ['imagePull'] });
  }
  return mergeBlames(blames);
}

export function isRegistryCredential(meta: { type: string; keys: readonly { name: string; size: number }[] }): boolean {
  const key = REGISTRY_KEYS[meta.type];
  return !!key && meta.keys.some((k) => k.name === key && k.size > 0);
}

const REGISTRY_KEYS: Record<string, string> = {
  'kubernetes.io/dockerconfigjson': '.dockerconfigjson',
  'kubernetes.io/dockercfg': '.dockercfg',
};

/** The same secret and key named twice (two containers, two messages) is one blame with every way it is used. */
export function mergeBlames(blames: readonly SecretBlame[]): SecretBlame[] {
  const byId = new Map<string, SecretBlame>();
  for (const b of blames) {
    const id = `${b.cause}\u0000${b.secret}\u0000${b.key ?? ''}`;
    const old = byId.get(id);
    if (!old) byId.set(id, { ...b, via: [...b.via] });
    else for (const v of b.via) if (!old.via.includes(v)) old.via.push(v);
  }
  return [...byId.values()];
}

function factBlame(fact: SecretFact, uses: readonly WorkerSecretUse[]): SecretBlame {
  const via = [
    ...new Set(
      uses
        .filter((u) => u.secret === fact.secret && (fact.kind === 'missing-secret' || usesKey(u, fact.key)))
        .map((u) => u.how),
    ),
  ];
  return fact.kind === 'missing-key'
    ? { secret: fact.secret, key: fact.key, cause: 'missing-key', via }
    : { secret: fact.secret, cause: 'missing-secret', via };
}
