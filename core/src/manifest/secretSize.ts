/**
 * The size the Kubernetes API server allows a Secret. It refuses one whose values total more than 1 MiB:
 * kubernetes/kubernetes pkg/apis/core/types.go has `MaxSecretSize = 1 * 1024 * 1024`, and ValidateSecret in
 * pkg/apis/core/validation/validation.go sums `len(value)` over `data` (the raw bytes, keys not counted;
 * `stringData` is merged into `data` before). The documentation says the same: "Individual Secrets are
 * limited to 1MiB in size" (kubernetes.io/docs/concepts/configuration/secret/, Restrictions). etcd's own
 * request limit (`--max-request-bytes`, 1.5 MiB by default) lies above it, so this is the one users meet.
 */
import type { SecretDraft } from './secretDraft';

export const MAX_SECRET_DATA_BYTES = 1024 * 1024;

/** What the API server counts: the values' bytes, before base64. */
export function secretDataBytes(draft: SecretDraft): number {
  let total = 0;
  for (const value of draft.data.values()) total += value.byteLength;
  return total;
}

/** A warning (sizes only, never a value) when the draft is over the API server's limit; undefined otherwise. */
export function secretSizeProblem(draft: SecretDraft): string | undefined {
  const total = secretDataBytes(draft);
  if (total <= MAX_SECRET_DATA_BYTES) return undefined;
  return (
    `The values of Secret "${draft.name}" total ${total.toLocaleString('en-US')} bytes; the Kubernetes API server ` +
    `refuses a Secret over 1 MiB (${MAX_SECRET_DATA_BYTES.toLocaleString('en-US')} ` +
    `bytes), so no cluster will accept it.`
  );
}
