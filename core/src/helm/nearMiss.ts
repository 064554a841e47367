/**
 * Near misses for a key the chart reads: the mistakes the docs' table teaches (`rootToken`, `auth-config`)
 * and spellings that differ only in case or separators (`ROOT_TOKEN`, `root_token`).
 */
const normal = (key: string) => key.toLowerCase().replace(/[-_.]/g, '');

/** The first of `present` that is a near miss for `wanted`, or undefined. Docs' mistakes win. */
export function nearMissKey(present: readonly string[], wanted: string, docsMistakes: readonly string[] = []): string | undefined {
  const docs = present.find((k) => docsMistakes.includes(k));
  if (docs) return docs;
  return present.find((k) => k !== wanted && normal(k) === normal(wanted));
}
