/**
 * The secrets a Helm values file names, for Go to Definition and Find All References: each SecretName, TLS
 * `secretName` and image pull secret, with the key the chart reads there (none for a mishandled value or a
 * whole-secret mount), and the ranges a reference shows.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentSecretMentions, type SecretMention } from '../../../core/src/analysis';
import { analyzeDocument } from '../../../core/src/analysis/analyzeDocument';
import { CatalogIndex, emptySnapshot } from '../../../core/src/catalog';
import { helmSecretMentions } from '../../../core/src/helm/helmSecretMentions';
import { parseHelmValues } from '../../../core/src/helm/parseHelmValues';

/** Each mention as `name[key] @ text at the name / text at the key`. */
function described(text: string, mentions: SecretMention[]): string[] {
  return mentions.map((m) => {
    const at = (r: { start: number; end: number }) => text.slice(r.start, r.end);
    const key = m.key === undefined ? '' : `[${m.key}]`;
    return `${m.name}${key} @ ${at(m.nameRange)}${m.keyRange ? ` / ${at(m.keyRange)}` : ''}`;
  });
}

const VALUES = `pachd:
  rootTokenSecretName: "pach-root"
  enterpriseServerTokenSecretName: es-token
  tls:
    enabled: true
    secretName: pachd-tls
proxy:
  tls:
    secretName: proxy-tls
global:
  imagePullSecrets:
    - regcred
    - name: other-reg
    - ""
  postgresql:
    postgresqlExistingSecretName: pg
    postgresqlExistingSecretKey: pw
    existingSecret: pg
oidc:
  upstreamIDPsSecretName: $IDPS
  dexCredentialSecretName: ''
`;

test('every secret a values file names, with the keys the chart reads there', () => {
  assert.deepEqual(described(VALUES, helmSecretMentions(parseHelmValues(VALUES))), [
    'pach-root[root-token] @ "pach-root"',
    // The chart reads this one's key wrongly (PH005): the name alone.
    'es-token @ es-token',
    'pachd-tls[tls.crt] @ pachd-tls',
    'pachd-tls[tls.key] @ pachd-tls',
    // proxy.tls.enabled is off: the chart does not mount it, but the value still names the secret.
    'proxy-tls @ proxy-tls',
    'regcred @ regcred',
    'other-reg @ other-reg',
    // Postgres' key is a value of its own: a reference on the key points there.
    'pg[pw] @ pg / pw',
    'pg[postgresql-password] @ pg',
    'pg[postgresql-postgres-password] @ pg',
  ]);
});

test('a values file of another chart names nothing the facts know', () => {
  const old = 'pachd:\n  image:\n    tag: 1.13.0\n  rootTokenSecretName: pach-root\n';
  assert.deepEqual(helmSecretMentions(parseHelmValues(old)), []);
});

test('an analysis gives the mentions of its kind: a spec, a values file, nothing else', () => {
  const spec = '{"pipeline": {"name": "p"}, "transform": {"image": "x", "secrets": [{"name": "db", "key": "k"}]}}';
  const of = (uri: string, text: string) =>
    described(text, documentSecretMentions(analyzeDocument({ uri, text }, new CatalogIndex(emptySnapshot()))));
  assert.deepEqual(of('file:///w/p.pipeline.json', spec), ['db[k] @ "db" / "k"']);
  assert.deepEqual(of('file:///w/values.yaml', 'pachd:\n  rootTokenSecretName: r\n'), ['r[root-token] @ r']);
  assert.deepEqual(of('file:///w/notes.yaml', 'title: nothing\n'), []);
});
