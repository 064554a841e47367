/**
 * Printing a draft as kubectl prints it (`-o json`, `-o yaml`, `-o name`), plus the one non-kubectl choice the
 * wizards offer: `stringData` (readable text) instead of base64 `data`.
 */
import { ManifestError } from './manifestError';
import { goCompare, goJsonCompact, writeGoJsonIndent, type GoJsonValue } from './goJson';
import { writeKubectlYaml } from './kubectlYaml';
import type { SecretDraft } from './secretDraft';
import { collectText, type TextSink } from './textChunks';

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
  if (draft.annotations?.size)
    metadata.annotations = new Map([...draft.annotations].sort((a, b) => goCompare(a[0], b[0])));
  const obj: { [key: string]: GoJsonValue } = { kind: 'Secret', apiVersion: 'v1', metadata };
  const data = new Map<string, GoJsonValue>();
  const stringData = new Map<string, GoJsonValue>();
  for (const key of [...draft.data.keys()].sort(goCompare)) {
    // The bytes themselves (Go's []byte): the writers produce their base64 a piece at a time.
    const bytes = draft.data.get(key)!;
    const text = opts.stringData ? utf8OrUndefined(bytes) : undefined;
    if (text !== undefined) stringData.set(key, text);
    else data.set(key, bytes);
  }
  if (data.size) obj.data = data;
  if (stringData.size) obj.stringData = stringData;
  if (draft.type) obj.type = draft.type;
  return obj;
}

/** kubectl's annotation name for what `kubectl apply` compares against. */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * `--save-config`: the object as it stands (after any hash suffix) saved compactly in an annotation, as kubectl does.
 */
export function withSavedConfig(draft: SecretDraft): SecretDraft {
  const saved = goJsonCompact(secretObject(draft)) + '\n';
  return { ...draft, annotations: new Map([...(draft.annotations ?? []), [LAST_APPLIED_ANNOTATION, saved]]) };
}

/**
 * Writes the draft as kubectl prints it to `sink`, in chunks of bounded size: memory stays a small multiple of
 * the values' size however large they are (the CLI writes each chunk to stdout as it comes).
 */
export function writeSecret(
  draft: SecretDraft,
  format: OutputFormat,
  sink: TextSink,
  opts: ManifestOptions = {},
): void {
  switch (format) {
    case 'json':
      return writeGoJsonIndent(secretObject(draft, opts), sink, '\n');
    case 'yaml':
      return writeKubectlYaml(secretObject(draft, opts), sink);
    case 'name':
      return sink(`secret/${draft.name || '<unknown>'}\n`);
  }
}

/** The same output as one string, for manifests that are needed whole (an editor, a file, a request body). */
export function printSecret(draft: SecretDraft, format: OutputFormat, opts: ManifestOptions = {}): string {
  return collectText((sink) => writeSecret(draft, format, sink, opts));
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
  throw new ManifestError(
    `unable to match a printer suitable for the output format ` +
      `"${value}", allowed formats are: ${KUBECTL_PRINTER_FORMATS}`,
  );
}

function utf8OrUndefined(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
