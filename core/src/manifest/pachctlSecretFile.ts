/**
 * What pachd does with the file of `pachctl create secret -f FILE` before it reaches Kubernetes
 * (api_server.go CreateSecret): the file must be JSON (Go encoding/json into a v1.Secret, so `data` must be
 * base64), a `suite` label other than `pachyderm` is refused with pachd's own message, and the labels
 * `suite=pachyderm` and `secret-source=pachyderm-user` are forced. pachd creates in its own namespace, so a
 * different `metadata.namespace` would be rejected by Kubernetes; we say so before asking the cluster.
 */
import { PACHYDERM_SECRET_LABELS, type SecretObject } from '../catalog/secretMeta';
import { safeJsonParse } from '../json/safeJsonParse';
import type { Outcome } from '../outcome';
import { BASE64_PROBLEM_TEXT, checkGoBase64 } from './goBase64';

/** A Secret ready to send: the file's object with pachd's labels. Holds values; never log or display it. */
export interface PreparedSecret extends SecretObject {
  apiVersion?: string;
  kind?: string;
  metadata: NonNullable<SecretObject['metadata']> & { name: string; labels: Record<string, string> };
}

export function preparePachctlSecret(text: string, targetNamespace: string): Outcome<PreparedSecret> {
  // The file holds values: a malformed one is told by position, never by its text (safeJsonParse's comment).
  const read = safeJsonParse(text);
  if (!read.ok) return { ok: false, message: `failed to unmarshal secret: ${notJsonReason(text, read.message)}` };
  const parsed = read.value;
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { ok: false, message: 'failed to unmarshal secret: the file must hold one JSON object of kind Secret' };
  }
  const obj = parsed as Record<string, unknown>;
  if (obj.kind !== undefined && obj.kind !== 'Secret') {
    return { ok: false, message: `The file holds a "${String(obj.kind)}", not a Secret.` };
  }
  const md = (obj.metadata ?? {}) as Record<string, unknown>;
  if (typeof md !== 'object' || Array.isArray(md))
    return { ok: false, message: 'failed to unmarshal secret: metadata must be an object' };
  const name = typeof md.name === 'string' ? md.name : '';
  if (!name) return { ok: false, message: 'The Secret has no metadata.name.' };
  const valuesProblem = valueMapProblem(obj, 'data') ?? valueMapProblem(obj, 'stringData');
  if (valuesProblem) return { ok: false, message: `failed to unmarshal secret: ${valuesProblem}` };
  const labels = { ...((md.labels ?? {}) as Record<string, string>) };
  if (labels.suite !== undefined && labels.suite !== PACHYDERM_SECRET_LABELS.suite) {
    return { ok: false, message: `invalid suite label set on secret: suite=${labels.suite}` };
  }
  const ns = typeof md.namespace === 'string' ? md.namespace : '';
  if (ns && ns !== targetNamespace) {
    return {
      ok: false,
      message:
        `The file sets metadata.namespace "${ns}", but secrets are created in the target namespace ` +
        `"${targetNamespace}" (pachd's namespace). Remove metadata.namespace or switch the namespace.`,
    };
  }
  Object.assign(labels, PACHYDERM_SECRET_LABELS);
  return {
    ok: true,
    value: {
      ...(obj as SecretObject),
      metadata: { ...(md as SecretObject['metadata']), name, labels },
    } as PreparedSecret,
  };
}

/** Why text that is not JSON fails pachd's unmarshal; YAML, the likeliest mistake, is named as such. */
function notJsonReason(text: string, parseMessage: string): string {
  const looksYaml = /^\s*(apiVersion|kind|metadata)\s*:/m.test(text);
  return looksYaml
    ? 'the file looks like YAML, but pachctl create secret reads JSON only (kubectl create secret … ' +
        '--dry-run=client -o json writes one)'
    : `not valid JSON (${parseMessage})`;
}

/**
 * Why `obj[field]` (`data` or `stringData`) would fail Go's unmarshal into a v1.Secret, if it would: it must be
 * an object of key → string, and `data`'s strings standard base64. Keys are named; values never are.
 */
function valueMapProblem(obj: Record<string, unknown>, field: 'data' | 'stringData'): string | undefined {
  const v = obj[field];
  if (v !== undefined && v !== null && (typeof v !== 'object' || Array.isArray(v))) {
    return `${field} must be an object of key → string`;
  }
  for (const [key, value] of Object.entries((v ?? {}) as Record<string, unknown>)) {
    if (typeof value !== 'string') return `${field}["${key}"] must be a string`;
    // Go decodes []byte fields as standard base64; anything else fails the whole unmarshal.
    const base64 = field === 'data' ? checkGoBase64(value) : undefined;
    if (base64 && !base64.ok) {
      const why = BASE64_PROBLEM_TEXT[base64.problem];
      return `data["${key}"] is not valid base64: ${why} (use stringData for plain text)`;
    }
  }
  return undefined;
}
