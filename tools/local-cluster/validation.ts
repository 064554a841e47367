/**
 * The API server's validation rules for Secrets and Namespaces (k8s.io/apimachinery validation and
 * pkg/apis/core/validation), with its field paths and message texts, so a 422 here reads like a 422 from a cluster.
 */
import type { StatusCause } from './status';
import { jsonSyntaxError } from './jsonErrors';
import type { K8sObject } from './objects';

const DNS1123_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN = `${DNS1123_LABEL}(\\.${DNS1123_LABEL})*`;
const CONFIG_KEY = '[-._a-zA-Z0-9]+';
const QUALIFIED_NAME = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE = '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?';
const full = (re: string): RegExp => new RegExp(`^${re}$`);

/** The biggest Secret the API accepts (sum of decoded value sizes). */
export const MAX_SECRET_SIZE = 1024 * 1024;

/** Go's `%q` for the plain strings these messages quote. */
const q = (s: string): string => JSON.stringify(s);

export const invalidValue = (field: string, value: string, detail: string): StatusCause => ({
  reason: 'FieldValueInvalid',
  message: `Invalid value: ${q(value)}: ${detail}`,
  field,
});
export const requiredValue = (field: string, detail = ''): StatusCause => ({
  reason: 'FieldValueRequired',
  message: detail ? `Required value: ${detail}` : 'Required value',
  field,
});
export const forbiddenValue = (field: string, detail: string): StatusCause => ({
  reason: 'FieldValueForbidden',
  message: `Forbidden: ${detail}`,
  field,
});

export function dns1123SubdomainErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push('must be no more than 253 characters');
  if (!full(DNS1123_SUBDOMAIN).test(value)) {
    errs.push(
      `a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or ` +
        `'.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used ` +
        `for validation is '${DNS1123_SUBDOMAIN}')`,
    );
  }
  return errs;
}

export function dns1123LabelErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push('must be no more than 63 characters');
  if (!full(DNS1123_LABEL).test(value)) {
    errs.push(
      `a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and ` +
        `must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used ` +
        `for validation is '${DNS1123_LABEL}')`,
    );
  }
  return errs;
}

