import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  buildDockerRegistrySecret,
  buildGenericSecret,
  buildTlsSecret,
  nodeSourceReader,
  printSecret,
} from '../../core/src/manifest';
import { initialGenericState, runGenericWizard } from '../../client/src/wizards/genericWizard';
import { initialTlsState, runTlsWizard } from '../../client/src/wizards/tlsWizard';
import { initialDockerRegistryState, runDockerRegistryWizard } from '../../client/src/wizards/dockerRegistryWizard';
import { RecordingSinks, ScriptedUi } from './scriptedWizardUi';

const SECRET_VALUE = 'hunter2-typed-in-the-wizard';
let dir = '';
const f = (name: string) => path.join(dir, name);

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-wizard-'));
  fs.writeFileSync(f('ca.pem'), 'pretend CA\n');
  fs.mkdirSync(f('conf'));
  fs.writeFileSync(f('conf/a.txt'), 'A');
  fs.writeFileSync(f('conf/b.txt'), 'B');
  fs.writeFileSync(f('app.env'), 'HOST=db\nPORT=5432\n');
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  for (const n of ['one', 'two']) {
    ssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      `${n}.key`,
      '-out',
      `${n}.crt`,
      '-subj',
      `/CN=${n}`,
      '-days',
      '1',
    );
  }
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('generic wizard writes the manifest kubectl writes for the same literals, file, folder', async () => {
  const ui = new ScriptedUi([
    { input: 'db-creds' },
    { pick: 'Add literal' },
    { input: 'password' },
    { input: SECRET_VALUE },
    { pick: 'Add file' },
    { file: f('ca.pem') },
    { input: 'ca.crt' },
    { pick: 'Add folder' },
    { file: f('conf') },
    { pick: 'Done' },
    { pick: 'Save to file' },
  ]);
  const sinks = new RecordingSinks();
  assert.equal(await runGenericWizard(ui, sinks, nodeSourceReader, initialGenericState()), 'done');
  const kubectlWay = buildGenericSecret(
    { name: 'db-creds', fromFile: [`ca.crt=${f('ca.pem')}`, f('conf')], fromLiteral: [`password=${SECRET_VALUE}`] },
    nodeSourceReader,
  );
  assert.deepEqual(sinks.saved, [printSecret(kubectlWay, 'json')]);
  assert.match(ui.infos[0], /mode 0600/);
  assert.match(ui.infos[0], /not encryption/);
});

test('generic wizard shows a step counter, masks the typed value and lists the keys added so far', async () => {
  const ui = new ScriptedUi([
    { input: 's' },
    { pick: 'Add literal' },
    { input: 'token' },
    { input: SECRET_VALUE },
    { pick: 'Add env file' },
    { file: f('app.env') },
    { pick: 'Done' },
    'cancel',
  ]);
  await runGenericWizard(ui, new RecordingSinks(), nodeSourceReader, initialGenericState());
  assert.deepEqual(
    ui.shown.filter((s) => s.kind !== 'file').map((s) => `${s.step}/${s.totalSteps}`),
    ['1/3', '2/3', '2/3', '2/3', '2/3', '2/3', '3/3'],
  );
  const valueBox = ui.shown.find((s) => s.text.startsWith('Value of "token"'));
  assert.equal(valueBox?.password, true);
  const lastList = ui.shown.filter((s) => s.kind === 'pick' && s.step === 2).at(-1)!;
  assert.equal(lastList.text, 'Keys so far: token, HOST, PORT');
  assert.equal(ui.shown[0].canGoBack, false);
  assert.equal(ui.shown[1].canGoBack, true);
});

