/**
 * The three PATCH flavours kubectl and client-node send: JSON merge patch (RFC 7386), strategic merge patch
 * (what `kubectl apply` sends; for a Secret every field is a map or a scalar, so it is a merge patch plus the
 * `$patch`/`$retainKeys`/`$setElementOrder`/`$deleteFromPrimitiveList` directives), and JSON patch (RFC 6902).
 */
import { badRequest, unprocessable, unsupportedMediaType } from './status';
import { clone, isPlainObject, type K8sObject } from './objects';
import { jsonSyntaxError } from './jsonErrors';

export const PATCH_TYPES = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml',
} as const;

export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return clone(patch);
  const out: Record<string, unknown> = isPlainObject(target) ? clone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** Lists merge by this key in the few Secret fields that are lists of objects. */
const MERGE_KEYS: Record<string, string> = { ownerReferences: 'uid', managedFields: 'manager' };

export function strategicMergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return clone(patch);
  if (patch.$patch === 'replace') {
    const { $patch: _p, ...rest } = patch;
    return stripDirectives(rest);
  }
  if (patch.$patch === 'delete') return undefined;
  const out: Record<string, unknown> = isPlainObject(target) ? clone(target) : {};
  const retain = Array.isArray(patch.$retainKeys) ? new Set(patch.$retainKeys as string[]) : undefined;
  for (const [k, v] of Object.entries(patch)) {
    if (k === '$retainKeys' || k === '$patch' || k.startsWith('$setElementOrder/')) continue;
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const list = k.slice('$deleteFromPrimitiveList/'.length);
      if (Array.isArray(out[list]) && Array.isArray(v))
        out[list] = (out[list] as unknown[]).filter((x) => !v.includes(x));
      continue;
    }
    if (v === null) {
      delete out[k];
    } else if (Array.isArray(v) && MERGE_KEYS[k] && Array.isArray(out[k])) {
      out[k] = mergeList(out[k] as unknown[], v, MERGE_KEYS[k]);
    } else {
      const merged = strategicMergePatch(out[k], v);
      if (merged === undefined) delete out[k];
      else out[k] = merged;
    }
  }
  if (retain) for (const k of Object.keys(out)) if (!retain.has(k)) delete out[k];
  return out;
}

function mergeList(target: unknown[], patch: unknown[], key: string): unknown[] {
  const out = target.map((x) => clone(x));
  for (const item of patch) {
    if (!isPlainObject(item)) continue;
    const idx = out.findIndex((x) => isPlainObject(x) && x[key] === item[key]);
    if (item.$patch === 'delete') {
      if (idx >= 0) out.splice(idx, 1);
    } else if (idx >= 0) out[idx] = strategicMergePatch(out[idx], item);
    else out.push(stripDirectives(item));
  }
  return out;
}

function stripDirectives(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripDirectives);
  if (!isPlainObject(v)) return v;
  return Object.fromEntries(
    Object.entries(v)
      .filter(([k]) => !k.startsWith('$'))
      .map(([k, x]) => [k, stripDirectives(x)]),
  );
}

