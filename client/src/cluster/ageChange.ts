/**
 * When an age printed by humanDuration.ts next reads differently, so a view can redraw exactly then instead of on a
 * fixed beat. Derived from humanDuration itself (a search, not a second table of its buckets), so the two cannot
 * disagree.
 */
import { humanDuration } from './humanDuration';

/**
 * "N seconds" changes every second; redrawing a view that often is waste, so while an age counts seconds it is
 * refreshed in steps of this much (and always when it turns into "About a minute").
 */
export const SECONDS_STEP_MS = 10_000;
const MINUTE_MS = 60_000;

/** Where each text's span of elapsed times ends; a view asks for the same few texts at every redraw. */
const spanEnds = new Map<string, number>();

/** The first elapsed time (ms) after `elapsedMs` at which `humanDuration` no longer reads as it does at `elapsedMs`. */
function spanEnd(elapsedMs: number): number {
  const text = humanDuration(elapsedMs);
  const known = spanEnds.get(text);
  if (known !== undefined) return known;
  // Each text covers one contiguous span of elapsed times, so "reads differently" is false up to the span's end and
  // true after it: double a step until past it, then halve the gap.
  const differs = (t: number): boolean => humanDuration(t) !== text;
  let step = 1000;
  while (!differs(elapsedMs + step)) step *= 2;
  let lo = elapsedMs + step / 2;
  let hi = elapsedMs + step;
  if (step === 1000) lo = elapsedMs;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (differs(mid)) hi = mid;
    else lo = mid;
  }
  spanEnds.set(text, hi);
  return hi;
}

/**
 * Milliseconds from now until an age shown as `humanDuration(elapsedMs)` should be redrawn (always > 0): when it
 * next reads differently, except that "N seconds" is redrawn in SECONDS_STEP_MS steps. `elapsedMs` may be
 * negative (a creation time ahead of this clock reads "Less than a second").
 */
export function untilAgeChanges(elapsedMs: number): number {
  return Math.max(spanEnd(elapsedMs), Math.min(MINUTE_MS, elapsedMs + SECONDS_STEP_MS)) - elapsedMs;
}

/**
 * Milliseconds until the first of these creation times reads differently at `now`, or undefined when none has a
 * readable time (nothing would change).
 */
export function untilFirstAgeChanges(timestamps: Iterable<string | undefined>, now: number): number | undefined {
  let first: number | undefined;
  for (const timestamp of timestamps) {
    const t = timestamp ? Date.parse(timestamp) : NaN;
    if (Number.isNaN(t)) continue;
    const wait = untilAgeChanges(now - t);
    if (first === undefined || wait < first) first = wait;
  }
  return first;
}
