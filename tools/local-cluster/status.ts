/**
 * Kubernetes `Status` errors, with the reasons, codes and message wording the real API server uses, so that
 * kubectl and client-node print and branch on them exactly as they would against a real cluster.
 */
export interface StatusCause {
  reason?: string;
  message: string;
  field?: string;
}

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, unknown>;
  status: 'Failure' | 'Success';
  message?: string;
  reason?: string;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    uid?: string;
    causes?: StatusCause[];
    retryAfterSeconds?: number;
  };
  code: number;
}

/** Thrown by the store and the handlers; the router turns it into a response. */
export class StatusError extends Error {
  constructor(readonly status: Status) {
    super(status.message);
  }
  get code(): number {
    return this.status.code;
  }
}

function failure(code: number, reason: string, message: string, details?: Status['details']): StatusError {
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details) status.details = details;
  return new StatusError(status);
}

/** Resource names as the API spells them in messages: plural, lower case (`secrets`, `namespaces`). */
export type Resource = 'secrets' | 'namespaces' | 'replicationcontrollers' | 'pods' | 'events';

/** The kind of one object of each resource. */
export const RESOURCE_KIND: Record<Resource, string> = {
  secrets: 'Secret',
  namespaces: 'Namespace',
  replicationcontrollers: 'ReplicationController',
  pods: 'Pod',
  events: 'Event',
};

export const unauthorized = (): StatusError => failure(401, 'Unauthorized', 'Unauthorized');

export function forbidden(
  user: string,
  verb: string,
  resource: Resource,
  namespace: string | undefined,
  name?: string,
): StatusError {
  const what = name ? `${resource} "${name}"` : resource;
  const where = namespace ? `in the namespace "${namespace}"` : 'at the cluster scope';
  return failure(
    403,
    'Forbidden',
    `${what} is forbidden: User "${user}" cannot ${verb} resource "${resource}" in API group "" ${where}`,
    {
      ...(name ? { name } : {}),
      kind: resource,
    },
  );
}

/** A 403 the server gives for a reason of its own rather than RBAC (`this namespace may not be deleted`). */
export const forbiddenBecause = (resource: Resource, name: string, why: string): StatusError =>
  failure(403, 'Forbidden', `${resource} "${name}" is forbidden: ${why}`, { name, kind: resource });

export const notFound = (resource: Resource, name: string): StatusError =>
  failure(404, 'NotFound', `${resource} "${name}" not found`, { name, kind: resource });

export const alreadyExists = (resource: Resource, name: string): StatusError =>
  failure(409, 'AlreadyExists', `${resource} "${name}" already exists`, { name, kind: resource });

export const conflict = (
  resource: Resource,
  name: string,
  why = 'the object has been modified; please apply your changes to the latest version and try again',
): StatusError =>
  failure(409, 'Conflict', `Operation cannot be fulfilled on ${resource} "${name}": ${why}`, { name, kind: resource });

/** `kind` is the object kind (`Secret`), as in `Secret "x" is invalid: …`. */
export function invalid(kind: string, name: string, causes: StatusCause[]): StatusError {
  const parts = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message));
  const joined = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`;
  return failure(422, 'Invalid', `${kind} "${name}" is invalid: ${joined}`, { name, kind, causes });
}

/** A 422 without field causes (JSON patch failures). */
export const unprocessable = (message: string): StatusError => failure(422, 'Invalid', message);

export const badRequest = (message: string): StatusError => failure(400, 'BadRequest', message);

export const methodNotAllowed = (): StatusError =>
  failure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');

export const unsupportedMediaType = (contentType: string): StatusError =>
  failure(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ` +
      `application/json-patch+json, ` +
      `application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json; ` +
      `got ${contentType}`,
  );

export const requestEntityTooLarge = (): StatusError =>
  failure(413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728');

/** The watch and the continue-token flavours of 410 share reason `Expired`, as on a real API server. */
export const expired = (message: string): StatusError => failure(410, 'Expired', message);

export const internalError = (message: string): StatusError =>
  failure(500, 'InternalError', `Internal error occurred: ${message}`, { causes: [{ message }] });

/** The status a fault injection asks for, with the reason a real server gives for that code. */
export function statusForCode(code: number, message?: string): StatusError {
  switch (code) {
    case 401:
      return unauthorized();
    case 500:
      return internalError(message ?? 'injected fault');
    case 503:
      return failure(503, 'ServiceUnavailable', message ?? 'the server is currently unable to handle the request');
    case 504:
      return failure(
        504,
        'Timeout',
        message ??
          'the server was unable to return a response in the time allotted, but may still be processing the request',
      );
    case 429:
      return failure(
        429,
        'TooManyRequests',
        message ?? 'the server has received too many requests and has asked us to try again later',
        { retryAfterSeconds: 1 },
      );
    case 403:
      return failure(403, 'Forbidden', message ?? 'forbidden: injected fault');
    case 404:
      return failure(404, 'NotFound', message ?? 'the server could not find the requested resource');
    case 409:
      return failure(409, 'Conflict', message ?? 'conflict: injected fault');
    case 410:
      return expired(message ?? 'too old resource version');
    default:
      return failure(code, code >= 500 ? 'InternalError' : 'BadRequest', message ?? `injected fault ${code}`);
  }
}

export const success = (resource: Resource, name: string, uid?: string): Status => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Success',
  details: { name, kind: resource, ...(uid ? { uid } : {}) },
  code: 200,
});
