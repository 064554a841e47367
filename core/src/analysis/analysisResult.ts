/**
 * What an analysis reads and what it gives back, apart from the functions that compute it, so the whole-file
 * and the incremental analysis can share them without importing each other.
 */
import type { Document } from 'yaml';
import type { CertificateExpiryPolicy } from '../certificates/validity';
import type { TargetCatalog } from '../catalog/targetCatalog';
import type { DeployedIndex } from '../deployed/deployedSummary';
import type { Finding } from '../rules/ruleTable';
import type { SpecModel } from '../pipelineSpec/specModel';
import type { SourceForm } from '../pipelineSpec/sourceText';
import type { SpecFile } from '../pipelineSpec/tree';
import type { SecretManifestSummary } from '../secretManifest/manifestSummary';
import type { DocumentKind } from './classify';

export interface AnalyzeInput {
  uri: string;
  text: string;
  languageId?: string;
  /** How the CLI decoded the file's bytes (core/src/pipelineSpec/sourceText.ts); an editor's text has no such form. */
  source?: SourceForm;
}

export interface AnalyzeOptions {
  /** The `pachyderm.specFiles` globs. */
  specFiles?: readonly string[];
  /** The `pachyderm.helmValuesFiles` globs. */
  helmValuesFiles?: readonly string[];
  /**
   * When and how far ahead to judge certificates (PS118, PH009). Without it those rules stay silent: an analysis
   * depends on the clock only when its caller says what the time is.
   */
  certificates?: CertificateExpiryPolicy;
  /** Other contexts or namespaces to hold the references to (PS070); a target that is not ready is skipped. */
  targets?: readonly TargetCatalog[];
  /** The deployed pipelines (PS060). Without it, or until it is ready, PS060 stays silent (the CLI's `check`). */
  deployed?: DeployedIndex;
}

/**
 * One analysis of one text. A value: nothing in it changes after it is returned (a later analysis of the same
 * document copies what it reuses), so a caller may keep it as long as it likes. Read it, never change it.
 */
export interface AnalysisResult {
  kind: DocumentKind;
  findings: Finding[];
  /**
   * Present whenever the text was parsed, except for `secret-manifest`: a result may be kept as long as its caller
   * likes, and a Secret manifest's text holds values, so its result keeps only `secretManifests`.
   */
  file?: SpecFile;
  model?: SpecModel;
  /**
   * A Helm values file's `yaml` Document with source ranges (core/src/helm/parseHelmValues.ts), parsed once
   * for the rules and kept for completion, hover and fix edits. Present when `kind` is `helm-values`.
   */
  helmValues?: Document;
  /** Each `v1` `Secret` of the file: names, keys, sizes and ranges, never a value. Present for `secret-manifest`. */
  secretManifests?: SecretManifestSummary[];
}
