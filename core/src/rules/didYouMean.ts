/** Suggestions for a misspelt name: the known names closest by edit distance, best first. */

/**
 * Levenshtein distance, giving up (returning max+1) once it must exceed `max`. Only the diagonal band of
 * width 2·max+1 is computed, so a bounded comparison costs O(length · max), not O(length²).
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const band = Number.isFinite(max) ? max : Math.max(a.length, b.length);
  let prev: number[] = new Array(b.length + 1).fill(Infinity);
  for (let j = 0; j <= Math.min(b.length, band); j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = new Array(b.length + 1).fill(Infinity);
    if (i <= band) cur[0] = i;
    let rowMin = cur[0];
    const lo = Math.max(1, i - band);
    const hi = Math.min(b.length, i + band);
    for (let j = lo; j <= hi; j++) {
      const v = Math.min(
        prev[j] + 1,
        cur[j - 1] + 1,
        prev[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1),
      );
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return Math.min(prev[b.length], max + 1);
}

/**
 * Up to `limit` candidates within a distance that grows with the name's length (a third of it, at least 2),
 * plus candidates that differ only in case or separators (`my_secret` vs `my-secret`).
 */
export function suggest(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const max = Math.max(2, Math.floor(name.length / 3));
  const squash = (s: string) => s.toLowerCase().replace(/[-_.]/g, '');
  const target = squash(name);
  const scored: Array<[string, number]> = [];
  for (const c of candidates) {
    if (c === name) continue;
    const d = squash(c) === target ? 0.5 : editDistance(name, c, max);
    if (d <= max) scored.push([c, d]);
  }
  scored.sort((x, y) => x[1] - y[1] || (x[0] < y[0] ? -1 : 1));
  return scored.slice(0, limit).map(([c]) => c);
}

/** ` (did you mean "a" or "b"?)`, or '' when there is nothing to suggest. */
export function didYouMeanText(suggestions: string[]): string {
  if (!suggestions.length) return '';
  const quoted = suggestions.map((s) => `"${s}"`);
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
  return ` (did you mean ${list}?)`;
}
