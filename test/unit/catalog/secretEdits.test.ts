/** The key edits as pure functions over a secret's data, and how a failed write maps to what the user is offered. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyDataChanges,
  dataChanges,
  planKeyEdit,
  type KeyEdit,
  type KeyEditPlan,
} from '../../../core/src/catalog/secretEdits';
import { editFailure, immutableRefusal } from '../../../core/src/catalog/secretUpdate';

const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');
const CANARY = 'canary-7f3e-value';
const OLD = { password: b64('old-pass'), user: b64('admin'), 'ca.crt': b64(new Uint8Array([0, 0xff, 0x80])) };
const KEYS = Object.keys(OLD);

/** The data after `edit`, as the merge patch leaves it. */
function after(edit: KeyEdit): Record<string, string> {
  const plan = planKeyEdit('db', KEYS, edit, (k) => OLD[k as keyof typeof OLD]);
  assert.ok(plan.ok, plan.ok ? '' : plan.message);
  return applyDataChanges(OLD, plan.value);
}

function refusal(plan: KeyEditPlan): { message: string; kind: string } {
  assert.equal(plan.ok, false);
  return plan as { message: string; kind: string };
}

test('Set Value replaces one key with exactly the given bytes and leaves the others', () => {
  const bytes = new Uint8Array([0, 1, 2, 0xfe, 0xff, 0x0a]);
  assert.deepEqual(after({ kind: 'set', key: 'password', value: bytes }), { ...OLD, password: b64(bytes) });
  assert.deepEqual(after({ kind: 'set', key: 'user', value: new Uint8Array() }), { ...OLD, user: '' });
});

test('Set Value changes only the key it names and never needs the current values', () => {
  let asked = 0;
  const plan = planKeyEdit('db', KEYS, { kind: 'set', key: 'user', value: Buffer.from(CANARY) }, () => {
    asked++;
    return undefined;
  });
  assert.deepEqual(plan, { ok: true, value: { user: b64(CANARY) } });
  assert.equal(asked, 0);
});

test('Add Key adds a new key; Remove Key sends null for it; Rename Key moves the value in one change', () => {
  assert.deepEqual(after({ kind: 'add', key: 'port', value: Buffer.from('5432') }), { ...OLD, port: b64('5432') });
  const { user: _u, ...withoutUser } = OLD;
  assert.deepEqual(after({ kind: 'remove', key: 'user' }), withoutUser);
  const renamed = planKeyEdit('db', KEYS, { kind: 'rename', from: 'ca.crt', to: 'ca.pem' }, (k) => OLD[k as 'ca.crt']);
  assert.deepEqual(renamed, { ok: true, value: { 'ca.crt': null, 'ca.pem': OLD['ca.crt'] } });
  const { 'ca.crt': moved, ...rest } = OLD;
  assert.deepEqual(after({ kind: 'rename', from: 'ca.crt', to: 'ca.pem' }), { ...rest, 'ca.pem': moved });
});

test('key names follow kubectl: an invalid name is refused with its words, before the cluster is asked', () => {
  for (const bad of ['has space', '..hidden', '.', 'a/b', 'x'.repeat(254)]) {
    const add = refusal(planKeyEdit('db', KEYS, { kind: 'add', key: bad, value: Buffer.from('v') }));
    assert.equal(add.kind, 'invalid-key');
    assert.match(add.message, /is not valid key name for a Secret/);
    const rename = refusal(planKeyEdit('db', KEYS, { kind: 'rename', from: 'user', to: bad }, () => OLD.user));
    assert.equal(rename.kind, 'invalid-key');
  }
  assert.ok(planKeyEdit('db', KEYS, { kind: 'add', key: 'a-b_c.D9', value: Buffer.from('v') }).ok);
});

test('an edit of a key the secret lacks, or to a key it has, is refused by name', () => {
  const v = Buffer.from(CANARY);
  const cases: Array<[KeyEdit, string, RegExp]> = [
    [{ kind: 'set', key: 'nope', value: v }, 'no-such-key', /Secret "db" has no key "nope"/],
    [{ kind: 'remove', key: 'nope' }, 'no-such-key', /has no key "nope"/],
    [{ kind: 'rename', from: 'nope', to: 'x' }, 'no-such-key', /has no key "nope"/],
    [{ kind: 'add', key: 'user', value: v }, 'key-exists', /Secret "db" already has a key "user"/],
    [{ kind: 'rename', from: 'user', to: 'password' }, 'key-exists', /already has a key "password"/],
    [{ kind: 'rename', from: 'user', to: 'user' }, 'key-exists', /already has a key "user"/],
  ];
  for (const [edit, kind, message] of cases) {
    const r = refusal(planKeyEdit('db', KEYS, edit, () => b64(CANARY)));
    assert.equal(r.kind, kind);
    assert.match(r.message, message);
    assert.ok(!r.message.includes(CANARY) && !r.message.includes(b64(CANARY)));
  }
});

test('dataChanges gives the merge patch between two versions of the data, and applying it gives the second', () => {
  const next = { password: OLD.password, user: b64('root'), extra: b64('') };
  const changes = dataChanges(OLD, next);
  assert.deepEqual(changes, { 'ca.crt': null, user: b64('root'), extra: '' });
  assert.deepEqual(applyDataChanges(OLD, changes), next);
  assert.deepEqual(dataChanges(OLD, { ...OLD }), {});
});

test('a failed write maps to what the user is offered: conflict, immutable, forbidden, not found, invalid', () => {
  const conflict = editFailure('db', {
    problem: 'conflict',
    status: 409,
    reason: 'Operation cannot be fulfilled on secrets "db": the object has been modified',
  });
  assert.equal(conflict.kind, 'conflict');
  assert.match(conflict.message, /Secret "db" changed in the cluster since you saw it; your change was not written/);
  const immutable = editFailure('db', {
    problem: 'invalid',
    status: 422,
    reason: 'Secret "db" is invalid: data: Forbidden: field is immutable when `immutable` is set',
  });
  assert.equal(immutable.kind, 'immutable');
  assert.match(immutable.message, /immutable \(immutable: true\).*field is immutable when `immutable` is set/);
  assert.match(immutable.message, /delete it and create it again/);
  assert.equal(immutableRefusal('db').kind, 'immutable');
  const invalid = editFailure('db', { problem: 'invalid', status: 422, reason: 'Secret "db" is invalid: data[x]' });
  assert.equal(invalid.kind, 'invalid');
  const forbidden = editFailure('db', { problem: 'forbidden', status: 403, reason: '403 Forbidden: "patch"' });
  assert.equal(forbidden.kind, 'forbidden');
  const gone = editFailure('db', { problem: 'not-found', status: 404, reason: 'secrets "db" not found' });
  assert.equal(gone.kind, 'not-found');
  assert.match(gone.message, /Secret "db" no longer exists/);
  assert.equal(editFailure('db', { problem: 'timeout', reason: 'no answer' }).kind, 'cluster');
  assert.equal(editFailure('db', { problem: 'unreachable', reason: 'ECONNREFUSED' }).kind, 'cluster');
});
