/** Suggestions for a misspelt name: the known names closest by edit distance, best first. */

/** Levenshtein distance, giving up (returning max+1) once it must exceed `max`: keeps long inputs cheap. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
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
