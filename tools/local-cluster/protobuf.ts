/**
 * Decoding of the Kubernetes protobuf envelope for the two kinds this server stores. kubectl's typed clients
 * (`kubectl create secret …`, `kubectl create namespace`) send `application/vnd.kubernetes.protobuf` bodies;
 * responses stay JSON, which those clients accept too. Field numbers are from k8s.io/api/core/v1/generated.proto.
 */
import { badRequest } from './status';
import type { K8sObject, ObjectMeta } from './objects';

export const PROTOBUF_CONTENT_TYPE = 'application/vnd.kubernetes.protobuf';
const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]); // "k8s\0"

interface Field {
  no: number;
  wire: number;
  value: bigint | Buffer;
}

function* fields(buf: Buffer): Generator<Field> {
  let pos = 0;
  const varint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (pos >= buf.length) throw new Error('truncated varint');
      const b = buf[pos++];
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result;
      shift += 7n;
    }
  };
  while (pos < buf.length) {
    const key = Number(varint());
    const no = key >>> 3;
    const wire = key & 7;
    switch (wire) {
      case 0:
        yield { no, wire, value: varint() };
        break;
      case 1:
        yield { no, wire, value: buf.subarray(pos, (pos += 8)) };
        break;
      case 2: {
        const len = Number(varint());
        if (pos + len > buf.length) throw new Error('truncated field');
        yield { no, wire, value: buf.subarray(pos, (pos += len)) };
        break;
      }
      case 5:
        yield { no, wire, value: buf.subarray(pos, (pos += 4)) };
        break;
      default:
        throw new Error(`unsupported wire type ${wire}`);
    }
  }
}

const text = (v: bigint | Buffer): string => (Buffer.isBuffer(v) ? v.toString('utf8') : '');

function mapEntry(buf: Buffer): [string, Buffer] {
  let key = '';
  let value = Buffer.alloc(0);
  for (const f of fields(buf)) {
    if (f.no === 1) key = text(f.value);
    else if (f.no === 2 && Buffer.isBuffer(f.value)) value = f.value;
  }
  return [key, value];
}

function objectMeta(buf: Buffer): ObjectMeta {
  const meta: ObjectMeta = {};
  const strings: Record<number, keyof ObjectMeta> = {
    1: 'name',
    2: 'generateName',
    3: 'namespace',
    5: 'uid',
    6: 'resourceVersion',
  };
  for (const f of fields(buf)) {
    const s = strings[f.no];
    if (s && text(f.value)) meta[s] = text(f.value);
    else if (f.no === 11 || f.no === 12) {
      const [k, v] = mapEntry(f.value as Buffer);
      const target = f.no === 11 ? 'labels' : 'annotations';
      (meta[target] ??= {})[k] = v.toString('utf8');
    }
  }
  return meta;
}

function secret(buf: Buffer): K8sObject {
  const obj: K8sObject = { kind: 'Secret', apiVersion: 'v1', metadata: {} };
  for (const f of fields(buf)) {
    if (f.no === 1) obj.metadata = objectMeta(f.value as Buffer);
    else if (f.no === 2 || f.no === 4) {
      const [k, v] = mapEntry(f.value as Buffer);
      const target = f.no === 2 ? 'data' : 'stringData';
      const map = ((obj[target] as Record<string, string> | undefined) ?? {}) as Record<string, string>;
      map[k] = f.no === 2 ? v.toString('base64') : v.toString('utf8');
      obj[target] = map;
    } else if (f.no === 3 && text(f.value)) obj.type = text(f.value);
    else if (f.no === 5) obj.immutable = f.value === 1n;
  }
  return obj;
}

function namespace(buf: Buffer): K8sObject {
  const obj: K8sObject = { kind: 'Namespace', apiVersion: 'v1', metadata: {} };
  for (const f of fields(buf)) if (f.no === 1) obj.metadata = objectMeta(f.value as Buffer);
  return obj;
}

