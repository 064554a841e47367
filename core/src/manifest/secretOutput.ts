/**
 * Printing a draft as kubectl prints it (`-o json`, `-o yaml`, `-o name`), plus the one non-kubectl choice the
 * wizards offer: `stringData` (readable text) instead of base64 `data`.
 */
import { ManifestError } from './manifestError';
import { goCompare, goJsonCompact, goJsonIndent, type GoJsonValue } from './goJson';
import { toKubectlYaml } from './kubectlYaml';
import type { SecretDraft } from './secretDraft';

export type OutputFormat = 'json' | 'yaml' | 'name';

export const KUBECTL_PRINTER_FORMATS =
  'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

export interface ManifestOptions {
  /** Put values that are valid UTF-8 text under `stringData` instead of `data`. Binary values stay in `data`. */
  stringData?: boolean;
}

/** The Secret object in Go struct field order: kind, apiVersion, metadata, data, stringData, type. */
export function secretObject(draft: SecretDraft, opts: ManifestOptions = {}): { [key: string]: GoJsonValue } {
  const metadata: { [key: string]: GoJsonValue } = {};
  // Go's omitempty: kubectl's tls command lets an empty name through and prints no name at all.
  if (draft.name) metadata.name = draft.name;
  if (draft.namespace) metadata.namespace = draft.namespace;
  metadata.creationTimestamp = null;
  if (draft.annotations?.size) metadata.annotations = new Map([...draft.annotations].sort((a, b) => goCompare(a[0], b[0])));
  const obj: { [key: string]: GoJsonValue } = { kind: 'Secret', apiVersion: 'v1', metadata };
  const data = new Map<string, GoJsonValue>();
  const stringData = new Map<string, GoJsonValue>();
  for (const key of [...draft.data.keys()].sort(goCompare)) {
    const bytes = Buffer.from(draft.data.get(key)!);
    const text = opts.stringData ? utf8OrUndefined(bytes) : undefined;
    if (text !== undefined) stringData.set(key, text);
    else data.set(key, bytes.toString('base64'));
  }
  if (data.size) obj.data = data;
  if (stringData.size) obj.stringData = stringData;
  if (draft.type) obj.type = draft.type;
  return obj;
}

/** kubectl's annotation name for what `kubectl apply` compares against. */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** `--save-config`: the object as it stands (after any hash suffix) saved compactly in an annotation, as kubectl does. */
export function withSavedConfig(draft: SecretDraft): SecretDraft {
  const saved = goJsonCompact(secretObject(draft)) + '\n';
  return { ...draft, annotations: new Map([...(draft.annotations ?? []), [LAST_APPLIED_ANNOTATION, saved]]) };
}

export function printSecret(draft: SecretDraft, format: OutputFormat, opts: ManifestOptions = {}): string {
  switch (format) {
    case 'json':
      return goJsonIndent(secretObject(draft, opts)) + '\n';
    case 'yaml':
      return toKubectlYaml(secretObject(draft, opts));
    case 'name':
      return `secret/${draft.name || '<unknown>'}\n`;
  }
}

/** Checks `-o` as kubectl does; the template printers are kubectl's but not ours, and say so. */
export function parseOutputFormat(value: string): OutputFormat | undefined {
  if (value === '') return undefined;
  // kubectl lower-cases the built-in printers' names (`-o JSON` works) but not the template ones.
  const lower = value.toLowerCase();
  if (lower === 'json' || lower === 'yaml' || lower === 'name') return lower;
  const known = KUBECTL_PRINTER_FORMATS.split(',');
  const base = value.split('=')[0];
  if (known.includes(base)) {
    throw new ManifestError(`output format "${base}" is not supported by pachyderm-secrets; use json, yaml or name`);
  }
  throw new ManifestError(`unable to match a printer suitable for the output format "${value}", allowed formats are: ${KUBECTL_PRINTER_FORMATS}`);
}

function utf8OrUndefined(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
