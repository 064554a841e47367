/**
 * Rule settings applied to findings, the same way in the editor and in `check`: a finding of a rule set to
 * `off` is dropped; one of a rule set to a severity takes it. The setting (`pachyderm.rules`) is stronger than
 * the repository's file, rule by rule.
 */
import type { Finding, RuleCode } from '../rules/ruleTable';
import type { RuleLevel, RuleOverrides } from './ruleLevels';

/** The file's overrides with the setting's laid over them: for a rule in both, the setting wins. */
export function mergeRuleOverrides(file: RuleOverrides, setting: RuleOverrides): RuleOverrides {
  if (!setting.size) return file;
  if (!file.size) return setting;
  return new Map<RuleCode, RuleLevel>([...file, ...setting]);
}

/** The findings as the settings want them; the same array when nothing is configured. */
export function applyRuleSettings<F extends Finding>(findings: F[], overrides: RuleOverrides): F[] {
  if (!overrides.size) return findings;
  const out: F[] = [];
  for (const f of findings) {
    const level = overrides.get(f.code);
    if (level === undefined || level === f.severity) out.push(f);
    else if (level !== 'off') out.push({ ...f, severity: level });
  }
  return out;
}

/** A stable text of the overrides, for caches keyed on what an analysis depended on. */
export function overridesKey(overrides: RuleOverrides): string {
  return [...overrides].map(([code, level]) => `${code}=${level}`).join(',');
}
