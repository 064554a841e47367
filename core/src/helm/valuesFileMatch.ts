/**
 * Which files are Pachyderm Helm values files: YAML mappings matching one of the user's `pachyderm.helmValuesFiles`
 * globs, whatever keys they hold, and YAML whose top level has a `pachd:` mapping named `values*.yaml` /
 * `values*.yml`. The name test keeps ordinary Kubernetes manifests that happen to have a `pachd` key out; the
 * content test keeps other charts' values files out unless the user names them.
 * `classifyDocument` (core/src/analysis/classify.ts) applies both.
 */
import { matchesAnyGlob } from '../glob/matchGlob';
import type { SpecNode } from '../pipelineSpec/tree';

const VALUES_NAME = /(^|\/)values[^/]*\.ya?ml$/i;

/**
 * By name: `path` is `/`-separated (see `pathOfUri`). `byDefaultName: false` asks about the user's globs alone
 * (a file they name is a values file whatever its content).
 */
export function hasValuesFileName(path: string, globs: readonly string[] = [], byDefaultName = true): boolean {
  return (byDefaultName && VALUES_NAME.test(path)) || matchesAnyGlob(path, globs);
}

/** By content: the document's root is a mapping with a `pachd:` mapping (an empty `pachd:` counts too). */
export function isPachydermValuesRoot(root: SpecNode | undefined): boolean {
  if (root?.type !== 'object') return false;
  const pachd = root.properties.find((p) => p.key === 'pachd');
  if (!pachd) return false;
  const v = pachd.value;
  return v === undefined || v.type === 'object' || (v.type === 'scalar' && v.value === null);
}
