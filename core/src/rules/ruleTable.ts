/**
 * Every diagnostic the analysis can report, in one table: its code, severity, message template and whether
 * it needs the cluster's secret catalog (those stay silent unless the catalog is ready). Templates fill
 * `{placeholders}` from the rule's arguments; PS001–PS003 keep pachd's own wording so users recognise them.
 */
import type { OffsetRange } from '../text';
import { HELM_RULES } from '../helm/helmRuleTable';
import { MANIFEST_RULES } from '../secretManifest/manifestRuleTable';

import type { RuleDef, Severity } from './ruleDef';

export type { RuleDef, Severity };

const rule = (severity: Severity, message: string, summary: string, needsCatalog = false): RuleDef => ({
  severity,
  message,
  summary,
  needsCatalog,
});

export const RULES = {
  // PH001–PH008: Pachyderm Helm values files.
  ...HELM_RULES,
  // PM001–PM011: Secret manifests (JSON or YAML `v1` `Secret` documents).
  ...MANIFEST_RULES,
  PS001: rule('error', 'secret {name} has env_var set but is missing key', 'a secret entry with `envVar` but no `key`'),
  PS002: rule(
    'error',
    'missing Kubernetes secret {name}{didYouMean}',
    'the secret does not exist in the namespace',
    true,
  ),
  PS003: rule(
    'error',
    'Kubernetes secret {name} missing key {key}{didYouMean} (keys: {keys})',
    'the `key` is not in the secret',
    true,
  ),
  PS004: rule(
    'hint',
    '"key" is ignored with only mountPath: every key of {name} is mounted as a file',
    '`key` with only `mountPath` has no effect',
  ),
  PS005: rule(
    'warning',
    'secret entry {name} has neither mountPath nor envVar, so it has no effect',
    'a secret entry that neither mounts nor exports the secret',
  ),
  PS006: rule('error', 'secret entry has no name', 'a secret entry without `name`'),
  PS007: rule(
    'error',
    'secret {name} is already mounted in this pipeline: the duplicate volume name "{name}" makes Kubernetes reject the pod',
    'the same secret mounted twice in one pipeline',
  ),
  PS008: rule(
    'error',
    'secret {name} cannot be mounted: its name contains "." and volume names must be DNS labels',
    'a secret with `.` in its name used with `mountPath`',
  ),
  PS009: rule(
    'warning',
    'mountPath {path} {why}',
    '`mountPath` not absolute, or colliding with a path Pachyderm mounts itself',
  ),
  PS010: rule(
    'warning',
    'envVar {envVar} is not a valid environment variable name (letters, digits and "_", not starting with a digit)',
    '`envVar` is not a valid environment variable name',
  ),
  PS011: rule(
    'warning',
    'envVar {envVar} is already set by {other}',
    '`envVar` repeats a variable from `transform.env` or another secret',
  ),
  PS012: rule(
    'error',
    'duplicate field "{field}"{also}',
    'both spellings of one field (or one key twice) in one object',
  ),
  PS013: rule(
    'error',
    '{name} is not a valid Kubernetes secret name (lowercase letters, digits, "-" and ".", at most 253 characters)',
    'the secret name is not a DNS-1123 subdomain',
  ),
  PS020: rule(
    'warning',
    'image pull secret {name} does not exist{didYouMean}',
    'an `imagePullSecrets` name does not exist',
    true,
  ),
  PS021: rule(
    'warning',
    'image pull secret {name} has type {type}, not a registry credential (kubernetes.io/dockerconfigjson or kubernetes.io/dockercfg)',
    'an `imagePullSecrets` secret is not a registry credential',
    true,
  ),
  PS030: rule('error', '{message}', '`egress.sqlDatabase.secret` lacks `name` or `key`'),
  PS040: rule(
    'warning',
    '{field} references {what}',
    'a secret in the `podPatch`/`podSpec` JSON does not exist or lacks the key',
    true,
  ),
  PS050: rule(
    'warning',
    '{env} in transform.env looks like a plain-text credential ({why}): move it into a Kubernetes secret',
    'a `transform.env` value that looks like a credential (by its name or its shape); the message never quotes it',
  ),
  PS060: rule(
    'error',
    'Deployed pipeline {pipeline} fails: {failure}',
    'the deployed pipeline of this spec (same project and name) fails because of the secret (and key) referenced here',
  ),
  PS070: rule(
    'warning',
    '{what} does not exist in target `{label}` ({place})',
    'the secret or key exists in the active target but not in an extra target (`pachyderm.extraTargets`, ' +
      '`check --context A --context B`)',
    true,
  ),
  PS100: rule('error', '{message}', 'syntax error'),
  PS101: rule(
    'error',
    'unknown field "{field}"{didYouMean}',
    'unknown field (pachctl rejects unknown fields); for a field older Pachyderm had, its path and what replaced it',
  ),
  PS102: rule('error', '{field} must be {expected}, not {actual}', 'a value of the wrong type'),
  PS103: rule('error', '{field} must be one of {values}, not {value}', 'an invalid enum value'),
  PS104: rule('error', '{field} must be {expected}, not {value}', 'an invalid duration or timestamp'),
  PS105: rule(
    'error',
    'alias nodes not supported: pachctl rejects YAML aliases (*{name}); write the value out',
    'a YAML alias',
  ),
  PS106: rule('warning', 'anchor &{name} is only useful with an alias, which pachctl rejects', 'a YAML anchor'),
  PS107: rule('error', 'tag "{tag}" unsupported{fix}', 'a YAML tag pachctl rejects (unquoted timestamps, custom tags)'),
  PS108: rule(
    'error',
    'this integer is not plain decimal, which pachctl requires: write {fix}',
    'a non-decimal YAML integer (hex, octal, `1_000`)',
  ),
  PS109: rule('error', 'transform.env values must be strings: quote {value}', 'a non-string `transform.env` value'),
  PS110: rule(
    'error',
    'JSON documents must be separated by a line with "---": pachctl no longer reads JSON objects run together',
    'JSON documents run together without `---`',
  ),
  PS111: rule(
    'error',
    'expected a mapping or a sequence; got {got}',
    'a document that is neither a spec nor a list of specs (also an empty one after a last `---` line)',
  ),
  PS112: rule('error', 'mapping keys must be strings, not {kind}', 'a non-string YAML mapping key'),
  PS113: rule('error', '{message}', 'a spec without `pipeline.name` or `transform`'),
  PS114: rule('error', 'malformed {what}: the string is not valid JSON', '`podSpec`/`podPatch` is not valid JSON'),
  PS115: rule(
    'information',
    'this spec holds Go template actions ({{ … }}) that a tool renders before pachctl reads it; as written it is not {format}, so it is left alone',
    'a spec that is a Go template, not JSON/YAML until rendered: left alone',
  ),
  PS116: rule('error', '{message}', 'a file in an encoding pachctl cannot read (UTF-16 without a byte order mark)'),
  PS117: rule('warning', '{message}', 'a file in UTF-16 or with CR-only line endings: pachctl reads it'),
  PS118: rule(
    'warning',
    'secret {name}: {certificate}',
    'a named secret holds a certificate that has expired, is not yet valid, or expires within ' +
      '`pachyderm.certificateExpiryWarningDays` days (`check --certificate-expiry-warning-days`, default 30)',
    true,
  ),
} as const satisfies Record<string, RuleDef>;

export type RuleCode = keyof typeof RULES;

/** What a rule found. `data` carries what quick fixes need (names, keys, the field to add); never a value. */
export interface Finding extends OffsetRange {
  code: RuleCode;
  severity: Severity;
  message: string;
  data?: Record<string, unknown>;
}

export function finding(
  code: RuleCode,
  range: OffsetRange,
  args: Record<string, string | number> = {},
  data?: Record<string, unknown>,
): Finding {
  const def = RULES[code];
  const message = def.message.replace(/\{(\w+)\}/g, (_, k: string) => (k in args ? String(args[k]) : ''));
  return { code, severity: def.severity, message, start: range.start, end: range.end, ...(data ? { data } : {}) };
}
