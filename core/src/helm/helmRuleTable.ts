/**
 * The helm values section of the one rule table (core/src/rules/ruleTable.ts spreads it into `RULES`).
 * Messages are composed by the helm rules (near-miss hints, what the chart does instead), so the template is
 * `{message}`; the summary is what README and `check` list.
 */
import type { RuleDef } from '../rules/ruleDef';

const helm = (severity: 'error' | 'warning' | 'information', summary: string, needsCatalog: boolean): RuleDef => ({
  severity,
  message: '{message}',
  summary,
  needsCatalog,
});

export const HELM_RULES = {
  PH001: helm('error', 'a `*SecretName` value names a secret that does not exist in the namespace', true),
  PH002: helm(
    'error',
    'the named secret lacks the key the chart reads (with near-miss hints: `rootToken` for `root-token`, `auth-config` for `pachd-oauth-client-secret`)',
    true,
  ),
  PH003: helm(
    'warning',
    'a credential written in plain text in a values file, or the insecure Postgres default used because none is set',
    false,
  ),
  PH004: helm(
    'warning',
    'both the plain value and its SecretName are set: the chart silently ignores the plain value',
    false,
  ),
  PH005: helm(
    'warning',
    'a value the chart mishandles (`pachd.enterpriseServerTokenSecretName`, `determined.oidc.clientSecretName`, …), with what happens instead',
    false,
  ),
  PH006: helm('error', 'a TLS `secretName` names a secret without `tls.crt` and `tls.key`', true),
  PH007: helm('warning', 'a `global.imagePullSecrets` entry does not exist or is not a registry credential', true),
  PH008: helm(
    'information',
    'a values file the rules leave alone: written for a pre-2.0 chart, or a Go template that is not YAML until rendered',
    false,
  ),
  PH009: helm(
    'warning',
    'a TLS `secretName` names a secret whose certificate has expired, is not yet valid, or expires within ' +
      '`pachyderm.certificateExpiryWarningDays` days (`check --certificate-expiry-warning-days`, default 30)',
    true,
  ),
} as const satisfies Record<string, RuleDef>;

export type HelmRuleCode = keyof typeof HELM_RULES;
