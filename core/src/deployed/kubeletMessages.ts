/**
 * What kubelet's messages say about secrets, in kubelet's own words (kubernetes/kubernetes):
 *
 * - `secret "NAME" not found`: the secret manager's NotFound (pkg/kubelet/util/manager/watch_based_manager.go
 *   `apierrors.NewNotFound(c.groupResource, name)` with the resource `secret`); the cache-based manager asks the
 *   API server, whose NotFound says `secrets "NAME" not found`. Both reach a container's waiting message
 *   (`CreateContainerConfigError`, pkg/kubelet/kubelet_pods.go `makeEnvironmentVariables`) and a volume's.
 * - `couldn't find key KEY in Secret NAMESPACE/NAME` (kubelet_pods.go `makeEnvironmentVariables`).
 * - `MountVolume.SetUp failed for volume "VOLUME" : ERROR`, a `FailedMount` event
 *   (pkg/volume/util/operationexecutor/operation_executor.go `generateVolumeMsg` with `errSuffix`), where ERROR
 *   is the secret's NotFound or `references non-existent secret key: KEY` (pkg/volume/secret/secret.go
 *   `MakePayload`); a projected volume joins several errors as `[a, b]` (pkg/volume/projected/projected.go).
 * - `Unable to retrieve some image pull secrets (A, B); attempting to pull the image may not succeed.`, a
 *   `FailedToRetrieveImagePullSecret` event (kubelet_pods.go `getPullSecretsForPod`).
 * - `Failed to pull image "IMAGE": ERROR`, a `Failed` event (pkg/kubelet/images/image_manager.go, `FailedToPullImage`),
 *   whose ERROR is the runtime's: containerd ends a reference the registry does not have with `: not found`, Docker
 *   and CRI-O say `manifest unknown`. The waiting message of `ErrImagePull` is that ERROR too.
 */

export type SecretFact =
  { kind: 'missing-secret'; secret: string } | { kind: 'missing-key'; secret: string; key: string };

/** Reasons of the events this module reads; every other event is ignored. */
export const FAILED_MOUNT = 'FailedMount';
export const FAILED_PULL_SECRET = 'FailedToRetrieveImagePullSecret';
export const FAILED_PULL_IMAGE = 'Failed';

const SECRET_NOT_FOUND = /\bsecrets? "([^"]+)" not found/g;
const KEY_NOT_FOUND = /couldn't find key (\S+) in Secret ([^/\s]+)\/(\S+)/g;
const MOUNT_FAILED = /^MountVolume\.SetUp failed for volume "([^"]+)" : /;
const VOLUME_KEY_MISSING = /references non-existent secret key: ([^\s,\]]+)/g;
const PULL_SECRETS = /^Unable to retrieve some image pull secrets \(([^)]*)\)/;
const PULL_FAILED = /^Failed to pull image "[^"]*": /;
const IMAGE_NOT_FOUND = /(?:: not found|manifest unknown)$/i;

/** The secrets and keys a container's waiting message or a mount error names as missing. */
export function secretFactsIn(message: string): SecretFact[] {
  const facts: SecretFact[] = [];
  for (const m of message.matchAll(SECRET_NOT_FOUND)) facts.push({ kind: 'missing-secret', secret: m[1] });
  for (const m of message.matchAll(KEY_NOT_FOUND)) facts.push({ kind: 'missing-key', secret: m[3], key: m[1] });
  return facts;
}

export interface MountFailure {
  volume: string;
  facts: SecretFact[];
  /** Keys a secret volume's `items` name that the secret lacks; the message does not say which secret. */
  missingKeys: string[];
}

/** A `FailedMount` message, or undefined when it is not one kubelet writes for a volume set-up. */
export function parseMountFailure(message: string): MountFailure | undefined {
  const m = MOUNT_FAILED.exec(message);
  if (!m) return undefined;
  const rest = message.slice(m[0].length);
  return {
    volume: m[1],
    facts: secretFactsIn(rest),
    missingKeys: [...rest.matchAll(VOLUME_KEY_MISSING)].map((k) => k[1]),
  };
}

/** The secret names of a `FailedToRetrieveImagePullSecret` message. */
export function parsePullSecretFailure(message: string): string[] {
  const m = PULL_SECRETS.exec(message);
  if (!m) return [];
  return m[1]
    .split(', ')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Whether a `Failed` event is a failed pull, and then whether it says the image does not exist. */
export function parsePullFailure(message: string): { notFound: boolean } | undefined {
  const m = PULL_FAILED.exec(message);
  return m ? { notFound: imageNotFound(message.slice(m[0].length)) } : undefined;
}

/**
 * A pull error in which the registry answered that the reference does not exist: it was read, so no missing
 * credential caused it (a registry that wants one refuses access instead: `pull access denied`, `401 Unauthorized`).
 */
export function imageNotFound(error: string): boolean {
  return IMAGE_NOT_FOUND.test(error.trim());
}
