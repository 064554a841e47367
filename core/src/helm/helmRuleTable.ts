/**
 * The helm values rules: stable codes, severities and one-line titles. The shared rule table imports this
 * section so every code lives in one table (README and `check` list them from there).
 */
export type HelmRuleCode = 'PH001' | 'PH002' | 'PH003' | 'PH004' | 'PH005' | 'PH006' | 'PH007';
export type HelmSeverity = 'error' | 'warning';

export interface HelmRule {
  code: HelmRuleCode;
  severity: HelmSeverity;
  title: string;
  /** Needs the cluster's secret catalog; silent while it is not ready. */
  needsCluster: boolean;
}

export const HELM_RULES: readonly HelmRule[] = [
  { code: 'PH001', severity: 'error', needsCluster: true, title: 'a `*SecretName` value names a secret that does not exist in the namespace' },
  { code: 'PH002', severity: 'error', needsCluster: true, title: 'the named secret lacks the key the chart reads (with near-miss hints such as `rootToken` for `root-token`)' },
  { code: 'PH003', severity: 'warning', needsCluster: false, title: 'a credential is written in plain text in the values file (or the insecure Postgres default is used)' },
  { code: 'PH004', severity: 'warning', needsCluster: false, title: 'both the plain value and its SecretName are set: the chart silently ignores the plain value' },
  { code: 'PH005', severity: 'warning', needsCluster: false, title: 'a value the chart mishandles, with what happens instead' },
  { code: 'PH006', severity: 'error', needsCluster: true, title: 'a TLS `secretName` names a secret without `tls.crt` and `tls.key`' },
  { code: 'PH007', severity: 'warning', needsCluster: true, title: 'an image pull secret does not exist or is not a registry credential' },
];

export function helmRule(code: HelmRuleCode): HelmRule {
  return HELM_RULES.find((r) => r.code === code)!;
}
