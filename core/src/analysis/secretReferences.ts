/**
 * Every secret a spec file names, with where: for hover's "other pipelines using it", the tree's
 * "Show Pipelines Using Secret" and the Inspect command. Placeholders (`$VAR`) are left out: they name nothing yet.
 */
import type { OffsetRange } from '../text';
import { isPlaceholder } from '../rules/names';
import { buildSpecModel, type SpecModel, type SpecView } from '../pipelineSpec/specModel';
import { stringValue, type SpecFile } from '../pipelineSpec/tree';

export type SecretReferenceKind = 'secret' | 'imagePullSecret' | 'egress' | 'podPatch' | 'podSpec';

/** A secret named in a spec; its range is the name's in the file. */
export interface SecretReference extends OffsetRange {
  name: string;
  key?: string;
  kind: SecretReferenceKind;
  /** `pipeline.name` of the spec holding the reference, when written. */
  pipeline?: string;
  specIndex: number;
}

/**
 * `model`: the file's spec model when the caller has it already (an analysis result's). The references are
 * shared with later calls for the same unchanged spec: read them, don't change them.
 */
export function findSecretReferences(file: SpecFile, model: SpecModel = buildSpecModel(file)): SecretReference[] {
  const out: SecretReference[] = [];
  for (const spec of model.specs) for (const r of specReferences(spec)) out.push(r);
  return out;
}

/**
 * An incremental analysis hands back the same view for a spec an edit left alone (core/src/analysis/
 * incrementalAnalyzer.ts), so the workspace index, which asks after every edit, rebuilds only the edited
 * spec's references. A view moved by an edit before it has another start or index.
 */
const bySpec = new WeakMap<SpecView, { index: number; start: number; refs: SecretReference[] }>();

function specReferences(spec: SpecView): SecretReference[] {
  const known = bySpec.get(spec);
  if (known && known.index === spec.index && known.start === spec.root.start) return known.refs;
  const refs: SecretReference[] = [];
  for (const e of spec.secrets) {
    if (e.name?.value)
      pushReference(
        refs,
        spec,
        'secret',
        stringValue(e.name.value),
        e.name.value,
        stringValue(e.key?.value) || undefined,
      );
  }
  for (const r of spec.imagePullSecrets) pushReference(refs, spec, 'imagePullSecret', r.name, r.node);
  if (spec.egress?.name?.value)
    pushReference(
      refs,
      spec,
      'egress',
      stringValue(spec.egress.name.value),
      spec.egress.name.value,
      stringValue(spec.egress.key?.value) || undefined,
    );
  for (const ps of spec.podStrings) for (const r of ps.refs) pushReference(refs, spec, ps.field, r.name, r, r.key);
  bySpec.set(spec, { index: spec.index, start: spec.root.start, refs });
  return refs;
}

function pushReference(
  refs: SecretReference[],
  spec: SpecView,
  kind: SecretReferenceKind,
  name: string | undefined,
  range: OffsetRange,
  key?: string,
): void {
  if (!name || isPlaceholder(name)) return;
  const ref: SecretReference = {
    name,
    kind,
    start: range.start,
    end: range.end,
    pipeline: spec.pipelineName,
    specIndex: spec.index,
  };
  if (key) ref.key = key;
  refs.push(ref);
}
