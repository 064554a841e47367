/**
 * Turns whatever a cluster call threw into one of the catalog's problems with a sentence a user can act on.
 * Kept in one place so the tree, the status bar, the CLI and error messages all say the same thing.
 */
import type { CatalogProblem } from '../catalog/snapshot';
import { ClusterLimitError } from './responseLimits';
import { serverText } from './serverText';

export interface ClusterProblem {
  problem: CatalogProblem | 'gone' | 'not-found' | 'conflict' | 'invalid';
  /** Plain text, never contains a secret value (API Status messages name objects and keys, not values). */
  reason: string;
  /** HTTP status when the API server answered. */
  status?: number;
}

/** What the failing call tried to do, so a 403 can say which permission is missing. */
export interface CallDescription {
  verb: string;
  resource: string;
  namespace: string;
  name?: string;
}

/** Thrown by a call that got no answer within the configured timeout. */
export class ClusterTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${formatSeconds(timeoutMs)}`);
    this.name = 'ClusterTimeoutError';
  }
}

/** A failure that has already been classified (e.g. a watch event of type ERROR). */
export class ClassifiedClusterError extends Error {
  constructor(readonly classified: ClusterProblem) {
    super(classified.reason);
    this.name = 'ClassifiedClusterError';
  }
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'EPIPE',
  'ERR_SOCKET_CLOSED',
  'UND_ERR_SOCKET',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

export function classifyClusterError(err: unknown, call: CallDescription): ClusterProblem {
  if (err instanceof ClassifiedClusterError) return err.classified;
  // The server answered, but more than any real cluster sends (responseLimits.ts): its fault, so a server error.
  if (err instanceof ClusterLimitError) {
    return { problem: 'server-error', reason: `${capitalise(describe(call))} was stopped: ${err.message}.` };
  }
  if (err instanceof ClusterTimeoutError || isAbort(err)) {
    const ms = err instanceof ClusterTimeoutError ? err.timeoutMs : undefined;
    return {
      problem: 'timeout',
      reason:
        `The cluster did not answer ${describe(call)} within ${ms ? formatSeconds(ms) : 'the request timeout'} ` +
        `(pachyderm.requestTimeoutSeconds).`,
    };
  }
  const status = httpStatus(err);
  if (status !== undefined) return classifyStatus(status, statusMessage(err), call);
  const code = errorCode(err);
  if (code && UNREACHABLE_CODES.has(code)) {
    return { problem: 'unreachable', reason: `Cannot reach the cluster: ${code} (${shortMessage(err)}).` };
  }
  if (/socket hang up|network|connect|certificate|ECONN|closed/i.test(shortMessage(err))) {
    return { problem: 'unreachable', reason: `Cannot reach the cluster: ${shortMessage(err)}.` };
  }
  return { problem: 'other', reason: `${capitalise(describe(call))} failed: ${shortMessage(err)}` };
}

export function classifyStatus(status: number, rawMessage: string | undefined, call: CallDescription): ClusterProblem {
  // The server's words are quoted, never obeyed: control characters shown, one line, capped (serverText.ts).
  const message = rawMessage === undefined ? undefined : serverText(rawMessage) || undefined;
  const detail = message ? `: ${message}` : '';
  if (status === 401) {
    return {
      problem: 'unauthorized',
      status,
      reason: `401 Unauthorized: the cluster rejected the credentials of this context${detail}.`,
    };
  }
  if (status === 403) {
    return {
      problem: 'forbidden',
      status,
      reason:
        `403 Forbidden: missing permission to "${call.verb}" resource "${call.resource}" in namespace ` +
        `"${call.namespace}"${detail}.`,
    };
  }
  if (status === 404)
    return { problem: 'not-found', status, reason: message ?? `${call.resource} "${call.name ?? ''}" not found` };
  if (status === 409)
    return { problem: 'conflict', status, reason: message ?? `${call.resource} "${call.name ?? ''}" already exists` };
  if (status === 410) return { problem: 'gone', status, reason: message ?? 'resource version too old' };
  if (status === 422 || status === 400)
    return { problem: 'invalid', status, reason: message ?? `the API server refused the ${call.resource}` };
  if (status >= 500)
    return { problem: 'server-error', status, reason: `${status} server error while ${describe(call)}${detail}.` };
  return { problem: 'other', status, reason: `${status} while ${describe(call)}${detail}.` };
}

export function describe(call: CallDescription): string {
  const what = call.name ? `${call.resource} "${call.name}"` : call.resource;
  return `${gerund(call.verb)} ${what} in namespace "${call.namespace}"`;
}

export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

function gerund(verb: string): string {
  const map: Record<string, string> = {
    get: 'getting',
    list: 'listing',
    watch: 'watching',
    create: 'creating',
    update: 'updating',
    delete: 'deleting',
  };
  return map[verb] ?? verb;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function isAbort(err: unknown): boolean {
  const e = err as { name?: string; type?: string } | undefined;
  return e?.name === 'AbortError' || e?.type === 'aborted' || e?.name === 'TimeoutError';
}

function httpStatus(err: unknown): number | undefined {
  const e = err as { code?: unknown; statusCode?: unknown } | undefined;
  if (typeof e?.code === 'number' && e.code >= 100 && e.code < 600) return e.code;
  if (typeof e?.statusCode === 'number') return e.statusCode;
  return undefined;
}

function errorCode(err: unknown): string | undefined {
  let e = err as { code?: unknown; cause?: unknown; errno?: unknown } | undefined;
  for (let depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === 'string') return e.code;
    if (typeof e.errno === 'string') return e.errno;
    e = e.cause as typeof e;
  }
  return undefined;
}

/** The `message` of a Kubernetes Status body, when the API server sent one. */
function statusMessage(err: unknown): string | undefined {
  const body = (err as { body?: unknown } | undefined)?.body;
  let parsed: unknown = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      // Not a Status: an error page from something in front of the API server; its start says what it is.
      return body.trim() ? body.trim().slice(0, 300) : undefined;
    }
  }
  const msg = (parsed as { message?: unknown } | undefined)?.message;
  return typeof msg === 'string' && msg ? msg : undefined;
}

/** An error's own message, which for a network or TLS failure can quote what the peer sent. */
function shortMessage(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return serverText(msg.split('\n')[0]);
}
