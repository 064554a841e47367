/**
 * The canonical view of one spec's secret references, whatever spelling or format the file uses: the
 * nodes (with ranges) of every `transform.secrets[]` entry, `imagePullSecrets[]` name, `egress.sqlDatabase.secret`,
 * `transform.env` entry, and the secrets named inside the `podPatch` / `podSpec` JSON strings.
 * Rules, hover, completion and "pipelines using this secret" all read this instead of walking the tree.
 */
import type { OffsetRange } from '../text';
import { fieldsByKey, resolveField, spellingOf, type MessageName } from './fields';
import { parseEmbeddedJson } from './embeddedJson';
import { specRoots, type SpecRoot } from './specRoots';
import type { ObjectNode, PropertyNode, ScalarNode, SpecFile, SpecNode } from './tree';
import type { Node as JsonNode } from 'jsonc-parser';

export type SpellingStyle = 'snake' | 'camel';

export interface SecretEntry {
  /** The entry object in `transform.secrets`. */
  entry: ObjectNode;
  index: number;
  name?: PropertyNode;
  key?: PropertyNode;
  mountPath?: PropertyNode;
  envVar?: PropertyNode;
}

export interface NameRef {
  node: ScalarNode;
  name: string;
}

export interface EgressSecret {
  /** The `secret` property of `egress.sqlDatabase`, undefined when the spec has sqlDatabase but no secret. */
  secret?: PropertyNode;
  sqlDatabase: PropertyNode;
  name?: PropertyNode;
  key?: PropertyNode;
}

/**
 * A secret named in a pod JSON string; its range is the name's in the file (the whole string's when the name
 * can't be mapped).
 */
export interface PodStringRef extends OffsetRange {
  /** Which field holds the JSON: `podPatch` or `podSpec`. */
  field: 'podPatch' | 'podSpec';
  kind: 'secretName' | 'secretKeyRef' | 'imagePullSecret';
  name: string;
  key?: string;
}

export interface PodString {
  field: 'podPatch' | 'podSpec';
  property: PropertyNode;
  /** False when the string is not valid JSON (pachd: "malformed PodPatch"). */
  valid: boolean;
  refs: PodStringRef[];
}

export interface SpecView extends SpecRoot {
  /** Position among the file's specs. */
  index: number;
  /** `pipeline.name` when written as a string. */
  pipelineName?: string;
  transform?: ObjectNode;
  secrets: SecretEntry[];
  imagePullSecrets: NameRef[];
  egress?: EgressSecret;
  /** `transform.env` entries, as written. */
  env: PropertyNode[];
  podStrings: PodString[];
}

export interface SpecModel {
  specs: SpecView[];
  /** The spelling the file already uses for two-word fields; camel when it shows neither (protojson's own). */
  style: SpellingStyle;
}

/** The property of `obj` (a `message` object) for a canonical field, by either spelling; the first if both. */
export function fieldProperty(
  obj: ObjectNode | undefined,
  message: MessageName,
  canonical: string,
): PropertyNode | undefined {
  if (!obj) return undefined;
  const fd = resolveField(message, canonical);
  if (!fd || fd.json !== canonical) return undefined;
  // The two spellings never name another field of the same message, so comparing keys is the lookup.
  for (const p of obj.properties) if (p.key === fd.json || p.key === fd.proto) return p;
  return undefined;
}

function objectValue(p: PropertyNode | undefined): ObjectNode | undefined {
  return p?.value?.type === 'object' ? p.value : undefined;
}

function stringNode(n: SpecNode | undefined): ScalarNode | undefined {
  return n && n.type === 'scalar' && n.kind === 'string' ? n : undefined;
}

/** How many keys a file writes in each spelling, for `SpecModel.style`. */
export interface SpellingCount {
  snake: number;
  camel: number;
}

export function buildSpecModel(file: SpecFile): SpecModel {
  const count: SpellingCount = { snake: 0, camel: 0 };
  return { specs: buildSpecViews(file.text, specRoots(file), count), style: spellingStyle(count) };
}

export function spellingStyle(count: SpellingCount): SpellingStyle {
  return count.snake > count.camel ? 'snake' : 'camel';
}

function countSpellings(obj: ObjectNode, message: MessageName, count: SpellingCount): void {
  const fields = fieldsByKey(message);
  for (const p of obj.properties) {
    const fd = fields.get(p.key);
    if (!fd) continue;
    const s = spellingOf(fd, p.key);
    if (s === 'snake') count.snake++;
    else if (s === 'camel') count.camel++;
  }
}

/**
 * The views of `roots` (a file's, or one chunk's), numbered from `firstIndex`, adding the spellings they use
 * to `count`. `text` is the whole file's text.
 */
export function buildSpecViews(
  text: string,
  roots: readonly SpecRoot[],
  count: SpellingCount,
  firstIndex = 0,
): SpecView[] {
  const specs: SpecView[] = [];
  for (let i = 0; i < roots.length; i++) specs.push(specView(text, roots[i], firstIndex + i, count));
  return specs;
}

