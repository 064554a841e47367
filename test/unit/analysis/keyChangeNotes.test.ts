/** The words a key change gets: which workspace pipelines break or see the change, and when. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSecretUses } from '../../../core/src/analysis/secretUses';
import { keyBreakWarning, keyChangeNote } from '../../../core/src/analysis/keyChangeNotes';

const SPECS = `pipeline:
  name: reader
transform:
  image: x
  secrets:
    - name: db
      env_var: PGPASSWORD
      key: password
---
pipeline:
  name: mounter
transform:
  image: x
  secrets:
    - name: db
      mount_path: /secrets/db
---
pipeline:
  name: exporter
egress:
  sqlDatabase:
    url: snowflake://x
    fileFormat: {type: CSV}
    secret: {name: db, key: password}
transform:
  image: x
`;
const uses = findSecretUses('file:///w/p.yaml', 'specs/p.yaml', SPECS, 'db');
const SECRET = { name: 'db', namespace: 'team' };

test('uses carry the key, the environment variable and the mount path they name', () => {
  assert.deepEqual(
    uses.map(({ pipeline, key, envVar, mountPath }) => ({ pipeline, key, envVar, mountPath })),
    [
      { pipeline: 'reader', key: 'password', envVar: 'PGPASSWORD', mountPath: undefined },
      { pipeline: 'mounter', key: undefined, envVar: undefined, mountPath: '/secrets/db' },
      { pipeline: 'exporter', key: 'password', envVar: 'PACHYDERM_SQL_PASSWORD', mountPath: undefined },
    ],
  );
});

test('removing a key names the pipelines that name it, with kubelet words, and those that mount the secret', () => {
  const warning = keyBreakWarning(uses, SECRET, 'password');
  assert.match(
    warning,
    /name key "password" and will fail to start new workers \("couldn't find key password in Secret team\/db"\): reader \(specs\/p.yaml\), exporter \(specs\/p.yaml\)\./,
  );
  assert.match(warning, /mount the secret and will no longer find the file "password": mounter \(specs\/p.yaml\)\./);
  assert.match(keyBreakWarning(uses, SECRET, 'password', 'pw'), /will find it as "pw" instead of the file "password"/);
  assert.equal(keyBreakWarning(uses.slice(0, 1), SECRET, 'user'), '');
});

test('after a change, environment variables wait for a restart and mounted files follow after a delay', () => {
  const note = keyChangeNote(uses, 'password');
  assert.match(
    note,
    /environment variable keep the old value until their worker's container restarts: reader \(specs\/p.yaml, PGPASSWORD\), exporter \(specs\/p.yaml, PACHYDERM_SQL_PASSWORD\)\./,
  );
  assert.match(
    note,
    /see the new file after a short delay \(the kubelet's sync period\): mounter \(specs\/p.yaml, \/secrets\/db\)/,
  );
  assert.equal(keyChangeNote([], 'password'), 'No pipeline spec in this workspace uses key "password".');
});
