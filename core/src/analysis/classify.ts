/**
 * Which files the analysis judges, and as what. A pipeline spec is recognised by its name
 * (`*.pipeline.json|yaml|yml`), by the user's `pachyderm.specFiles` globs, or by a root that looks like one:
 * `pipeline` together with `transform`, `input` or `spout`, or `transform` together with `input`, `spout` or
 * `service` (a spec that forgot `pipeline` is still a spec, which pachctl rejects for it).
 * Kubernetes manifests (`apiVersion` + `kind`) and Jsonnet templates (rendered by pachd, not JSON) are never
 * analysed as specs; a file of manifests among which is a `v1` `Secret` is a Secret manifest file, whatever its
 * name (core/src/secretManifest checks it).
 */
import { matchesAnyGlob } from '../glob/matchGlob';
import { hasValuesFileName, isPachydermValuesRoot } from '../helm/valuesFileMatch';
import { secretManifestsIn } from '../secretManifest/readSecretManifest';
import { specRoots } from '../pipelineSpec/specRoots';
import type { SpecRoot } from '../pipelineSpec/specRoots';
import type { ObjectNode, SpecFile, SpecNode } from '../pipelineSpec/tree';

/**
 * `helm-values`: a Pachyderm Helm values file (core/src/helm/valuesFileMatch.ts says which); `secret-manifest`:
 * Kubernetes manifests of which at least one is a `v1` `Secret`.
 */
export type DocumentKind = 'pipeline' | 'helm-values' | 'secret-manifest' | 'none';

const PIPELINE_NAME = /\.pipeline\.(json|ya?ml)$/i;
const ANALYSABLE = /\.(json|jsonc|ya?ml)$/i;
const NEVER = /\.(jsonnet|libsonnet)$/i;
/** Characters that neither VS Code nor node percent-encode in a path (not `~`: node 20 writes `%7E`). */
const PLAIN_PATH = /^\/[A-Za-z0-9/._-]*$/;
/** A `.` or `..` segment, or an empty one (`//`), which node's URL functions resolve away. */
const UNRESOLVED = /\/\.\.?(\/|$)|\/\//;
const FILE = 'file://';

/**
 * The path of a `file://` URI that is spelled the same as its path, node's way, with nothing to decode, encode or
 * resolve; else undefined. The workspace scan converts thousands of URIs and paths: this common case skips node's
 * URL functions (bench row 14), here and in the language server's file URIs.
 */
export function plainFileUriPath(uri: string): string | undefined {
  if (!uri.startsWith(FILE)) return undefined;
  const p = uri.slice(FILE.length);
  return PLAIN_PATH.test(p) && !UNRESOLVED.test(p) ? p : undefined;
}

/** The path of a URI or file path, `/`-separated, for name and glob tests. */
export function pathOfUri(uri: string): string {
  let p = plainFileUriPath(uri);
  if (p !== undefined) return p;
  p = uri;
  if (/^[a-z][a-z0-9+.-]*:/i.test(p)) {
    try {
      p = decodeURIComponent(new URL(p).pathname);
    } catch {
      // not a URL after all: use as is
    }
  }
  return p.replace(/\\/g, '/');
}

/** By name alone: 'pipeline', 'none' (never a spec), or undefined (depends on the content). */
export function classifyByName(
  uri: string,
  specFiles: readonly string[] = [],
  languageId?: string,
): DocumentKind | undefined {
  const path = pathOfUri(uri);
  if (NEVER.test(path)) return 'none';
  if (PIPELINE_NAME.test(path)) return 'pipeline';
  if (matchesAnyGlob(path, specFiles)) return 'pipeline';
  const known = languageId === 'json' || languageId === 'jsonc' || languageId === 'yaml';
  if (!known && !ANALYSABLE.test(path)) return 'none';
  return undefined;
}

const hasKey = (o: ObjectNode, ...keys: string[]) => o.properties.some((p) => keys.includes(p.key));

export function looksLikePipelineSpec(o: ObjectNode): boolean {
  if (hasKey(o, 'pipeline')) return hasKey(o, 'transform', 'input', 'spout');
  // A transform with something to run on: no other file format has both at its root.
  return hasKey(o, 'transform') && hasKey(o, 'input', 'spout', 'service');
}

export function isKubernetesManifest(o: ObjectNode): boolean {
  return hasKey(o, 'apiVersion') && hasKey(o, 'kind');
}

/**
 * A file the user names in `pachyderm.helmValuesFiles` is a values file whatever its top level holds (an
 * override may set only `global.postgresql` and `console`); one found by its `values*.yaml` name must also have
 * a top-level `pachd:`, so other charts' values files are left out. A pipeline spec stays a spec even when a
 * broad glob (every YAML file) takes in its folder too.
 */
function isValuesFile(path: string, root: SpecNode, helmValuesFiles: readonly string[]): boolean {
  if (helmValuesFiles.length && root.type === 'object' && !looksLikePipelineSpec(root)) {
    if (hasValuesFileName(path, helmValuesFiles, false)) return true;
  }
  return isPachydermValuesRoot(root) && hasValuesFileName(path, helmValuesFiles);
}

export function classifyDocument(
  uri: string,
  file: SpecFile,
  specFiles: readonly string[] = [],
  languageId?: string,
  helmValuesFiles: readonly string[] = [],
  /** The file's spec roots when the caller has them already (an incremental analysis keeps them per chunk). */
  roots: readonly SpecRoot[] = specRoots(file),
): DocumentKind {
  if (roots.length && roots.every((r) => isKubernetesManifest(r.root))) {
    return roots.some((r) => secretManifestsIn(r.root).length) ? 'secret-manifest' : 'none';
  }
  const byName = classifyByName(uri, specFiles, languageId);
  if (byName) return byName;
  if (roots.length === 1 && isValuesFile(pathOfUri(uri), roots[0].root, helmValuesFiles)) return 'helm-values';
  return roots.some((r) => looksLikePipelineSpec(r.root)) ? 'pipeline' : 'none';
}