/** RFC 6901 pointer → path segments. */
function pointer(path: unknown): string[] {
  if (typeof path !== 'string' || (path !== '' && !path.startsWith('/')))
    throw badRequest(
      `the server rejected our request due to an error in our request: invalid JSON pointer ${JSON.stringify(path)}`,
    );
  return path === ''
    ? []
    : path
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(
  doc: unknown,
  segs: string[],
  op: string,
  path: string,
): { parent: Record<string, unknown> | unknown[]; last: string } {
  let cur: unknown = doc;
  for (const s of segs.slice(0, -1)) {
    if (Array.isArray(cur)) cur = cur[Number(s)];
    else if (isPlainObject(cur)) cur = cur[s];
    else cur = undefined;
    if (cur === undefined) throw jsonPatchError(op, path, 'missing path');
  }
  if (!isPlainObject(cur) && !Array.isArray(cur)) throw jsonPatchError(op, path, 'missing path');
  return { parent: cur, last: segs[segs.length - 1] };
}

function jsonPatchError(op: string, path: string, why: string): Error {
  // The same text the API server's evanphx/json-patch gives, wrapped in a 422 as the real server does.
  return unprocessable(
    `the server rejected our request due to an error in our request: doc is ${why}: "${path}": ` +
      `${op} operation does not apply`,
  );
}

function getAt(doc: unknown, segs: string[]): unknown {
  let cur = doc;
  for (const s of segs) {
    if (Array.isArray(cur)) cur = cur[Number(s)];
    else if (isPlainObject(cur)) cur = cur[s];
    else return undefined;
  }
  return cur;
}

/** Removes the value at a JSON pointer (for `remove` and `move`) and returns it. */
function removeAt(doc: unknown, p: string[], op: string, pathText: string): unknown {
  const { parent, last } = parentOf(doc, p, op, pathText);
  if (Array.isArray(parent)) {
    const i = Number(last);
    if (!(i >= 0 && i < parent.length)) throw jsonPatchError(op, pathText, 'missing path');
    return parent.splice(i, 1)[0];
  }
  if (!(last in parent)) throw jsonPatchError(op, pathText, 'missing path');
  const v = parent[last];
  delete parent[last];
  return v;
}

/** Adds (or, with `replace`, replaces) the value at a JSON pointer; returns the document, new when `p` is the root. */
function addAt(doc: unknown, p: string[], value: unknown, op: string, pathText: string, replace: boolean): unknown {
  if (p.length === 0) return clone(value);
  const { parent, last } = parentOf(doc, p, op, pathText);
  if (Array.isArray(parent)) {
    const i = last === '-' ? parent.length : Number(last);
    if (!(i >= 0 && i <= parent.length)) throw jsonPatchError(op, pathText, 'missing path');
    if (replace) parent[i] = clone(value);
    else parent.splice(i, 0, clone(value));
  } else {
    if (replace && !(last in parent)) throw jsonPatchError(op, pathText, 'missing path');
    parent[last] = clone(value);
  }
  return doc;
}

export function jsonPatch(target: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let doc = clone(target);
  for (const raw of ops) {
    if (!isPlainObject(raw)) throw badRequest('json: cannot unmarshal into Go value of type jsonpatch.Operation');
    const op = String(raw.op);
    const path = String(raw.path);
    const segs = pointer(raw.path);
    const add = (p: string[], value: unknown, pathText: string, replace: boolean): void => {
      doc = addAt(doc, p, value, op, pathText, replace);
    };
    const remove = (p: string[], pathText: string): unknown => removeAt(doc, p, op, pathText);
    switch (op) {
      case 'add':
        add(segs, raw.value, path, false);
        break;
      case 'replace':
        add(segs, raw.value, path, true);
        break;
      case 'remove':
        remove(segs, path);
        break;
      case 'move': {
        const from = pointer(raw.from);
        const v = remove(from, String(raw.from));
        add(segs, v, path, false);
        break;
      }
      case 'copy': {
        const v = getAt(doc, pointer(raw.from));
        if (v === undefined) throw jsonPatchError(op, String(raw.from), 'missing path');
        add(segs, v, path, false);
        break;
      }
      case 'test': {
        if (JSON.stringify(getAt(doc, segs)) !== JSON.stringify(raw.value)) {
          throw unprocessable(
            `the server rejected our request due to an error in our request: testing value ${path} failed: test failed`,
          );
        }
        break;
      }
      default:
        throw badRequest(`the server rejected our request due to an error in our request: Unexpected kind: ${op}`);
    }
  }
  return doc;
}

/** Applies a PATCH body of the given content type to the stored object. */
export function applyPatch(
  current: K8sObject,
  contentType: string,
  body: string,
  parseYaml: (text: string) => unknown,
): K8sObject {
  const type = contentType.split(';')[0].trim();
  const parseJson = (): unknown => {
    try {
      return JSON.parse(body);
    } catch (e) {
      throw badRequest(`error decoding patch: ${jsonSyntaxError(e)}`);
    }
  };
  switch (type) {
    case PATCH_TYPES.merge:
      return mergePatch(current, parseJson()) as K8sObject;
    case PATCH_TYPES.strategic:
      return strategicMergePatch(current, parseJson()) as K8sObject;
    case PATCH_TYPES.json:
      return jsonPatch(current, parseJson()) as K8sObject;
    case PATCH_TYPES.apply: {
      // Server-side apply approximated as a merge of the applied configuration: enough for
      // `kubectl apply --server-side`.
      let applied: unknown;
      try {
        applied = parseYaml(body);
      } catch (e) {
        // Only where: YAML parser messages quote the offending line, which may hold a value.
        const line = (e as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
        throw badRequest(`error decoding YAML: invalid YAML${line ? ` at line ${line}` : ''}`);
      }
      return mergePatch(current, applied) as K8sObject;
    }
    default:
      throw unsupportedMediaType(contentType);
  }
}