test('generic wizard validates keys as you type with kubectl’s rules and refuses duplicates', async () => {
  const ui = new ScriptedUi([
    { input: 's' },
    { pick: 'Add literal' },
    { input: 'a' },
    { input: 'x' },
    { pick: 'Add literal' },
    'cancel',
  ]);
  await runGenericWizard(ui, new RecordingSinks(), nodeSourceReader, initialGenericState());
  const keyBox = ui.inputs.filter((r) => r.prompt === 'Key').at(-1)!;
  assert.match(keyBox.validate('..')!, /^"\.\." is not valid key name for a Secret must not be '\.\.'$/);
  assert.match(keyBox.validate('a b')!, /regex used for validation is '\[-\._a-zA-Z0-9\]\+'/);
  assert.equal(keyBox.validate('a'), 'cannot add key a, another key by that name already exists');
  assert.equal(keyBox.validate('b.c'), undefined);
  assert.equal(ui.inputs[0].validate(''), 'name must be specified');
  // kubectl lets any name through; the wizard warns (without blocking) when the API server would refuse it.
  assert.equal(ui.inputs[0].validate('MySecret'), undefined);
  assert.match(
    ui.inputs[0].warn!('MySecret')!,
    /^the API server will refuse it: a Secret name must be a lowercase RFC 1123 subdomain/,
  );
  assert.equal(ui.inputs[0].warn!('my-secret.v2'), undefined);
});

test('generic wizard refuses a folder whose file names kubectl would refuse, with kubectl’s message', async () => {
  fs.mkdirSync(f('bad'), { recursive: true });
  fs.writeFileSync(f('bad/bad name'), 'x');
  const ui = new ScriptedUi([
    { input: 's' },
    { pick: 'Add folder' },
    { file: f('bad') },
    { pick: 'Done' },
    { pick: 'unsaved JSON' },
  ]);
  const sinks = new RecordingSinks();
  await runGenericWizard(ui, sinks, nodeSourceReader, initialGenericState());
  assert.match(ui.errors[0], /^"bad name" is not valid key name for a Secret/);
  assert.equal(JSON.parse(sinks.editors[0]).data, undefined);
});

test('Back returns to the previous step with its answer filled in', async () => {
  const ui = new ScriptedUi([
    { input: 'first' },
    'back',
    { input: (req) => `${req.value}-edited` },
    { pick: 'Done' },
    { pick: 'unsaved JSON' },
  ]);
  const sinks = new RecordingSinks();
  await runGenericWizard(ui, sinks, nodeSourceReader, initialGenericState());
  assert.equal(JSON.parse(sinks.editors[0]).metadata.name, 'first-edited');
});

test('a failed create keeps every answer and lets the user go back to fix them', async () => {
  const ui = new ScriptedUi([
    { input: 'app' },
    { pick: 'Add literal' },
    { input: 'user' },
    { input: 'admin' },
    { pick: 'Done' },
    { pick: 'Create in cluster' },
    'back',
    { pick: 'Add literal' },
    { input: 'pass' },
    { input: SECRET_VALUE },
    { pick: 'Done' },
    { pick: 'Create in cluster' },
  ]);
  const sinks = new RecordingSinks([
    { ok: false, message: 'The cluster refused it: 403 Forbidden.' },
    { ok: true, message: 'Secret "app" created.' },
  ]);
  assert.equal(await runGenericWizard(ui, sinks, nodeSourceReader, initialGenericState()), 'done');
  assert.match(ui.errors[0], /403 Forbidden.*answers are kept/);
  assert.equal(sinks.created.length, 2);
  assert.deepEqual(Object.keys(JSON.parse(sinks.created[1]).data), ['pass', 'user']);
  assert.deepEqual(ui.infos, ['Secret "app" created.']);
});

test('a cancelled wizard sends nothing anywhere', async () => {
  const ui = new ScriptedUi([
    { input: 'x' },
    { pick: 'Add literal' },
    { input: 'k' },
    { input: SECRET_VALUE },
    'cancel',
  ]);
  const sinks = new RecordingSinks();
  assert.equal(await runGenericWizard(ui, sinks, nodeSourceReader, initialGenericState()), 'cancel');
  assert.deepEqual([sinks.editors, sinks.saved, sinks.created, sinks.dryRuns], [[], [], [], []]);
});

test('the stringData choice writes readable values instead of base64 data', async () => {
  const ui = new ScriptedUi([
    { input: 's' },
    { pick: 'Add literal' },
    { input: 'k' },
    { input: 'plain text' },
    { pick: 'Done' },
    { pick: 'stringData' },
    { pick: 'unsaved JSON' },
  ]);
  const sinks = new RecordingSinks();
  await runGenericWizard(ui, sinks, nodeSourceReader, initialGenericState());
  const obj = JSON.parse(sinks.editors[0]);
  assert.deepEqual(obj.stringData, { k: 'plain text' });
  assert.equal(obj.data, undefined);
});

