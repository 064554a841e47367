/** Shared fixtures of the language-feature tests: a catalog of metadata and `|`-caret documents. */
import { CatalogIndex, type CatalogSnapshot } from '../../../core/src/catalog/snapshot';
import { toSecretMeta, type SecretObject } from '../../../core/src/catalog/secretMeta';
import { parseSpecFile, type SpecFile } from '../../../core/src/pipelineSpec';

const b64 = (s: string) => Buffer.from(s).toString('base64');

export const SECRETS: SecretObject[] = [
  {
    metadata: {
      name: 'db-credentials',
      namespace: 'pachyderm',
      creationTimestamp: '2026-11-20T12:00:00Z',
      labels: { 'secret-source': 'pachyderm-user', suite: 'pachyderm' },
    },
    type: 'Opaque',
    data: { password: b64('s3cr3t-pw'), username: b64('admin') },
  },
  {
    metadata: { name: 'regcred', namespace: 'pachyderm', creationTimestamp: '2026-11-27T12:00:00Z' },
    type: 'kubernetes.io/dockerconfigjson',
    data: { '.dockerconfigjson': b64('{"auths":{}}') },
  },
  {
    metadata: { name: 'aws-keys', namespace: 'pachyderm' },
    type: 'Opaque',
    data: {
      AWS_ACCESS_KEY_ID: b64('AKIA-example'),
      AWS_SECRET_ACCESS_KEY: b64('wJalr-example'),
      'keystore.p12': Buffer.from([0, 1, 2, 255]).toString('base64'),
    },
  },
];

export function readyCatalog(objects: SecretObject[] = SECRETS): CatalogIndex {
  const snapshot: CatalogSnapshot = {
    context: 'kind-pach',
    namespace: 'pachyderm',
    state: { kind: 'ready' },
    secrets: objects.map((o) => toSecretMeta(o)).sort((a, b) => (a.name < b.name ? -1 : 1)),
  };
  return new CatalogIndex(snapshot);
}

export function unknownCatalog(): CatalogIndex {
  return new CatalogIndex({
    context: '',
    namespace: 'default',
    state: { kind: 'unknown', reason: 'no kubeconfig found' },
    secrets: [],
  });
}

/** A spec file from a fixture with one `|` caret; the file name decides JSON or YAML. */
export function withCaret(fixture: string, name = 'test.pipeline.yaml'): { file: SpecFile; offset: number } {
  const offset = fixture.indexOf('|');
  if (offset < 0) throw new Error('fixture needs a | caret');
  const text = fixture.slice(0, offset) + fixture.slice(offset + 1);
  return { file: parseSpecFile(`file:///ws/${name}`, text), offset };
}
