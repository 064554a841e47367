/**
 * The shape of one row of the rule table (core/src/rules/ruleTable.ts), apart from the table so that the Helm
 * section (core/src/helm/helmRuleTable.ts) can build its rows without importing the table it is spread into.
 */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface RuleDef {
  severity: Severity;
  message: string;
  needsCatalog: boolean;
  /** One line for the README and hover. */
  summary: string;
}
