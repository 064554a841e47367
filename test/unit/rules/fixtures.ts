/** Shared test helpers: a catalog from short secret descriptions, and analysis reduced to what a test asserts. */
import { analyzeDocument } from '../../../core/src/analysis/analyzeDocument';
import { CatalogIndex, emptySnapshot } from '../../../core/src/catalog/snapshot';
import type { SecretMeta } from '../../../core/src/catalog/secretMeta';
import type { Finding } from '../../../core/src/rules/ruleTable';

export function catalog(secrets: Array<{ name: string; keys?: string[]; type?: string }>): CatalogIndex {
  const metas: SecretMeta[] = secrets.map((s) => ({
    name: s.name,
    namespace: 'default',
    type: s.type ?? 'Opaque',
    keys: (s.keys ?? []).map((k) => ({ name: k, size: 3, binary: false })),
    labels: {},
  }));
  return new CatalogIndex({ context: 'test', namespace: 'default', state: { kind: 'ready' }, secrets: metas });
}

export const NO_CLUSTER = new CatalogIndex(emptySnapshot());

export const CLUSTER = catalog([
  { name: 'db-creds', keys: ['password', 'username'] },
  { name: 'aws', keys: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'] },
  { name: 'regcred', type: 'kubernetes.io/dockerconfigjson', keys: ['.dockerconfigjson'] },
  { name: 'tls.example.com', type: 'kubernetes.io/tls', keys: ['tls.crt', 'tls.key'] },
]);

export interface Analysed {
  findings: Finding[];
  text: string;
  /** The text each finding underlines. */
  at(code: string): string[];
  codes(): string[];
}

export function analyse(
  text: string,
  uri = 'file:///w/p.pipeline.json',
  cat: CatalogIndex = CLUSTER,
  specFiles: string[] = [],
): Analysed {
  const { findings } = analyzeDocument({ uri, text }, cat, { specFiles });
  return {
    findings,
    text,
    at: (code) => findings.filter((f) => f.code === code).map((f) => text.slice(f.start, f.end)),
    codes: () => findings.map((f) => f.code),
  };
}

export const yamlUri = 'file:///w/p.pipeline.yaml';

/** A minimal valid spec around a transform body, in JSON. */
export function jsonSpec(transform: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify(
    {
      pipeline: { name: 'p' },
      input: { pfs: { repo: 'r', glob: '/*' } },
      transform: { image: 'i:1', cmd: ['x'], ...transform },
      ...extra,
    },
    null,
    2,
  );
}
