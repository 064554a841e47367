/**
 * Which files are Pachyderm Helm values files: YAML whose top level has a `pachd:` mapping, named `values*.yaml`
 * / `values*.yml`, or matching one of the user's `pachyderm.helmValuesFiles` globs. The name test keeps ordinary
 * Kubernetes manifests that happen to have a `pachd` key out; the content test keeps other charts' values out.
 * `classifyDocument` (core/src/analysis/classify.ts) applies both.
 */
import { matchesAnyGlob } from '../glob/matchGlob';
import type { SpecNode } from '../spec/tree';

const VALUES_NAME = /(^|\/)values[^/]*\.ya?ml$/i;

/** By name: `path` is `/`-separated (see `pathOfUri`). */
export function hasValuesFileName(path: string, globs: readonly string[] = []): boolean {
  return VALUES_NAME.test(path) || matchesAnyGlob(path, globs);
}

/** By content: the document's root is a mapping with a `pachd:` mapping (an empty `pachd:` counts too). */
export function isPachydermValuesRoot(root: SpecNode | undefined): boolean {
  if (root?.type !== 'object') return false;
  const pachd = root.properties.find((p) => p.key === 'pachd');
  if (!pachd) return false;
  const v = pachd.value;
  return v === undefined || v.type === 'object' || (v.type === 'scalar' && v.value === null);
}
