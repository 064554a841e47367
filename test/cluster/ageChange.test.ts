/** When the tree's "N minutes ago" next needs redrawing: exactly when its text changes, and never every second. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SECONDS_STEP_MS, untilAgeChanges, untilFirstAgeChanges } from '../../client/src/cluster/ageChange';
import { humanDuration } from '../../client/src/cluster/humanDuration';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

test('an age in minutes is redrawn exactly at the next minute boundary', () => {
  assert.equal(untilAgeChanges(5 * M + 20 * S), 40 * S);
  assert.equal(untilAgeChanges(5 * M), M);
  assert.equal(untilAgeChanges(2 * M - 1), 1);
});

test("an age in hours is redrawn when pachctl's rounding moves it to the next hour (at the half hour)", () => {
  // humanDuration rounds hours: 2 h 29 min reads "2 hours", 2 h 30 min reads "3 hours".
  assert.equal(untilAgeChanges(2 * H), 30 * M);
  assert.equal(humanDuration(2 * H + 30 * M - 1), '2 hours');
  assert.equal(humanDuration(2 * H + 30 * M), '3 hours');
  assert.equal(untilAgeChanges(59 * M + 30 * S), 30 * S, '"59 minutes" turns into "About an hour" at the hour');
});

test('days, weeks, months and years are redrawn when their own unit changes, not every minute', () => {
  assert.ok(untilAgeChanges(3 * D) > 20 * H);
  assert.ok(untilAgeChanges(3 * 7 * D) > 6 * D);
  assert.ok(untilAgeChanges(100 * D) > 19 * D);
  assert.ok(untilAgeChanges(3 * 365 * D) > 300 * D);
});

test('an age counting seconds is redrawn in steps of ten seconds, and when it turns into "About a minute"', () => {
  assert.equal(SECONDS_STEP_MS, 10 * S);
  assert.equal(untilAgeChanges(0), 10 * S);
  assert.equal(untilAgeChanges(3 * S + 200), 10 * S);
  assert.equal(untilAgeChanges(55 * S), 5 * S);
  assert.equal(humanDuration(55 * S + 5 * S), 'About a minute');
});

test('a creation time ahead of the local clock waits until it reads "1 second", not redrawing meanwhile', () => {
  assert.equal(untilAgeChanges(-5 * M), 5 * M + S);
});

test('at every sampled age the text is the same until the redraw and different at it', () => {
  for (let elapsed = 0; elapsed < 3 * 365 * D; elapsed = Math.floor(elapsed * 1.37) + 777) {
    const wait = untilAgeChanges(elapsed);
    assert.ok(wait > 0, `wait at ${elapsed}`);
    if (elapsed >= M) {
      assert.equal(
        humanDuration(elapsed + wait - 1),
        humanDuration(elapsed),
        `same text just before the redraw at ${elapsed}`,
      );
      assert.notEqual(humanDuration(elapsed + wait), humanDuration(elapsed), `new text at the redraw at ${elapsed}`);
    }
  }
});

test('the first change among several secrets is the earliest of theirs; unreadable times are skipped', () => {
  const now = Date.parse('2026-01-10T12:00:00Z');
  const times = ['2026-01-10T11:55:40Z', '2026-01-08T12:00:00Z', undefined, 'not a time'];
  assert.equal(untilFirstAgeChanges(times, now), 40 * S);
  assert.equal(untilFirstAgeChanges([undefined, 'garbage'], now), undefined);
  assert.equal(untilFirstAgeChanges([], now), undefined);
});
