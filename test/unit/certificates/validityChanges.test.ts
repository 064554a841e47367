import { test } from 'node:test';
import assert from 'node:assert/strict';
import { certificateValidity, validityChangesAt } from '../../../core/src/certificates';
import { prng } from '../../support/random';

const DAY = 24 * 60 * 60 * 1000;
const facts = { notBefore: '2026-03-01T08:30:00Z', notAfter: '2026-06-10T17:45:12Z' };
const notBefore = Date.parse(facts.notBefore);
const notAfter = Date.parse(facts.notAfter);
const WINDOWS = [0, 1, 7, 30, 90, 400];

const reads = (now: number) => WINDOWS.map((warningDays) => certificateValidity(facts, { now, warningDays }));

test('until the moment it names, every window reads the same; at that moment some reading changes', () => {
  const rand = prng(7);
  for (let i = 0; i < 2000; i++) {
    // Before the not-before, inside the validity period and after the not-after, and on the day boundaries.
    const now = notBefore - 40 * DAY + Math.floor(rand() * 180 * DAY);
    const at = validityChangesAt(facts, now);
    assert.ok(at !== undefined && at > now, `a later moment for ${now}`);
    assert.deepEqual(reads(at - 1), reads(now), `no change before ${at} (from ${now})`);
    assert.notDeepEqual(reads(at), reads(now), `a change at ${at} (from ${now})`);
  }
});

test('the moments are the day boundaries counted from the certificate dates', () => {
  assert.equal(validityChangesAt(facts, notAfter - 2.5 * DAY), notAfter - 2 * DAY + 1);
  assert.equal(validityChangesAt(facts, notAfter), notAfter + 1, 'expires just after its not-after');
  assert.equal(validityChangesAt(facts, notAfter + 1), notAfter + DAY, '"expired today" turns into a day ago');
  assert.equal(validityChangesAt(facts, notBefore - 0.5 * DAY), notBefore, 'valid at its not-before');
  assert.equal(validityChangesAt(facts, notBefore - 3.2 * DAY), notBefore - 3 * DAY);
});

test('dates that cannot be read give no moment', () => {
  assert.equal(validityChangesAt({ notBefore: 'x', notAfter: facts.notAfter }, notBefore), undefined);
});
