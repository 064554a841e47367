/**
 * The paths that are not resources: discovery (legacy and aggregated), the server version and the OpenAPI
 * documents kubectl reads for `explain`, validation and protobuf encoding.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StatusError } from './status';
import {
  AGGREGATED_V2,
  API_GROUP_LIST,
  API_V1_RESOURCES,
  VERSION,
  aggregatedDiscovery,
  apiVersions,
  wantsAggregated,
} from './discovery';
import { OPENAPI_V3_ROOT, openApiV3Document } from './openapi';
import { AUTHORIZATION_GROUP, AUTHORIZATION_V1_RESOURCES } from './accessReview';
import { sendJson } from './http';
import { openApiV2Document, OPENAPI_V2_CONTENT_TYPE } from './protobuf';
import type { ApiContext } from './apiContext';

type DiscoveryHandler = (ctx: ApiContext, res: ServerResponse) => void;

/** Path (without a trailing slash) → its document. */
const DISCOVERY_ROUTES: Record<string, DiscoveryHandler> = {
  '/version': (_ctx, res) => sendJson(res, 200, VERSION),
  '/api': (ctx, res) => sendJson(res, 200, apiVersions(ctx.serverAddress())),
  '/api/v1': (_ctx, res) => sendJson(res, 200, API_V1_RESOURCES),
  '/apis': (_ctx, res) => sendJson(res, 200, API_GROUP_LIST),
  '/apis/authorization.k8s.io': (_ctx, res) =>
    sendJson(res, 200, { kind: 'APIGroup', apiVersion: 'v1', ...AUTHORIZATION_GROUP }),
  '/apis/authorization.k8s.io/v1': (_ctx, res) => sendJson(res, 200, AUTHORIZATION_V1_RESOURCES),
  '/openapi/v2': (_ctx, res) => {
    const doc = openApiV2Document();
    res.writeHead(200, { 'Content-Type': OPENAPI_V2_CONTENT_TYPE, 'Content-Length': doc.length });
    res.end(doc);
  },
  '/openapi/v3': (_ctx, res) => sendJson(res, 200, OPENAPI_V3_ROOT),
  '/openapi/v3/api/v1': (_ctx, res) => sendJson(res, 200, openApiV3Document()),
};

export function serveDiscovery(ctx: ApiContext, path: string, req: IncomingMessage, res: ServerResponse): void {
  const root = path.replace(/\/$/, '');
  if ((root === '/api' || root === '/apis') && wantsAggregated(req.headers.accept)) {
    return sendJson(res, 200, aggregatedDiscovery(root), { 'Content-Type': AGGREGATED_V2 });
  }
  if (!Object.hasOwn(DISCOVERY_ROUTES, root)) {
    throw new StatusError({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'the server could not find the requested resource',
      reason: 'NotFound',
      details: {},
      code: 404,
    });
  }
  DISCOVERY_ROUTES[root](ctx, res);
}
