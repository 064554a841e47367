import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { helmCompletion } from '../../../core/src/helm/helmCompletion';
import { helmHover } from '../../../core/src/helm/helmHover';
import { parseHelmValues } from '../../../core/src/helm/parseHelmValues';
import { fixtureText, readyCatalog, unknownCatalog } from './helmTestCatalog';

/** Text with a `|` caret marker → document and offset. */
function at(marked: string) {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { doc: parseDocument(text), offset, text };
}

test('completion on rootTokenSecretName lists secrets holding root-token first', () => {
  const { doc, offset } = at('pachd:\n  rootTokenSecretName: |\n');
  const c = helmCompletion(doc, offset, readyCatalog())!;
  const fitting = c.items.filter((i) => i.fits).map((i) => i.label);
  assert.deepEqual(fitting, ['pach-root', 'pachyderm-root-token-good']);
  assert.deepEqual(
    c.items.slice(0, 2).map((i) => i.label),
    fitting,
  );
  const docsTable = c.items.find((i) => i.label === 'pachyderm-root-token')!;
  assert.equal(docsTable.fits, false);
  assert.equal(docsTable.detail, 'no key root-token');
  assert.deepEqual(c.replace, { start: offset, end: offset });
});

test('completion replaces the name already typed', () => {
  const { doc, offset, text } = at('pachd:\n  oauthClientSecretSecretName: pach-o|\n');
  const c = helmCompletion(doc, offset, readyCatalog())!;
  assert.equal(text.slice(c.replace.start, c.replace.end), 'pach-o');
  assert.equal(c.items[0].label, 'pach-oauth');
});

test('completion on the postgres secret follows postgresqlExistingSecretKey', () => {
  const { doc, offset } = at(
    'pachd: {}\nglobal:\n  postgresql:\n    postgresqlExistingSecretKey: ' +
      'password\n    postgresqlExistingSecretName: |\n',
  );
  const c = helmCompletion(doc, offset, readyCatalog())!;
  assert.deepEqual(
    c.items.filter((i) => i.fits).map((i) => i.label),
    ['pg-creds'],
  );
});

test('completion on TLS secretName and image pull secrets ranks by tls keys and registry type', () => {
  let p = at('pachd:\n  tls:\n    secretName: |\n');
  assert.deepEqual(
    helmCompletion(p.doc, p.offset, readyCatalog())!
      .items.filter((i) => i.fits)
      .map((i) => i.label),
    ['es-tls', 'pachd-tls'],
  );
  p = at('pachd: {}\nglobal:\n  imagePullSecrets:\n    - reg|\n');
  const c = helmCompletion(p.doc, p.offset, readyCatalog())!;
  assert.deepEqual(
    c.items.filter((i) => i.fits).map((i) => i.label),
    ['regcred'],
  );
  assert.equal(p.text.slice(c.replace.start, c.replace.end), 'reg');
});

test('no completion off secret values or while the catalog is unknown', () => {
  let p = at('pachd:\n  rootToken: |\n');
  assert.equal(helmCompletion(p.doc, p.offset, readyCatalog()), undefined);
  p = at('pachd:\n  rootTokenSecretName: |\n');
  assert.equal(helmCompletion(p.doc, p.offset, unknownCatalog()), undefined);
});

test("hover on rootTokenSecretName says the key read, the default secret, the pods, and the named secret's keys", () => {
  const { doc, offset } = at('pachd:\n  rootTokenSecretName: pachyderm-ro|ot-token\n');
  const h = helmHover(doc, offset, readyCatalog())!;
  assert.match(
    h.markdown,
    /reads key `root-token`\.\n\nNot `rootToken`: that is the key the docs' Platform Secrets Map names\./,
  );
  assert.match(h.markdown, /its own secret `pachyderm-auth`, filled from `pachd.rootToken`/);
  assert.match(h.markdown, /Used by: pachd, enterprise-server/);
  assert.match(h.markdown, /Secret `pachyderm-root-token` \(Opaque\) has keys: `rootToken`/);
});

test('hover on a plain credential names the SecretName to use instead and shows no value', () => {
  const { doc, offset } = at('pachd:\n  root|Token: "s3cr3t-value"\n');
  const h = helmHover(doc, offset, readyCatalog())!;
  assert.match(h.markdown, /`pachd.rootTokenSecretName`/);
  assert.ok(!h.markdown.includes('s3cr3t-value'));
});

