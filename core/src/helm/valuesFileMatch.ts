/**
 * Which files are Pachyderm Helm values files: YAML whose top level has a `pachd:` mapping, named `values*.yaml`
 * / `values*.yml`, or matching one of the user's `pachyderm.helmValuesFiles` globs. The name test keeps ordinary
 * Kubernetes manifests that happen to have a `pachd` key out; the content test keeps other charts' values out.
 * `classifyDocument` (core/src/analysis/classify.ts) applies both.
 */
import type { SpecNode } from '../spec/tree';

const VALUES_NAME = /(^|\/)values[^/]*\.ya?ml$/i;

/** Glob → RegExp for the patterns settings use: `**`, `*`, `?`, `{a,b}`. Matched against a `/`-separated path. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  let inBraces = false;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more directories; a trailing `**` matches everything.
        if (glob[i + 2] === '/') {
          re += '(?:.*/)?';
          i += 2;
        } else {
          re += '.*';
          i += 1;
        }
      } else {
        re += '[^/]*';
      }
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      inBraces = true;
      re += '(?:';
    } else if (c === '}' && inBraces) {
      inBraces = false;
      re += ')';
    } else if (c === ',' && inBraces) re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  // Settings hold workspace-relative globs and documents come as absolute paths: match at any folder boundary.
  return new RegExp(`(^|/)${re}$`);
}

/** By name: `path` is `/`-separated (see `pathOfUri`). */
export function hasValuesFileName(path: string, globs: readonly string[] = []): boolean {
  return VALUES_NAME.test(path) || globs.some((g) => globToRegExp(g).test(path));
}

/** By content: the document's root is a mapping with a `pachd:` mapping (an empty `pachd:` counts too). */
export function isPachydermValuesRoot(root: SpecNode | undefined): boolean {
  if (root?.type !== 'object') return false;
  const pachd = root.properties.find((p) => p.key === 'pachd');
  if (!pachd) return false;
  const v = pachd.value;
  return v === undefined || v.type === 'object' || (v.type === 'scalar' && v.value === null);
}