test('the quick fix’s (name, key) pre-fill the generic wizard', async () => {
  const ui = new ScriptedUi([
    { input: (req) => req.value! },
    { pick: 'Add literal' },
    { input: (req) => req.value! },
    { input: 'v' },
    { pick: 'Done' },
    { pick: 'Server-side dry run' },
    'cancel',
  ]);
  const sinks = new RecordingSinks();
  await runGenericWizard(ui, sinks, nodeSourceReader, initialGenericState({ name: 'missing-secret', key: 'token' }));
  const sent = JSON.parse(sinks.dryRuns[0]);
  assert.equal(sent.metadata.name, 'missing-secret');
  assert.deepEqual(Object.keys(sent.data), ['token']);
  assert.deepEqual(ui.infos, ['the API server accepted it']);
});

test('tls wizard checks the pair before it can finish and writes kubectl’s manifest', async () => {
  const ui = new ScriptedUi([
    { input: 'web-tls' },
    { pick: 'Choose the certificate' },
    { file: f('one.crt') },
    { pick: 'Choose the private key' },
    { file: f('two.key') },
    { pick: 'Choose the private key' },
    { file: f('one.key') },
    { pick: 'Create in cluster' },
  ]);
  const sinks = new RecordingSinks();
  assert.equal(await runTlsWizard(ui, sinks, nodeSourceReader, initialTlsState()), 'done');
  assert.match(ui.errors[0], /^tls: private key does not match public key/);
  const kubectlWay = buildTlsSecret({ name: 'web-tls', cert: f('one.crt'), key: f('one.key') }, nodeSourceReader);
  assert.deepEqual(sinks.created, [printSecret(kubectlWay, 'json')]);
  assert.deepEqual(
    ui.shown.filter((s) => s.kind !== 'file').map((s) => s.step),
    [1, 2, 3, 3, 4],
  );
});

test('docker-registry wizard defaults the server, masks the password and writes kubectl’s .dockerconfigjson', async () => {
  const ui = new ScriptedUi([
    { input: 'regcred' },
    { input: (req) => req.value! },
    { input: 'robot' },
    { input: SECRET_VALUE },
    { input: '' },
    { pick: 'unsaved JSON' },
  ]);
  const sinks = new RecordingSinks();
  await runDockerRegistryWizard(ui, sinks, nodeSourceReader, initialDockerRegistryState());
  const kubectlWay = buildDockerRegistrySecret(
    { name: 'regcred', username: 'robot', password: SECRET_VALUE },
    nodeSourceReader,
  );
  assert.deepEqual(sinks.editors, [printSecret(kubectlWay, 'json')]);
  assert.equal(ui.inputs[1].value, 'https://index.docker.io/v1/');
  assert.equal(ui.inputs[3].password, true);
  assert.match(ui.inputs[2].validate('')!, /username is required/);
  assert.equal(ui.inputs[4].validate(''), undefined, 'email is optional');
});

test('no wizard message or prompt ever contains a typed value', async () => {
  const ui = new ScriptedUi([
    { input: 'leak-check' },
    { pick: 'Add literal' },
    { input: 'k' },
    { input: SECRET_VALUE },
    { pick: 'Done' },
    { pick: 'Create in cluster' },
    { pick: 'Server-side dry run' },
    { pick: 'Save to file' },
  ]);
  const sinks = new RecordingSinks([{ ok: false, message: 'refused' }]);
  await runGenericWizard(ui, sinks, nodeSourceReader, initialGenericState());
  const everythingShown = JSON.stringify([ui.shown, ui.errors, ui.infos]);
  assert.ok(!everythingShown.includes(SECRET_VALUE));
  assert.ok(!everythingShown.includes(Buffer.from(SECRET_VALUE).toString('base64')));
});