/** `IsConfigMapKey`: the rule for Secret and ConfigMap data keys. */
export function configKeyErrors(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push('must be no more than 253 characters');
  if (!full(CONFIG_KEY).test(key)) {
    errs.push(
      `a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name', ` +
        ` or 'KEY_NAME',  or 'key-name', regex used for validation is '${CONFIG_KEY}')`,
    );
  }
  if (key === '.') errs.push("must not be '.'");
  else if (key === '..') errs.push("must not be '..'");
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

function labelErrors(labels: Record<string, unknown> | undefined, field: string): StatusCause[] {
  const causes: StatusCause[] = [];
  for (const [key, value] of Object.entries(labels ?? {})) {
    const slash = key.lastIndexOf('/');
    const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
    const name = slash >= 0 ? key.slice(slash + 1) : key;
    if (prefix !== undefined)
      for (const e of dns1123SubdomainErrors(prefix)) causes.push(invalidValue(field, key, `prefix part ${e}`));
    if (name.length === 0) causes.push(invalidValue(field, key, 'name part must be non-empty'));
    else if (name.length > 63) causes.push(invalidValue(field, key, 'name part must be no more than 63 characters'));
    if (name.length > 0 && !full(QUALIFIED_NAME).test(name)) {
      causes.push(
        invalidValue(
          field,
          key,
          `name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end ` +
            `with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for ` +
            `validation is '${QUALIFIED_NAME}')`,
        ),
      );
    }
    const v = typeof value === 'string' ? value : String(value);
    if (v.length > 63) causes.push(invalidValue(field, v, 'must be no more than 63 characters'));
    if (!full(LABEL_VALUE).test(v)) {
      causes.push(
        invalidValue(
          field,
          v,
          `a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', ` +
            `and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or ` +
            `'12345', regex used for validation is '${LABEL_VALUE}')`,
        ),
      );
    }
  }
  return causes;
}

function metadataErrors(obj: K8sObject, nameRule: (v: string) => string[]): StatusCause[] {
  const name = obj.metadata?.name;
  const causes: StatusCause[] = [];
  if (!name) causes.push(requiredValue('metadata.name', 'name or generateName is required'));
  else for (const e of nameRule(name)) causes.push(invalidValue('metadata.name', name, e));
  causes.push(...labelErrors(obj.metadata?.labels, 'metadata.labels'));
  return causes;
}

/** Required keys per well-known Secret type (pkg/apis/core/validation ValidateSecret). */
function typeErrors(type: string, data: Record<string, string>, annotations: Record<string, string>): StatusCause[] {
  const has = (k: string): boolean => Object.prototype.hasOwnProperty.call(data, k);
  const decoded = (k: string): Buffer => Buffer.from(data[k] ?? '', 'base64');
  const jsonError = (k: string): StatusCause[] => {
    try {
      JSON.parse(decoded(k).toString('utf8'));
      return [];
    } catch (e) {
      // The real server redacts the value here too; it must never echo secret contents.
      return [invalidValue(`data[${k}]`, '<secret contents redacted>', jsonSyntaxError(e))];
    }
  };
  switch (type) {
    case 'kubernetes.io/tls':
      return [
        ...(has('tls.crt') ? [] : [requiredValue('data[tls.crt]')]),
        ...(has('tls.key') ? [] : [requiredValue('data[tls.key]')]),
      ];
    case 'kubernetes.io/dockerconfigjson':
      return has('.dockerconfigjson') ? jsonError('.dockerconfigjson') : [requiredValue('data[.dockerconfigjson]')];
    case 'kubernetes.io/dockercfg':
      return has('.dockercfg') ? jsonError('.dockercfg') : [requiredValue('data[.dockercfg]')];
    case 'kubernetes.io/basic-auth':
      return has('username') || has('password')
        ? []
        : [requiredValue('data[username]'), requiredValue('data[password]')];
    case 'kubernetes.io/ssh-auth':
      return decoded('ssh-privatekey').length > 0 ? [] : [requiredValue('data[ssh-privatekey]')];
    case 'kubernetes.io/service-account-token':
      return annotations['kubernetes.io/service-account.name']
        ? []
        : [requiredValue('metadata.annotations[kubernetes.io/service-account.name]')];
    default:
      return [];
  }
}

/** Validates a normalised Secret (stringData already folded into base64 `data`, `type` defaulted). */
export function secretErrors(secret: K8sObject): StatusCause[] {
  const causes = metadataErrors(secret, dns1123SubdomainErrors);
  const data = (secret.data ?? {}) as Record<string, string>;
  let total = 0;
  for (const [key, value] of Object.entries(data)) {
    for (const e of configKeyErrors(key)) causes.push(invalidValue(`data[${key}]`, key, e));
    total += Buffer.byteLength(value, 'base64');
  }
  if (total > MAX_SECRET_SIZE)
    causes.push({
      reason: 'FieldValueTooLong',
      message: `Too long: must have at most ${MAX_SECRET_SIZE} bytes`,
      field: 'data',
    });
  causes.push(...typeErrors(String(secret.type), data, (secret.metadata?.annotations ?? {}) as Record<string, string>));
  return causes;
}

/**
 * Rules that compare an update with the stored object, in ValidateSecretUpdate's order (kubernetes/kubernetes
 * pkg/apis/core/validation/validation.go): `type` never changes; once `immutable` is set it stays set and `data` stays
 * as it is. `stringData` needs no rule of its own: it is folded into `data` before validation, so a `stringData`
 * that changes a value is refused as a change of `data`, and metadata (labels, annotations) may still change.
 */
export function secretUpdateErrors(next: K8sObject, old: K8sObject): StatusCause[] {
  const causes: StatusCause[] = [];
  if (next.type !== old.type) causes.push(invalidValue('type', String(next.type), 'field is immutable'));
  if (old.immutable === true) {
    if (next.immutable !== true) causes.push(forbiddenValue('immutable', 'field is immutable when `immutable` is set'));
    if (JSON.stringify(next.data ?? {}) !== JSON.stringify(old.data ?? {}))
      causes.push(forbiddenValue('data', 'field is immutable when `immutable` is set'));
  }
  return causes;
}

export function namespaceErrors(ns: K8sObject): StatusCause[] {
  return metadataErrors(ns, dns1123LabelErrors);
}
