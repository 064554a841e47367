/** The tree's age ticker on a fake clock: redraws when an age goes stale, only while the view is visible. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AgeTicker } from '../../client/src/cluster/ageTicker';
import { FakeClock } from './fakeClock';

const S = 1000;
const M = 60 * S;

function setup() {
  const clock = new FakeClock('2026-01-10T12:00:00Z');
  const redraws: number[] = [];
  let shown: string[] = ['2026-01-10T11:57:30Z']; // "2 minutes" at the start
  const ticker: AgeTicker = new AgeTicker(clock, () => {
    redraws.push(clock.now() - Date.parse('2026-01-10T12:00:00Z'));
    ticker.drawn(shown); // what the view does: the redraw reads the rows again
  });
  return { clock, redraws, ticker, show: (s: string[]) => (shown = s) };
}

test('a visible tree is redrawn at each minute boundary of "N minutes ago", and not in between', () => {
  const { clock, redraws, ticker } = setup();
  ticker.setVisible(true);
  ticker.drawn(['2026-01-10T11:57:30Z']);
  clock.advance(3 * M);
  assert.deepEqual(redraws, [30 * S, 90 * S, 150 * S]);
});

test('a hidden tree has no timer and is not redrawn; shown again, it is redrawn at once if an age went stale', () => {
  const { clock, redraws, ticker } = setup();
  ticker.drawn(['2026-01-10T11:57:30Z']);
  assert.equal(ticker.pending, false, 'never shown yet');
  ticker.setVisible(true);
  assert.equal(ticker.pending, true);
  ticker.setVisible(false);
  assert.equal(ticker.pending, false);
  clock.advance(10 * M);
  assert.deepEqual(redraws, []);
  ticker.setVisible(true);
  assert.deepEqual(redraws, [10 * M]);
});

test('shown again before anything went stale, the tree waits for the next change instead of redrawing', () => {
  const { clock, redraws, ticker } = setup();
  ticker.drawn(['2026-01-10T11:57:30Z']);
  ticker.setVisible(true);
  ticker.setVisible(false);
  clock.advance(10 * S);
  ticker.setVisible(true);
  clock.advance(19 * S);
  assert.deepEqual(redraws, []);
  clock.advance(1 * S);
  assert.deepEqual(redraws, [30 * S]);
});

test('a tree without secret ages (error state, no timestamps) schedules nothing', () => {
  const { ticker } = setup();
  ticker.setVisible(true);
  ticker.drawn([undefined]);
  assert.equal(ticker.pending, false);
});

test('a new secret counting seconds is redrawn every ten seconds, not every second', () => {
  const { clock, redraws, ticker, show } = setup();
  show(['2026-01-10T12:00:00Z']);
  ticker.setVisible(true);
  ticker.drawn(['2026-01-10T12:00:00Z']);
  clock.advance(M);
  assert.deepEqual(redraws, [10 * S, 20 * S, 30 * S, 40 * S, 50 * S, 60 * S]);
});

test('a certificate mark that reads differently before any age does is redrawn at that moment', () => {
  const { clock, redraws, ticker, show } = setup();
  // Created ten days ago: "10 days" reads the same for hours yet; the certificate's days change in 90 minutes.
  show(['2025-12-31T12:00:00Z']);
  ticker.setVisible(true);
  ticker.drawn(['2025-12-31T12:00:00Z'], clock.now() + 90 * M);
  clock.advance(89 * M);
  assert.deepEqual(redraws, []);
  clock.advance(1 * M);
  assert.deepEqual(redraws, [90 * M]);
});

test('a certificate change with no ages shown still schedules its redraw', () => {
  const { ticker, clock } = setup();
  ticker.setVisible(true);
  ticker.drawn([undefined], clock.now() + M);
  assert.equal(ticker.pending, true);
});
