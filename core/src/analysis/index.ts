/** The analysis API: `analyzeDocument` (classify + rules), `findSecretReferences`, and classification helpers. */
export * from './analyzeDocument';
export * from './classify';
export * from './secretReferences';
export * from './incrementalAnalyzer';
export type { Finding, RuleCode, Severity } from '../rules/ruleTable';
export { RULES } from '../rules/ruleTable';