test('hover on a mishandled value says what the chart does instead', () => {
  const { doc, offset } = at('pachd:\n  enterpriseServerTokenSecretName: x|\n');
  assert.match(
    helmHover(doc, offset, unknownCatalog())!.markdown,
    /writes `value: enterprise-server-token` instead of `key:`/,
  );
});

test('hover on a TLS secretName says which keys the chart mounts and what the named secret has', () => {
  const { doc, offset } = at('proxy:\n  tls:\n    enabled: true\n    secretName: proxy-t|ls\n');
  const h = helmHover(doc, offset, readyCatalog())!;
  assert.match(h.markdown, /proxy TLS secret/);
  assert.match(h.markdown, /mounts keys `tls.crt` and `tls.key`/);
  assert.match(h.markdown, /Secret `proxy-tls` \(kubernetes.io\/tls\) has keys: `tls.crt`/);
});

test('hover on global.imagePullSecrets names the pods that pull with it', () => {
  const { doc, offset } = at('pachd: {}\nglobal:\n  imagePull|Secrets: [regcred]\n');
  assert.match(
    helmHover(doc, offset, readyCatalog())!.markdown,
    /registry credentials .* for every chart pod.*\n\nUsed by: pachd, pachw/s,
  );
});

test('no hover on values the chart does not read as secrets', () => {
  const { doc, offset } = at('pachd:\n  replic|as: 2\n');
  assert.equal(helmHover(doc, offset, readyCatalog()), undefined);
});

test('hover on a top-level key, and under every secret hover, says which chart the file was judged against', () => {
  let p = at('global:\n  postgresql: {}\npac|hd:\n  replicas: 2\n');
  assert.equal(
    helmHover(p.doc, p.offset, readyCatalog())!.markdown,
    "Judged against Pachyderm's Helm chart 2.x (pachyderm/pachyderm etc/helm/pachyderm; chart 2.0 and later; secret " +
      'facts checked against 2.11 and 2.12), recognised by `global`.',
  );
  p = at('pachd:\n  rootTokenSecretName: pach-ro|ot\n');
  assert.match(
    helmHover(p.doc, p.offset, readyCatalog())!.markdown,
    /The chart reads key `root-token`\..*\n\nJudged against Pachyderm's Helm chart 2\.x/s,
  );
});

test('hover on a pre-2.0 values file says it was recognised as that chart and not judged', () => {
  const text = fixtureText('values-stable-1x.yaml');
  const doc = parseHelmValues(text);
  const h = helmHover(doc, text.indexOf('etcd:') + 1, readyCatalog())!;
  assert.match(h.markdown, /^Recognised as the community chart stable\/pachyderm \(Pachyderm 1\.x\) .* Not judged:/);
  // Deeper keys too: none of the 2.x descriptions apply.
  assert.match(helmHover(doc, text.indexOf('pfsCache') + 1, readyCatalog())!.markdown, /^Recognised as/);
});

test('hover on a Go template values file that is not YAML as written says it is not judged', () => {
  const text = fixtureText('values-helmfile.yaml');
  const h = helmHover(parseHelmValues(text), 1 + text.indexOf('pachd:'), readyCatalog(), text)!;
  assert.match(h.markdown, /Go template actions .* not judged/);
});

test('hover on a TLS secretName says when the chart does not read it, or creates it, instead of looking it up', () => {
  const p = at('proxy:\n  tls:\n    enabled: false\n    secretName: proxy-t|ls\n');
  let md = helmHover(p.doc, p.offset, readyCatalog())!.markdown;
  assert.match(
    md,
    /Not read with these values: the chart mounts it only when `proxy.enabled` and `proxy.tls.enabled` are on/,
  );
  assert.doesNotMatch(md, /has keys/);
  const text = fixtureText('values-tls-shared.yaml');
  const offset = text.indexOf('secretName: pachyderm-tls', text.indexOf('ingress:')) + 'secretName: '.length + 2;
  md = helmHover(parseHelmValues(text), offset, readyCatalog())!.markdown;
  assert.match(md, /The chart creates secret `pachyderm-tls` itself from this file's values/);
  assert.doesNotMatch(md, /does not exist/);
});