test('an env file with a bad line is refused by line, column and what was expected, never by its text', async () => {
  const canary = 'CANARY-hunter2-value';
  fs.writeFileSync(f('bad.env'), `HOST=db\nDB_PASSWORD: ${canary}\n`);
  fs.writeFileSync(
    f('bad-utf8.env'),
    Buffer.concat([Buffer.from(`HOST=db\nTOKEN=${canary}`), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]),
  );
  const ui = new ScriptedUi([
    { input: 's' },
    { pick: 'Add env file' },
    { file: f('bad.env') },
    { pick: 'Add env file' },
    { file: f('bad-utf8.env') },
    'cancel',
  ]);
  await runGenericWizard(ui, new RecordingSinks(), nodeSourceReader, initialGenericState());
  assert.deepEqual(ui.errors, [
    `env file ${f('bad.env')}, line 2, column 12: expected KEY=value, with a KEY of letters, digits, '_', '-' or '.' ` +
      `that does not start with a digit`,
    `env file ${f('bad-utf8.env')}, line 2, byte 27: expected UTF-8 text`,
  ]);
  for (const e of ui.errors) assert.ok(!/CANARY|hunter2|TOKEN|DB_PASSWORD/.test(e), e);
});

test('a failed save names the path and cause and offers the outputs again with every answer kept', async () => {
  const ui = new ScriptedUi([
    { input: 'keep-me' },
    { pick: 'Add literal' },
    { input: 'password' },
    { input: SECRET_VALUE },
    { pick: 'Done' },
    { pick: 'Save to file' },
    { pick: 'Save to file' },
  ]);
  const sinks = new RecordingSinks([], [{ kind: 'failed', path: '/somewhere/keep-me.json', reason: 'it is a folder' }]);
  assert.equal(await runGenericWizard(ui, sinks, nodeSourceReader, initialGenericState()), 'done');
  assert.equal(ui.errors.length, 1);
  assert.match(
    ui.errors[0],
    /^Could not save the manifest to \/somewhere\/keep-me\.json: it is a folder\. Your answers are kept/,
  );
  assert.ok(!ui.errors[0].includes(SECRET_VALUE));
  const kubectlWay = buildGenericSecret(
    { name: 'keep-me', fromLiteral: [`password=${SECRET_VALUE}`] },
    nodeSourceReader,
  );
  assert.deepEqual(sinks.saved, [printSecret(kubectlWay, 'json')]);
});

test('a Secret over the API server’s 1 MiB asks first: Go back keeps the answers, Build anyway writes it', async () => {
  fs.writeFileSync(f('just-over.bin'), Buffer.alloc(1024 * 1024 + 1, 7));
  const ui = new ScriptedUi([
    { input: 'big' },
    { pick: 'Add file' },
    { file: f('just-over.bin') },
    { input: 'blob' },
    { pick: 'Done' },
    { pick: 'Save to file' },
    { confirm: false },
    { pick: 'Save to file' },
    { confirm: true },
  ]);
  const sinks = new RecordingSinks();
  assert.equal(await runGenericWizard(ui, sinks, nodeSourceReader, initialGenericState()), 'done');
  assert.equal(ui.confirms.length, 2);
  assert.match(ui.confirms[0].message, /total 1,048,577 bytes; the Kubernetes API server refuses a Secret over 1 MiB/);
  assert.deepEqual([ui.confirms[0].proceed, ui.confirms[0].back], ['Build anyway', 'Go back']);
  assert.equal(sinks.saved.length, 1, 'nothing is written until the user chooses to build');
  assert.equal(JSON.parse(sinks.saved[0]).data.blob.length, Math.ceil((1024 * 1024 + 1) / 3) * 4);
});

test('a Secret of exactly 1 MiB of values is built without a question', async () => {
  fs.writeFileSync(f('exactly.bin'), Buffer.alloc(1024 * 1024 - 1, 7));
  const ui = new ScriptedUi([
    { input: 'fits' },
    { pick: 'Add file' },
    { file: f('exactly.bin') },
    { input: 'blob' },
    { pick: 'Add literal' },
    { input: 'k' },
    { input: 'v' },
    { pick: 'Done' },
    { pick: 'Save to file' },
  ]);
  const sinks = new RecordingSinks();
  assert.equal(await runGenericWizard(ui, sinks, nodeSourceReader, initialGenericState()), 'done');
  assert.equal(ui.confirms.length, 0);
  assert.equal(sinks.saved.length, 1);
});
