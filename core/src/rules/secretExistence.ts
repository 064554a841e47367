/** PS002/PS003: the one place that checks a (secret, key) pair against the catalog, for every kind of reference. */
import { didYouMeanText, suggest } from './didYouMean';
import { isPlaceholder } from './names';
import type { OffsetRange } from '../text';
import type { RuleContext } from './ruleContext';

export function checkSecretExists(
  ctx: RuleContext,
  name: string,
  nameRange: OffsetRange,
  key?: { key: string; range: OffsetRange },
): void {
  if (!ctx.catalog.ready) return;
  const meta = ctx.catalog.get(name);
  if (!meta) {
    const suggestions = ctx.similarSecrets(name);
    ctx.report('PS002', nameRange, { name, didYouMean: didYouMeanText(suggestions) }, { name, suggestions });
    return;
  }
  if (!key || isPlaceholder(key.key)) return;
  const keys = meta.keys.map((k) => k.name);
  if (keys.includes(key.key)) return;
  const suggestions = suggest(key.key, keys);
  ctx.report(
    'PS003',
    key.range,
    { name, key: key.key, keys: keys.length ? keys.join(', ') : 'none', didYouMean: didYouMeanText(suggestions) },
    { name, key: key.key, keys, suggestions },
  );
}
