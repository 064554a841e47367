/** The write verbs: create, replace and patch (JSON, merge, strategic merge and server-side apply). */
import type { IncomingMessage } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { badRequest, methodNotAllowed, RESOURCE_KIND, type Resource } from './status';
import { RESOURCE_SCOPE } from './routes';
import { clone, decodeBody, isPlainObject, type K8sObject } from './objects';
import { applyPatch, PATCH_TYPES } from './patch';
import { checkFields } from './fields';
import { readBody, readBodyBytes, sendJson } from './http';
import { decodeProtobuf, PROTOBUF_CONTENT_TYPE } from './protobuf';
import type { ResourceRequest } from './apiContext';

export async function createObject(r: ResourceRequest): Promise<void> {
  if (r.name) throw methodNotAllowed();
  const { body, warnings } = await readWrite(r);
  const created = r.ctx.store.create(r.resource, r.namespace, body, { dryRun: r.dryRun, fieldManager: r.fieldManager });
  sendJson(r.res, 201, r.render(created), warnings);
}

export async function replaceObject(r: ResourceRequest): Promise<void> {
  if (!r.name) throw methodNotAllowed();
  const { body, warnings } = await readWrite(r);
  if (body.metadata?.name) checkName(body.metadata.name, r.name);
  const options = { dryRun: r.dryRun, fieldManager: r.fieldManager };
  const updated = r.ctx.store.update(r.resource, r.namespace, r.name, body, options);
  sendJson(r.res, 200, r.render(updated), warnings);
}

export async function patchObject(r: ResourceRequest): Promise<void> {
  const { resource, namespace, name, store } = { ...r, store: r.ctx.store };
  if (!name) throw methodNotAllowed();
  const contentType = r.req.headers['content-type'] ?? '';
  const apply = contentType.startsWith(PATCH_TYPES.apply);
  const text = await readBody(r.req);
  // Server-side apply creates what does not exist yet.
  if (apply && !store.has(resource, namespace, name)) return applyCreate(r, name, text);
  const current = store.get(resource, namespace, name);
  const patched = applyPatch(clone(current), contentType, text, parseYaml);
  if (!isPlainObject(patched)) throw badRequest('the patch did not produce an object');
  checkName(isPlainObject(patched.metadata) ? String(patched.metadata.name ?? '') : '', name);
  const warnings = checkFields(resource, patched, r.q.get('fieldValidation'));
  // A patch that names no resourceVersion applies to whatever is stored; one that does must match (optimistic
  // lock).
  const next = { ...patched, metadata: { ...(patched.metadata ?? {}) } };
  if (next.metadata.resourceVersion === current.metadata?.resourceVersion) delete next.metadata.resourceVersion;
  const updated = store.update(resource, namespace, name, next, {
    dryRun: r.dryRun,
    fieldManager: r.fieldManager,
    operation: apply ? 'Apply' : 'Update',
  });
  sendJson(r.res, 200, r.render(updated), warnings);
}

function applyCreate(r: ResourceRequest, name: string, text: string): void {
  const applied = applyPatch({}, PATCH_TYPES.apply, text, parseYaml);
  const warnings = checkFields(r.resource, applied, r.q.get('fieldValidation'));
  const body = { ...applied, metadata: { ...(applied.metadata ?? {}), name } };
  const options = { dryRun: r.dryRun, fieldManager: r.fieldManager, operation: 'Apply' as const };
  sendJson(r.res, 201, r.render(r.ctx.store.create(r.resource, r.namespace, body, options)), warnings);
}

/**
 * A replace or patch may not rename the object: the API server's handlers refuse it before validation
 * (checkName, kubernetes/kubernetes staging/src/k8s.io/apiserver/pkg/endpoints/handlers/rest.go).
 */
function checkName(objectName: string, urlName: string): void {
  if (objectName !== urlName)
    throw badRequest(`the name of the object (${objectName}) does not match the name on the URL (${urlName})`);
}

/** The body of a create or replace, checked against the URL's namespace and the fieldValidation mode. */
async function readWrite(r: ResourceRequest): Promise<{ body: K8sObject; warnings: Record<string, string> }> {
  const body = await readObject(r.req, r.resource);
  const warnings = checkFields(r.resource, body, r.q.get('fieldValidation'));
  if (
    RESOURCE_SCOPE[r.resource] === 'Namespaced' &&
    body.metadata?.namespace &&
    body.metadata.namespace !== r.namespace
  ) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  return { body, warnings };
}

/** A Secret or Namespace body, as JSON or (kubectl's typed clients) protobuf. */
async function readObject(req: IncomingMessage, resource: Resource): Promise<K8sObject> {
  // Only Secrets and Namespaces have write routes (resourceRoutes.ts).
  const kind = RESOURCE_KIND[resource] as 'Secret' | 'Namespace';
  const bytes = await readBodyBytes(req);
  if ((req.headers['content-type'] ?? '').startsWith(PROTOBUF_CONTENT_TYPE)) return decodeProtobuf(bytes, kind);
  return decodeBody(bytes.toString('utf8'), kind);
}
