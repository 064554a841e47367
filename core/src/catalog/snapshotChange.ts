/**
 * Which secrets differ between two snapshots, so the language server re-checks only the closed files a change can
 * concern (a secret deleted, a key removed). `all` when the whole picture changed: another context or namespace,
 * or another state (loading, ready, an error).
 */
import type { CatalogSnapshot } from './snapshot';

export function changedSecretNames(before: CatalogSnapshot, after: CatalogSnapshot): ReadonlySet<string> | 'all' {
  if (before.context !== after.context || before.namespace !== after.namespace) return 'all';
  if (JSON.stringify(before.state) !== JSON.stringify(after.state)) return 'all';
  const old = new Map(before.secrets.map((s) => [s.name, s]));
  const changed = new Set<string>();
  for (const s of after.secrets) {
    const was = old.get(s.name);
    old.delete(s.name);
    if (!was || JSON.stringify(was) !== JSON.stringify(s)) changed.add(s.name);
  }
  for (const name of old.keys()) changed.add(name);
  return changed;
}