function specView(text: string, r: SpecRoot, index: number, count: SpellingCount): SpecView {
  const root = r.root;
  countSpellings(root, 'CreatePipelineRequest', count);
  const pipeline = objectValue(fieldProperty(root, 'CreatePipelineRequest', 'pipeline'));
  const pipelineName = stringNode(fieldProperty(pipeline, 'Pipeline', 'name')?.value)?.value as string | undefined;
  const transform = objectValue(fieldProperty(root, 'CreatePipelineRequest', 'transform'));
  // Written out rather than spread from `r`: one object shape for every view keeps this loop fast.
  const view: SpecView = {
    document: r.document,
    root,
    arrayIndex: r.arrayIndex,
    index,
    pipelineName,
    transform,
    secrets: [],
    imagePullSecrets: [],
    env: [],
    podStrings: [],
  };
  if (transform) readTransform(transform, view, count);
  const egress = egressSecret(root);
  if (egress) view.egress = egress;
  for (const field of POD_STRING_FIELDS) {
    const property = fieldProperty(root, 'CreatePipelineRequest', field);
    const s = stringNode(property?.value);
    if (property && s) view.podStrings.push(podString(text, field, property, s));
  }
  return view;
}

/** The transform's secrets, image pull secrets and env, into `view`, counting the spellings they use. */
function readTransform(transform: ObjectNode, view: SpecView, count: SpellingCount): void {
  countSpellings(transform, 'Transform', count);
  const secrets = fieldProperty(transform, 'Transform', 'secrets')?.value;
  if (secrets?.type === 'array') {
    for (let i = 0; i < secrets.items.length; i++) {
      const entry = secrets.items[i];
      if (entry.type !== 'object') continue;
      countSpellings(entry, 'SecretMount', count);
      view.secrets.push({
        entry,
        index: i,
        name: fieldProperty(entry, 'SecretMount', 'name'),
        key: fieldProperty(entry, 'SecretMount', 'key'),
        mountPath: fieldProperty(entry, 'SecretMount', 'mountPath'),
        envVar: fieldProperty(entry, 'SecretMount', 'envVar'),
      });
    }
  }
  const pulls = fieldProperty(transform, 'Transform', 'imagePullSecrets')?.value;
  if (pulls?.type === 'array') {
    for (const item of pulls.items) {
      const s = stringNode(item);
      if (s) view.imagePullSecrets.push({ node: s, name: s.value as string });
    }
  }
  const env = objectValue(fieldProperty(transform, 'Transform', 'env'));
  if (env) view.env = env.properties;
  // Kept at their exact size: an array grown by push has room for 17 items, and a file has thousands of specs.
  view.secrets = view.secrets.slice();
  view.imagePullSecrets = view.imagePullSecrets.slice();
}

/** The SQL egress and the secret it names, when the spec has one. */
function egressSecret(root: ObjectNode): SpecView['egress'] {
  const sqlDatabase = fieldProperty(
    objectValue(fieldProperty(root, 'CreatePipelineRequest', 'egress')),
    'Egress',
    'sqlDatabase',
  );
  if (sqlDatabase && sqlDatabase.value?.type === 'object') {
    const secret = fieldProperty(sqlDatabase.value, 'SQLDatabaseEgress', 'secret');
    const so = objectValue(secret);
    return {
      sqlDatabase,
      secret,
      name: fieldProperty(so, 'SQLSecret', 'name'),
      key: fieldProperty(so, 'SQLSecret', 'key'),
    };
  }
  return undefined;
}

const POD_STRING_FIELDS = ['podPatch', 'podSpec'] as const;

function podString(text: string, field: 'podPatch' | 'podSpec', property: PropertyNode, node: ScalarNode): PodString {
  const parsed = parseEmbeddedJson(text, node);
  const refs: PodStringRef[] = [];
  if (parsed.tree) {
    const push = (kind: PodStringRef['kind'], nameNode: JsonNode, key?: JsonNode) => {
      if (typeof nameNode.value !== 'string') return;
      const r = parsed.toFile(nameNode.offset + 1, nameNode.offset + nameNode.length - 1);
      refs.push({
        field,
        kind,
        name: nameNode.value,
        ...(typeof key?.value === 'string' ? { key: key.value } : {}),
        ...r,
      });
    };
    walkJson(parsed.tree, push);
  }
  return { field, property, valid: parsed.valid, refs };
}

function child(n: JsonNode, key: string): JsonNode | undefined {
  if (n.type !== 'object') return undefined;
  for (const p of n.children ?? []) if (p.children?.[0]?.value === key) return p.children[1];
  return undefined;
}

/**
 * Finds secret references in a PodSpec merge patch or a JSON Patch onto a PodSpec: `secretName` (secret
 * volumes), `secretKeyRef {name, key}` (env), and `imagePullSecrets[].name` (also as the value of a JSON Patch
 * operation whose path points into `/imagePullSecrets`).
 */
function walkJson(
  n: JsonNode,
  push: (kind: PodStringRef['kind'], name: JsonNode, key?: JsonNode) => void,
  inPullSecrets = false,
): void {
  if (n.type === 'object') {
    if (inPullSecrets) {
      const name = child(n, 'name');
      if (name) push('imagePullSecret', name);
    }
    const path = child(n, 'path');
    const patchIntoPulls = typeof path?.value === 'string' && path.value.startsWith('/imagePullSecrets');
    for (const p of n.children ?? []) {
      const [k, v] = p.children ?? [];
      if (!k || !v) continue;
      if (k.value === 'secretName' && v.type === 'string') push('secretName', v);
      else if (k.value === 'secretKeyRef' && v.type === 'object') {
        const name = child(v, 'name');
        if (name) push('secretKeyRef', name, child(v, 'key'));
      } else if (k.value === 'imagePullSecrets') walkJson(v, push, true);
      else if (k.value === 'value' && patchIntoPulls) walkJson(v, push, true);
      else walkJson(v, push, false);
    }
  } else if (n.type === 'array') {
    for (const c of n.children ?? []) walkJson(c, push, inPullSecrets);
  }
}
