/**
 * Every place a spec file names a secret, with the range of the name and, where the spec names one, of the key:
 * what Go to Definition and Find All References read. `findSecretReferences` (./secretReferences.ts) has the
 * names only; a key's own range matters here, because on a key both features are about that key.
 */
import type { OffsetRange } from '../text';
import { isPlaceholder } from '../rules/names';
import { buildSpecModel, type SpecModel } from '../pipelineSpec/specModel';
import { stringValue, type SpecFile, type SpecNode } from '../pipelineSpec/tree';

export interface SecretMention {
  name: string;
  nameRange: OffsetRange;
  key?: string;
  /** Absent for a key written inside a `podPatch`/`podSpec` string, whose parts have no range of their own. */
  keyRange?: OffsetRange;
}

const rangeOf = (n: SpecNode): OffsetRange => ({ start: n.start, end: n.end });

export function secretMentions(file: SpecFile, model: SpecModel = buildSpecModel(file)): SecretMention[] {
  const out: SecretMention[] = [];
  const push = (name: string | undefined, nameRange: OffsetRange, keyNode?: SpecNode, key = stringValue(keyNode)) => {
    if (!name || isPlaceholder(name)) return;
    const m: SecretMention = { name, nameRange };
    if (key && !isPlaceholder(key)) {
      m.key = key;
      if (keyNode) m.keyRange = rangeOf(keyNode);
    }
    out.push(m);
  };
  for (const spec of model.specs) {
    for (const e of spec.secrets) {
      if (e.name?.value) push(stringValue(e.name.value), rangeOf(e.name.value), e.key?.value);
    }
    for (const r of spec.imagePullSecrets) push(r.name, rangeOf(r.node));
    const egress = spec.egress;
    if (egress?.name?.value) push(stringValue(egress.name.value), rangeOf(egress.name.value), egress.key?.value);
    for (const ps of spec.podStrings) {
      for (const r of ps.refs) push(r.name, { start: r.start, end: r.end }, undefined, r.key);
    }
  }
  return out;
}

/** What is at `offset`: the mention and whether the cursor is on its key. Both ends of a range count. */
export function secretMentionAt(
  mentions: readonly SecretMention[],
  offset: number,
): { mention: SecretMention; onKey: boolean } | undefined {
  const within = (r: OffsetRange | undefined) => r !== undefined && r.start <= offset && offset <= r.end;
  for (const mention of mentions) {
    if (within(mention.keyRange)) return { mention, onKey: true };
    if (within(mention.nameRange)) return { mention, onKey: false };
  }
  return undefined;
}
