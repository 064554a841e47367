/**
 * Near misses for a key the chart reads: known mistakes (the docs' `rootToken`, `auth-config`; Bitnami's
 * `postgres-password`) and spellings that differ only in case or separators (`ROOT_TOKEN`, `root_token`).
 */
const normal = (key: string) => key.toLowerCase().replace(/[-_.]/g, '');

/** The first of `present` that is a near miss for `wanted`, or undefined. Known mistakes win. */
export function nearMissKey(
  present: readonly string[],
  wanted: string,
  knownMistakes: readonly string[] = [],
): string | undefined {
  const known = present.find((k) => knownMistakes.includes(k));
  if (known) return known;
  return present.find((k) => k !== wanted && normal(k) === normal(wanted));
}
