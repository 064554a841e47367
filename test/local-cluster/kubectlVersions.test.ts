/**
 * Every installed kubectl release (1.27 … 1.33) against the local API server: older ones fetch /openapi/v2 as
 * protobuf before create and apply, newer ones /openapi/v3; all must create, apply, select and delete.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kubectl, kubectlVersions, startTestCluster, type TestCluster } from './helpers';

let cluster: TestCluster;
before(async () => {
  cluster = await startTestCluster();
});
after(() => cluster.dispose());

for (const { name, binary } of kubectlVersions()) {
  test(`${name} creates with -f and create secret, applies twice, selects with -l and deletes`, async () => {
    const secret = `v-${name.replace(/\W/g, '-')}`;
    const file = join(cluster.dir, `${secret}.json`);
    const write = (value: string): void =>
      writeFileSync(
        file,
        JSON.stringify({
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name: secret, labels: { release: secret } },
          stringData: { v: value },
        }),
      );
    const run = async (args: string[]): Promise<string> => {
      const r = await kubectl(cluster, args, binary);
      assert.equal(r.code, 0, `${name} ${args.join(' ')}: ${r.stderr}`);
      return r.stdout.trim();
    };
    write('1');
    assert.equal(await run(['apply', '-f', file]), `secret/${secret} created`);
    write('2');
    assert.equal(await run(['apply', '-f', file]), `secret/${secret} configured`);
    assert.equal(
      Buffer.from(
        (cluster.store.get('secrets', 'default', secret).data as Record<string, string>).v,
        'base64',
      ).toString(),
      '2',
    );
    assert.equal(
      await run(['create', 'secret', 'generic', `${secret}-lit`, '--from-literal=a=b']),
      `secret/${secret}-lit created`,
    );
    assert.equal(await run(['get', 'secrets', '-l', `release=${secret}`, '-o', 'name']), `secret/${secret}`);
    assert.equal(
      await run(['delete', 'secret', secret, `${secret}-lit`]),
      `secret "${secret}" deleted\nsecret "${secret}-lit" deleted`,
    );
    const created = await run(['create', '-f', file]);
    assert.equal(created, `secret/${secret} created`);
  });
}
