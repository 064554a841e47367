/**
 * `SelfSubjectAccessReview` (what `kubectl auth can-i` and clients that check permissions up front ask), answered
 * from the same RBAC table that guards the API, so "can I?" and "did it work?" always agree.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodeBody, isPlainObject } from './objects';
import { decodeAccessReviewSpec, PROTOBUF_CONTENT_TYPE } from './protobuf';
import { readBodyBytes, sendJson } from './http';
import { allowedReason, allowingRule, type LocalUser } from './rbac';
import { isNamespaced, RESOURCE_SCOPE } from './routes';
import type { Resource } from './status';

export const ACCESS_REVIEW_PATH = '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews';

export const AUTHORIZATION_GROUP = {
  name: 'authorization.k8s.io',
  versions: [{ groupVersion: 'authorization.k8s.io/v1', version: 'v1' }],
  preferredVersion: { groupVersion: 'authorization.k8s.io/v1', version: 'v1' },
};

export const AUTHORIZATION_V1_RESOURCES = {
  kind: 'APIResourceList',
  apiVersion: 'v1',
  groupVersion: 'authorization.k8s.io/v1',
  resources: [
    {
      name: 'selfsubjectaccessreviews',
      singularName: 'selfsubjectaccessreview',
      namespaced: false,
      kind: 'SelfSubjectAccessReview',
      verbs: ['create'],
    },
  ],
};

export async function reviewAccess(user: LocalUser, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const bytes = await readBodyBytes(req);
  const spec = (req.headers['content-type'] ?? '').startsWith(PROTOBUF_CONTENT_TYPE)
    ? decodeAccessReviewSpec(bytes)
    : ((decodeBody(bytes.toString('utf8'), 'DeleteOptions').spec ?? {}) as Record<string, unknown>);
  const attrs = isPlainObject(spec.resourceAttributes)
    ? (spec.resourceAttributes as Record<string, string>)
    : undefined;
  sendJson(res, 201, {
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec,
    status: attrs ? decide(user, attrs) : { allowed: false },
  });
}

/**
 * The review's status as the API server's RBAC gives it: `allowed` with the reason naming the binding, or just
 * `allowed: false` (RBAC has no opinion on what it does not allow, so a denial carries no reason). Only the
 * core-group resources this server has can be allowed; anything else (and non-resource URLs) is denied.
 */
function decide(user: LocalUser, attrs: Record<string, string>): { allowed: boolean; reason?: string } {
  const resource = attrs.resource;
  if (attrs.group || attrs.subresource || !Object.hasOwn(RESOURCE_SCOPE, resource)) return { allowed: false };
  // Namespaces are cluster-scoped: a namespace in the review of one does not narrow it.
  const namespace = isNamespaced(resource as Resource) ? attrs.namespace || undefined : undefined;
  const rule = allowingRule(user, { verb: attrs.verb ?? '', resource, namespace, name: attrs.name || undefined });
  if (!rule) return { allowed: false };
  const reason = allowedReason(user, rule, namespace);
  return reason ? { allowed: true, reason } : { allowed: true };
}
