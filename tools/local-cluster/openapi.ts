/**
 * The slice of OpenAPI v3 kubectl reads before `create`/`apply`: it checks whether the server supports the
 * `fieldValidation` query parameter (then validates server-side with `fieldValidation=Strict`), and reads the
 * Secret schema's patch strategy for `apply`. Only `api/v1` with Secret and Namespace is described.
 */
const HASH = 'local-cluster-v1';

export const OPENAPI_V3_ROOT = { paths: { 'api/v1': { serverRelativeURL: `/openapi/v3/api/v1?hash=${HASH}` } } };

const ref = (name: string): unknown => ({ $ref: `#/components/schemas/${name}` });
const stringMap = { type: 'object', additionalProperties: { type: 'string', default: '' } };
const byteMap = { type: 'object', additionalProperties: { type: 'string', format: 'byte' } };
const gvk = (kind: string): unknown => [{ group: '', kind, version: 'v1' }];

const PARAMS = ['dryRun', 'fieldManager', 'fieldValidation', 'pretty'].map((name) => ({
  name,
  in: 'query',
  schema: { type: 'string', uniqueItems: true },
}));

function operations(kind: string, idPart: string, namespaced: boolean, named: boolean): Record<string, unknown> {
  const body = { content: { '*/*': { schema: ref(`io.k8s.api.core.v1.${kind}`) } }, required: true };
  const ok = {
    responses: { '200': { content: { 'application/json': { schema: ref(`io.k8s.api.core.v1.${kind}`) } } } },
  };
  const ns = namespaced ? 'Namespaced' : '';
  const ext = { 'x-kubernetes-group-version-kind': { group: '', kind, version: 'v1' } };
  if (named) {
    return {
      get: { operationId: `readCoreV1${ns}${idPart}`, ...ok, ...ext, 'x-kubernetes-action': 'get' },
      put: {
        operationId: `replaceCoreV1${ns}${idPart}`,
        parameters: PARAMS,
        requestBody: body,
        ...ok,
        ...ext,
        'x-kubernetes-action': 'put',
      },
      patch: {
        operationId: `patchCoreV1${ns}${idPart}`,
        parameters: [...PARAMS, { name: 'force', in: 'query', schema: { type: 'boolean', uniqueItems: true } }],
        requestBody: {
          content: {
            'application/apply-patch+yaml': { schema: ref('io.k8s.apimachinery.pkg.apis.meta.v1.Patch') },
            'application/json-patch+json': { schema: ref('io.k8s.apimachinery.pkg.apis.meta.v1.Patch') },
            'application/merge-patch+json': { schema: ref('io.k8s.apimachinery.pkg.apis.meta.v1.Patch') },
            'application/strategic-merge-patch+json': { schema: ref('io.k8s.apimachinery.pkg.apis.meta.v1.Patch') },
          },
          required: true,
        },
        ...ok,
        ...ext,
        'x-kubernetes-action': 'patch',
      },
      delete: { operationId: `deleteCoreV1${ns}${idPart}`, ...ok, ...ext, 'x-kubernetes-action': 'delete' },
    };
  }
  return {
    get: { operationId: `listCoreV1${ns}${idPart}`, ...ok, ...ext, 'x-kubernetes-action': 'list' },
    post: {
      operationId: `createCoreV1${ns}${idPart}`,
      parameters: PARAMS,
      requestBody: body,
      ...ok,
      ...ext,
      'x-kubernetes-action': 'post',
    },
  };
}

const OBJECT_META = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    generateName: { type: 'string' },
    namespace: { type: 'string' },
    uid: { type: 'string' },
    resourceVersion: { type: 'string' },
    creationTimestamp: ref('io.k8s.apimachinery.pkg.apis.meta.v1.Time'),
    labels: stringMap,
    annotations: stringMap,
    finalizers: {
      type: 'array',
      items: { type: 'string', default: '' },
      'x-kubernetes-list-type': 'set',
      'x-kubernetes-patch-strategy': 'merge',
    },
    ownerReferences: {
      type: 'array',
      items: { type: 'object' },
      'x-kubernetes-patch-merge-key': 'uid',
      'x-kubernetes-patch-strategy': 'merge',
    },
    managedFields: { type: 'array', items: { type: 'object' } },
  },
};

/** A top-level kind's schema: the type and object metadata every kind has, then its own fields. */
function objectSchema(kind: string, fields: Record<string, unknown>): unknown {
  return {
    type: 'object',
    properties: {
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: { allOf: [ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta')], default: {} },
      ...fields,
    },
    'x-kubernetes-group-version-kind': gvk(kind),
  };
}

export function openApiV3Document(): unknown {
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.32.0-local-cluster' },
    paths: {
      '/api/v1/namespaces': operations('Namespace', 'Namespace', false, false),
      '/api/v1/namespaces/{name}': operations('Namespace', 'Namespace', false, true),
      '/api/v1/namespaces/{namespace}/secrets': operations('Secret', 'Secret', true, false),
      '/api/v1/namespaces/{namespace}/secrets/{name}': operations('Secret', 'Secret', true, true),
    },
    components: {
      schemas: {
        'io.k8s.api.core.v1.Secret': objectSchema('Secret', {
          data: byteMap,
          stringData: stringMap,
          immutable: { type: 'boolean' },
          type: { type: 'string' },
        }),
        'io.k8s.api.core.v1.Namespace': objectSchema('Namespace', {
          spec: {
            type: 'object',
            properties: { finalizers: { type: 'array', items: { type: 'string', default: '' } } },
          },
          status: { type: 'object', properties: { phase: { type: 'string' } } },
        }),
        'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta': OBJECT_META,
        'io.k8s.apimachinery.pkg.apis.meta.v1.Time': { type: 'string', format: 'date-time' },
        'io.k8s.apimachinery.pkg.apis.meta.v1.Patch': { type: 'object' },
      },
    },
  };
}
