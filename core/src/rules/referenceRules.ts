/**
 * The secret references pachd does not validate at all: image pull secrets (PS020/PS021), the egress SQL
 * secret (PS030, then PS002/PS003), and secrets named inside the podPatch/podSpec JSON (PS040).
 */
import { REGISTRY_SECRET_TYPES } from '../catalog/secretMeta';
import type { SpecView } from '../pipelineSpec/specModel';
import { stringValue } from '../pipelineSpec/tree';
import { didYouMeanText } from './didYouMean';
import { isDns1123Subdomain, isPlaceholder } from './names';
import type { RuleContext } from './ruleContext';
import { checkSecretExists } from './secretExistence';

export function checkImagePullSecrets(ctx: RuleContext, spec: SpecView): void {
  for (const ref of spec.imagePullSecrets) {
    const { name, node } = ref;
    if (!name || isPlaceholder(name)) continue;
    if (!isDns1123Subdomain(name)) {
      ctx.report('PS013', node, { name }, { name });
      continue;
    }
    if (!ctx.catalog.ready) continue;
    const meta = ctx.catalog.get(name);
    if (!meta) {
      // Registry credentials first: those are the only useful replacements here.
      const suggestions = ctx.similarSecrets(name, true);
      ctx.report('PS020', node, { name, didYouMean: didYouMeanText(suggestions) }, { name, suggestions });
    } else if (!REGISTRY_SECRET_TYPES.has(meta.type)) {
      ctx.report('PS021', node, { name, type: meta.type }, { name, type: meta.type });
    }
  }
}

export function checkEgressSecret(ctx: RuleContext, spec: SpecView): void {
  const eg = spec.egress;
  if (!eg) return;
  const secretValue = eg.secret?.value;
  if (!eg.secret || !secretValue || secretValue.type !== 'object') {
    // A `secret` of the wrong type is the structure rules' to report.
    if (!secretValue || (secretValue.type === 'scalar' && secretValue.kind === 'null')) {
      const at = eg.secret ?? eg.sqlDatabase;
      ctx.report(
        'PS030',
        { start: at.keyStart, end: at.keyEnd },
        { message: 'egress.sql_database.secret is required' },
        { missing: ['secret'] },
      );
    }
    return;
  }
  const name = stringValue(eg.name?.value) || undefined;
  const key = stringValue(eg.key?.value) || undefined;
  if (!name || !key) {
    const missing = [...(name ? [] : ['name']), ...(key ? [] : ['key'])];
    ctx.report(
      'PS030',
      { start: eg.secret.keyStart, end: eg.secret.keyEnd },
      { message: 'egress.sql_database.secret.name and egress.sql_database.secret.key are required' },
      { missing, ...(name ? { name } : {}) },
    );
  }
  if (!name || isPlaceholder(name)) return;
  const nameRange = eg.name!.value!;
  if (!isDns1123Subdomain(name)) {
    ctx.report('PS013', nameRange, { name }, { name });
    return;
  }
  checkSecretExists(ctx, name, nameRange, key ? { key, range: eg.key!.value! } : undefined);
}

export function checkPodStrings(ctx: RuleContext, spec: SpecView): void {
  for (const ps of spec.podStrings) {
    if (!ps.valid) {
      ctx.report('PS114', ps.property.value ?? { start: ps.property.keyStart, end: ps.property.keyEnd }, {
        what: ps.field === 'podPatch' ? 'PodPatch' : 'PodSpec',
      });
      continue;
    }
    if (!ctx.catalog.ready) continue;
    for (const ref of ps.refs) {
      if (isPlaceholder(ref.name)) continue;
      const meta = ctx.catalog.get(ref.name);
      if (!meta) {
        const suggestions = ctx.similarSecrets(ref.name);
        ctx.report(
          'PS040',
          ref,
          { field: ps.field, what: `missing Kubernetes secret ${ref.name}${didYouMeanText(suggestions)}` },
          { name: ref.name, suggestions },
        );
      } else if (ref.key !== undefined && !isPlaceholder(ref.key) && !meta.keys.some((k) => k.name === ref.key)) {
        ctx.report(
          'PS040',
          ref,
          { field: ps.field, what: `Kubernetes secret ${ref.name} missing key ${ref.key}` },
          { name: ref.name, key: ref.key, keys: meta.keys.map((k) => k.name) },
        );
      }
    }
  }
}
