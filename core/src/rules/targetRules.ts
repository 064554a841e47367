/**
 * PS070: a secret (or its key) that the active target holds but an extra target does not. Run after the chunk
 * rules, over the file's mentions, as PS118 is: the extra targets change apart from the main catalog, and the
 * per-chunk memo is keyed by the main catalog alone. A target that is not ready says nothing here; the client and
 * the CLI say once that it could not be read.
 */
import type { SecretMention } from '../analysis/secretMentions';
import type { CatalogIndex } from '../catalog/snapshot';
import { targetPlace, type TargetCatalog } from '../catalog/targetCatalog';
import { finding, type Finding } from './ruleTable';

export function extraTargetFindings(
  mentions: readonly SecretMention[],
  main: CatalogIndex,
  targets: readonly TargetCatalog[],
): Finding[] {
  if (!main.ready) return [];
  const out: Finding[] = [];
  for (const t of targets) {
    if (!t.catalog.ready) continue;
    const where = { label: t.label, place: targetPlace(t.catalog.snapshot) };
    for (const m of mentions) {
      const here = main.get(m.name);
      if (!here) continue;
      const there = t.catalog.get(m.name);
      if (!there) {
        out.push(finding('PS070', m.nameRange, { ...where, what: `Secret \`${m.name}\`` }, { target: t.label }));
        continue;
      }
      const key = m.key;
      if (key === undefined || !here.keys.some((k) => k.name === key)) continue;
      if (there.keys.some((k) => k.name === key)) continue;
      const what = `Key \`${key}\` of secret \`${m.name}\``;
      out.push(finding('PS070', m.keyRange ?? m.nameRange, { ...where, what }, { target: t.label }));
    }
  }
  return out;
}
