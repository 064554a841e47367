/**
 * Secret manifests (`apiVersion: v1`, `kind: Secret`, JSON or YAML): the PM rules (`analyzeSecretManifests`),
 * the value-free summary the language server keeps of them, and their hover. Entry point for the faces.
 */
export { analyzeSecretManifests, type SecretManifestAnalysis } from './analyzeSecretManifest';
export { manifestHover, type ManifestHover } from './manifestHover';
export type { ManifestKey, SecretManifestSummary } from './manifestSummary';
export { MANIFEST_RULES } from './manifestRuleTable';
export { checkGoBase64, type Base64Check, type Base64Problem } from '../manifest/goBase64';
export { isSecretManifest } from './readSecretManifest';
