/**
 * The analysis API: `analyzeDocument` (classify + rules), `IncrementalAnalyzer` (the same result for documents
 * that change a little at a time, reusing every `---`-separated document an edit left alone),
 * `findSecretReferences`, and classification helpers.
 */
export * from './analysisResult';
export * from './analyzeDocument';
export * from './classify';
export * from './secretReferences';
export * from './incrementalAnalyzer';
export type { Finding, RuleCode, Severity } from '../rules/ruleTable';
export { RULES } from '../rules/ruleTable';
export * from './secretUses';
export * from './keyChangeNotes';
export * from './secretMentions';
export * from './documentMentions';