/** Decodes a protobuf request body into the JSON shape the rest of the server works on. */
export function decodeProtobuf(body: Buffer, kind: 'Secret' | 'Namespace'): K8sObject {
  if (!body.subarray(0, 4).equals(MAGIC))
    throw badRequest(
      `${kind} in version "v1" cannot be handled as a ${kind}: provided data does not appear to be ` +
        `a protobuf message, expected prefix [107 56 115 0]`,
    );
  try {
    let raw: Buffer | undefined;
    let bodyKind = '';
    for (const f of fields(body.subarray(4))) {
      if (f.no === 1) for (const t of fields(f.value as Buffer)) if (t.no === 2) bodyKind = text(t.value);
      if (f.no === 2) raw = f.value as Buffer;
    }
    if (bodyKind && bodyKind !== kind) throw new Error(`the kind in the body ("${bodyKind}") does not match`);
    return kind === 'Secret' ? secret(raw ?? Buffer.alloc(0)) : namespace(raw ?? Buffer.alloc(0));
  } catch (e) {
    throw badRequest(`${kind} in version "v1" cannot be handled as a ${kind}: ${(e as Error).message}`);
  }
}

/** One protobuf field (wire type 2: strings and nested messages), which is all the documents below need. */
function lengthDelimited(no: number, payload: Buffer | string): Buffer {
  const bytes = Buffer.isBuffer(payload) ? payload : Buffer.from(payload, 'utf8');
  const varint = (n: number): number[] => {
    const out: number[] = [];
    while (n > 0x7f) {
      out.push((n & 0x7f) | 0x80);
      n >>>= 7;
    }
    out.push(n);
    return out;
  };
  return Buffer.concat([Buffer.from([...varint((no << 3) | 2), ...varint(bytes.length)]), bytes]);
}

// The real server's spelling: Go's mime parser rejects the '@' of the Accept header's form.
export const OPENAPI_V2_CONTENT_TYPE = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

/**
 * The OpenAPI v2 document (gnostic `openapi_v2.Document`) kubectl 1.27 and 1.28 insist on fetching, as protobuf,
 * before `create -f`/`apply`. An empty one is enough: they then learn `fieldValidation` support from /openapi/v3
 * and take patch strategies from their compiled-in types.
 */
export function openApiV2Document(): Buffer {
  const info = Buffer.concat([lengthDelimited(1, 'Kubernetes'), lengthDelimited(2, 'v1.32.0-local-cluster')]);
  return Buffer.concat([lengthDelimited(1, '2.0'), lengthDelimited(2, info), lengthDelimited(8, Buffer.alloc(0))]);
}

/** `SelfSubjectAccessReview.spec` from a protobuf body (k8s.io/api/authorization/v1/generated.proto). */
export function decodeAccessReviewSpec(body: Buffer): Record<string, unknown> {
  if (!body.subarray(0, 4).equals(MAGIC))
    throw badRequest('provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]');
  const spec: Record<string, unknown> = {};
  const attributes = (buf: Buffer, names: Record<number, string>): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const f of fields(buf)) if (names[f.no] && text(f.value)) out[names[f.no]] = text(f.value);
    return out;
  };
  try {
    for (const f of fields(body.subarray(4))) {
      if (f.no !== 2) continue;
      for (const review of fields(f.value as Buffer)) {
        if (review.no !== 2) continue;
        for (const s of fields(review.value as Buffer)) {
          if (s.no === 1)
            spec.resourceAttributes = attributes(s.value as Buffer, {
              1: 'namespace',
              2: 'verb',
              3: 'group',
              4: 'version',
              5: 'resource',
              6: 'subresource',
              7: 'name',
            });
          if (s.no === 2) spec.nonResourceAttributes = attributes(s.value as Buffer, { 1: 'path', 2: 'verb' });
        }
      }
    }
  } catch (e) {
    throw badRequest(
      `SelfSubjectAccessReview in version "v1" cannot be handled as a SelfSubjectAccessReview: ${(e as Error).message}`,
    );
  }
  return spec;
}
