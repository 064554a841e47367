/**
 * The Secret manifest section of the one rule table (core/src/rules/ruleTable.ts spreads it into `RULES`).
 * PM ("manifest") is a prefix of its own, as PH is for Helm values files: the rules judge a third kind of
 * document, a `v1` `Secret` as `kubectl create secret … -o json|yaml` writes it or a user hand-writes it, and a
 * rule setting or a README table can take the kind as a whole. Messages name keys and fields, never a value.
 * Where the API server has its own wording (pkg/apis/core/validation/validation.go `ValidateSecret`), it is kept.
 */
import type { RuleDef, Severity } from '../rules/ruleDef';

const pm = (severity: Severity, message: string, summary: string, needsCatalog = false): RuleDef => ({
  severity,
  message,
  summary,
  needsCatalog,
});

export const MANIFEST_RULES = {
  PM001: pm(
    'error',
    'data[{key}] is not valid base64, so the API server refuses the Secret: {why}. Put plain text under stringData',
    "a `data` value that Go's standard base64 (what the API server decodes `data` with) cannot read",
  ),
  PM002: pm(
    'error',
    'data[{key}] is tagged !!binary: kubectl decodes it itself and sends the bytes, which the API server then ' +
      'reads as base64 again. Remove the tag',
    'a YAML `!!binary` tag on a `data` value (kubectl decodes it before the API server does)',
  ),
  PM003: pm(
    'error',
    '{field}[{key}] must be a string, not {actual}',
    'a `data` or `stringData` value that is not a string',
  ),
  PM004: pm('error', 'metadata.name {problem}', 'the Secret name is missing or not a DNS-1123 subdomain'),
  PM005: pm('error', '{message}', 'a key that is not a valid Secret key name (kubectl and the API server refuse it)'),
  PM006: pm(
    'warning',
    'key {key} is in both data and stringData: the API server keeps the stringData value and drops this one',
    'a key in both `data` and `stringData` (the `stringData` value wins)',
  ),
  PM007: pm(
    'error',
    'a Secret of type {type} needs {what}',
    'a key (or annotation) the Secret type requires is missing: `kubernetes.io/tls`, `dockerconfigjson`, ' +
      '`dockercfg`, `basic-auth`, `ssh-auth`, `service-account-token`',
  ),
  PM008: pm(
    'error',
    '{field}[{key}] of a {type} Secret is not a JSON object, so the API server refuses it: {why}',
    'a `.dockerconfigjson` or `.dockercfg` value that is not a JSON object',
  ),
  PM009: pm(
    'warning',
    '{field}[.dockerconfigjson] has no "auths" object: the kubelet reads registry credentials only from "auths", ' +
      'so image pulls get none',
    'a `.dockerconfigjson` without an `auths` object',
  ),
  PM010: pm(
    'error',
    'the values of this Secret total {bytes} bytes; the API server refuses a Secret over 1 MiB ({limit} bytes)',
    'the values total more than 1 MiB',
  ),
  PM011: pm(
    'information',
    'pachctl create secret -f reads JSON only and refuses this YAML file (pachyderm/pachyderm#5770); ' +
      'kubectl apply -f accepts it, or write it as JSON (kubectl create secret … --dry-run=client -o json)',
    'a YAML Secret manifest: `pachctl create secret -f` takes JSON only',
  ),
} as const satisfies Record<string, RuleDef>;
