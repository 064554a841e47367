/**
 * Which secret reference a `nodeAt` path points into. The three places a spec names a secret, by canonical
 * path: `transform.secrets[i].{name,key}`, `transform.imagePullSecrets[i]`, `egress.sqlDatabase.secret.{name,key}`.
 */
import type { NodeAt, ObjectNode, SpecNode } from '../pipelineSpec';
import { propertyByKey, resolveField, stringValue } from '../pipelineSpec';

export type ReferenceSite = 'mount' | 'pull' | 'egress';

export interface ReferenceAt {
  site: ReferenceSite;
  /** Whether the path names the secret or one of its keys. */
  part: 'name' | 'key';
  /** The entry object (`transform.secrets[i]`, `egress.sqlDatabase.secret`); absent for image pull secrets. */
  entry?: ObjectNode;
}

/** The site a path (from the spec root) lies in, and the part it names, if any. */
export function siteOfPath(
  path: ReadonlyArray<string | number>,
): { site: ReferenceSite; part?: 'name' | 'key'; inEntry: boolean } | undefined {
  const [a, b, c, d] = path;
  if (a === 'transform' && b === 'secrets') {
    if (path.length === 2) return { site: 'mount', inEntry: false };
    if (typeof c === 'number')
      return { site: 'mount', part: d === 'name' || d === 'key' ? d : undefined, inEntry: true };
  }
  if (a === 'transform' && b === 'imagePullSecrets' && (path.length === 2 || typeof c === 'number')) {
    return { site: 'pull', part: path.length === 3 ? 'name' : undefined, inEntry: false };
  }
  if (a === 'egress' && b === 'sqlDatabase' && c === 'secret') {
    return { site: 'egress', part: d === 'name' || d === 'key' ? d : undefined, inEntry: true };
  }
  return undefined;
}

/** The object at `path` (canonical keys) under `root`, when every step exists. */
export function objectAtPath(
  root: ObjectNode | undefined,
  path: ReadonlyArray<string | number>,
): ObjectNode | undefined {
  let node: SpecNode | undefined = root;
  let message = 'CreatePipelineRequest' as Parameters<typeof resolveField>[0] | undefined;
  for (const step of path) {
    if (!node) return undefined;
    if (typeof step === 'number') {
      node = node.type === 'array' ? node.items[step] : undefined;
      continue;
    }
    if (node.type !== 'object') return undefined;
    const owner: ObjectNode = node;
    const prop = owner.properties.find((p) => (message ? resolveField(message, p.key)?.json === step : p.key === step));
    const fd = message ? resolveField(message, prop?.key ?? '') : undefined;
    message = fd && fd.value.kind === 'message' ? fd.value.type : undefined;
    node = prop?.value;
  }
  return node?.type === 'object' ? node : undefined;
}

/** The secret name written in an entry object (either spelling is the same for `name`). */
export function entryName(entry: ObjectNode | undefined): string | undefined {
  return entry ? stringValue(propertyByKey(entry, 'name')?.value) : undefined;
}

export function referenceAt(at: NodeAt): ReferenceAt | undefined {
  if (at.onKey) return undefined;
  const site = siteOfPath(at.path);
  if (!site?.part) return undefined;
  const entryPath = site.site === 'pull' ? undefined : at.path.slice(0, -1);
  return { site: site.site, part: site.part, entry: entryPath ? objectAtPath(at.spec, entryPath) : undefined };
}
