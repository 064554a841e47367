import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hoverSpec, type OtherUser } from '../../../core/src/language/hover';
import { buildSpecModel } from '../../../core/src/pipelineSpec';
import type { CatalogIndex } from '../../../core/src/catalog/snapshot';
import { readyCatalog, unknownCatalog, withCaret, SECRETS } from './fixtures';

const NOW = new Date('2026-11-28T12:00:00Z');

function hover(fixture: string, name: string, catalog: CatalogIndex = readyCatalog(), others: OtherUser[] = []) {
  const { file, offset } = withCaret(fixture, name);
  const asked: Array<[string, string]> = [];
  const h = hoverSpec({
    file,
    model: buildSpecModel(file),
    offset,
    catalog,
    now: NOW,
    otherUsers: (secret, pipeline) => {
      asked.push([secret, pipeline]);
      return others;
    },
  });
  return { h, asked, hovered: h ? file.text.slice(h.start, h.end) : undefined };
}

test('hover on a mounted secret name shows type, namespace and context, age, management and keys', () => {
  const { h, hovered } = hover(
    '{"pipeline": {"name": "p"}, "transform": {"secrets": [{"name": "db-cre|dentials", "mountPath": "/s"}]}}',
    'a.pipeline.json',
  );
  assert.equal(hovered, '"db-credentials"');
  assert.match(h!.markdown, /^Secret \*\*db-credentials\*\* · transform\.secrets/);
  assert.match(
    h!.markdown,
    /`Opaque` · namespace `pachyderm` of context `kind-pach` · 2 keys · created 8d ago · Pachyderm-managed/,
  );
  assert.match(h!.markdown, /\| `password` \| 9 B \| text \|/);
  assert.match(h!.markdown, /\| `username` \| 5 B \| text \|/);
});

test('hover on a key names the key with its size and whether it is binary (YAML, snake_case)', () => {
  const { h, hovered } = hover(
    'pipeline:\n  name: p\ntransform:\n  secrets:\n  - name: aws-keys\n    key: keystore|.p12\n    env_var: KS\n',
    'a.pipeline.yaml',
  );
  assert.equal(hovered, 'keystore.p12');
  assert.match(h!.markdown, /^Key `keystore\.p12` of secret \*\*aws-keys\*\*/);
  assert.match(h!.markdown, /`keystore\.p12`: 4 B, binary/);
  assert.match(h!.markdown, /not managed by Pachyderm/);
});

test('hover on an image pull secret and on the egress secret', () => {
  const pull = hover('transform:\n  image_pull_secrets:\n  - reg|cred\n', 'a.pipeline.yaml');
  assert.match(pull.h!.markdown, /^Secret \*\*regcred\*\* · image pull secret/);
  assert.match(pull.h!.markdown, /kubernetes\.io\/dockerconfigjson/);
  const egress = hover(
    '{"egress": {"sqlDatabase": {"secret": {"name": "db-credentials", "key": "pass|word"}}}}',
    'a.pipeline.json',
  );
  assert.match(egress.h!.markdown, /^Key `password` of secret \*\*db-credentials\*\* · egress SQL password/);
});

test('hover lists the other pipelines using the secret and asks without the hovered pipeline', () => {
  const r = hover(
    '---\npipeline:\n  name: first\ntransform:\n  secrets:\n  - name: regcred\n    mountPath: /a\n---\npipeline:\n  ' +
      'name: second\ntransform:\n  secrets:\n  - name: db-cred|entials\n    mountPath: /b\n',
    'multi.pipeline.yaml',
    readyCatalog(),
    [{ pipeline: 'exporter', file: 'pipelines/export.pipeline.json' }],
  );
  assert.deepEqual(r.asked, [['db-credentials', 'second']]);
  assert.match(r.h!.markdown, /Also used by `exporter` \(pipelines\/export\.pipeline\.json\)$/);
});

test('hover says when the catalog is not ready instead of judging the secret', () => {
  const { h } = hover('{"transform": {"secrets": [{"name": "db-cred|entials"}]}}', 'a.pipeline.json', unknownCatalog());
  assert.match(h!.markdown, /Cannot check it: the cluster's secrets are not known \(no kubeconfig found\)\./);
});

test('hover on a secret the namespace lacks says so', () => {
  const { h } = hover('{"transform": {"secrets": [{"name": "nope|"}]}}', 'a.pipeline.json');
  assert.match(h!.markdown, /No secret `nope` in namespace `pachyderm` of context `kind-pach`\./);
});

test('no hover away from secret references', () => {
  assert.equal(hover('{"pipeline": {"name": "p|"}, "transform": {"image": "x"}}', 'a.pipeline.json').h, undefined);
  assert.equal(hover('{"transform": {"secrets": [{"name": "x", "envVar": "P|W"}]}}', 'a.pipeline.json').h, undefined);
});

test('hover never shows a secret value, plain or base64', () => {
  const { h } = hover('{"transform": {"secrets": [{"name": "aws-k|eys"}]}}', 'a.pipeline.json');
  for (const s of SECRETS) {
    for (const v of Object.values(s.data ?? {})) {
      assert.ok(!h!.markdown.includes(v));
      assert.ok(!h!.markdown.includes(Buffer.from(v, 'base64').toString()));
    }
  }
});

test('hover on a secret named inside a podPatch JSON string', () => {
  const patch = JSON.stringify([
    { op: 'add', path: '/volumes/-', value: { name: 'v', secret: { secretName: 'aws-keys' } } },
  ]);
  const text = JSON.stringify({ pipeline: { name: 'p' }, transform: { image: 'a:1' }, podPatch: patch });
  const at = text.indexOf('aws-keys') + 2;
  const { h, hovered } = hover(text.slice(0, at) + '|' + text.slice(at), 'a.pipeline.json');
  assert.equal(hovered, 'aws-keys');
  assert.match(h!.markdown, /^Secret \*\*aws-keys\*\* · referenced in the pod patch/);
});
