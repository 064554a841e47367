/**
 * Secret values stay put: no error the local API server returns quotes a value it was sent, whatever is wrong
 * with the request (bad base64, broken JSON or YAML, a registry credential that is not JSON, an oversized secret).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as https from 'node:https';
import { startTestCluster, type TestCluster } from './helpers';

let cluster: TestCluster;
before(async () => {
  cluster = await startTestCluster();
  cluster.store.create('secrets', 'default', { metadata: { name: 'existing' }, stringData: { a: '1' } });
});
after(() => cluster.dispose());

const MARKER = 'hunter2MARKERvalue';

function send(
  method: string,
  path: string,
  contentType: string,
  body: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      `${cluster.url}${path}`,
      {
        method,
        ca: cluster.caPem,
        agent: false,
        headers: { Authorization: `Bearer ${cluster.token}`, 'Content-Type': contentType },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const secrets = '/api/v1/namespaces/default/secrets';
const cases: Array<{ what: string; method: string; path: string; type: string; body: string; status: number }> = [
  {
    what: 'a data value that is not base64',
    method: 'POST',
    path: secrets,
    type: 'application/json',
    body: JSON.stringify({ metadata: { name: 'b64' }, data: { k: `${MARKER}$$` } }),
    status: 400,
  },
  {
    what: 'a body that is not JSON',
    method: 'POST',
    path: secrets,
    type: 'application/json',
    body: `{"metadata":{"name":"x"},"stringData":{"k":"${MARKER}"`,
    status: 400,
  },
  {
    what: 'a body with a value where JSON breaks',
    method: 'POST',
    path: secrets,
    type: 'application/json',
    body: `{"stringData":{"k":${MARKER}}}`,
    status: 400,
  },
  {
    what: 'a registry credential that is not JSON',
    method: 'POST',
    path: secrets,
    type: 'application/json',
    body: JSON.stringify({
      metadata: { name: 'reg' },
      type: 'kubernetes.io/dockerconfigjson',
      stringData: { '.dockerconfigjson': `{${MARKER}` },
    }),
    status: 422,
  },
  {
    what: 'an oversized secret',
    method: 'POST',
    path: secrets,
    type: 'application/json',
    body: JSON.stringify({ metadata: { name: 'big' }, stringData: { k: MARKER.repeat(70000) } }),
    status: 422,
  },
  {
    what: 'a merge patch that is not JSON',
    method: 'PATCH',
    path: `${secrets}/existing`,
    type: 'application/merge-patch+json',
    body: `{"stringData":{"a":${MARKER}}}`,
    status: 400,
  },
  {
    what: 'an apply patch that is not YAML',
    method: 'PATCH',
    path: `${secrets}/existing`,
    type: 'application/apply-patch+yaml',
    body: `stringData:\n  a: [${MARKER}\n  b: {`,
    status: 400,
  },
  {
    what: 'a JSON patch with a failing test op',
    method: 'PATCH',
    path: `${secrets}/existing`,
    type: 'application/json-patch+json',
    body: JSON.stringify([{ op: 'test', path: '/data/a', value: MARKER }]),
    status: 422,
  },
];

for (const c of cases) {
  test(`${c.what} gets a ${c.status} that does not quote the value`, async () => {
    const r = await send(c.method, c.path, c.type, c.body);
    assert.equal(r.status, c.status, r.text.slice(0, 300));
    assert.equal(JSON.parse(r.text).kind, 'Status');
    assert.ok(
      !r.text.includes(MARKER),
      `the response quotes the value: ${r.text.slice(0, 300).replaceAll(MARKER, '<value>')}`,
    );
  });
}
