/**
 * Which files are Pachyderm Helm values files: YAML whose top level has a `pachd:` mapping, named `values*.yaml`
 * / `values*.yml`, or matching one of the user's `pachyderm.helmValuesFiles` globs. The name test keeps ordinary
 * Kubernetes manifests that happen to have a `pachd` key out; the content test keeps other charts' values out.
 */
import { isMap, isScalar, type Document } from 'yaml';
import type { SpecNode } from '../spec/tree';
import { entryAt } from './valuesTree';

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

/** The path part of a file URI or path, with `/` separators. */
function pathOf(uriOrPath: string): string {
  let p = uriOrPath;
  if (/^[a-z][a-z0-9+.-]*:/i.test(p)) {
    try {
      p = decodeURIComponent(new URL(p).pathname);
    } catch {
      // not a URL after all: use as is
    }
  }
  return p.replace(/\\/g, '/');
}

export function hasValuesFileName(uriOrPath: string, globs: readonly string[] = []): boolean {
  const p = pathOf(uriOrPath);
  return VALUES_NAME.test(p) || globs.some((g) => globToRegExp(g).test(p));
}

/** True when the parsed YAML's top level is a mapping with a `pachd:` mapping (an empty `pachd:` counts too). */
export function hasPachdMapping(doc: Document): boolean {
  if (!isMap(doc.contents)) return false;
  const e = entryAt(doc, 'pachd');
  return !!e && (e.value === null || isMap(e.value) || (isScalar(e.value) && e.value.value === null));
}

export function isHelmValuesFile(uriOrPath: string, doc: Document, globs: readonly string[] = []): boolean {
  return hasValuesFileName(uriOrPath, globs) && hasPachdMapping(doc);
}

/** The same content test on the shared document tree (what `classifyDocument` has in hand). */
export function isPachydermValuesRoot(root: SpecNode | undefined): boolean {
  if (root?.type !== 'object') return false;
  const pachd = root.properties.find((p) => p.key === 'pachd');
  if (!pachd) return false;
  const v = pachd.value;
  return v === undefined || v.type === 'object' || (v.type === 'scalar' && v.value === null);
}
