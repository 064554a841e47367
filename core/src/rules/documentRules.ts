/**
 * File- and document-level problems: syntax errors (the recovered tree is still analysed), JSON documents run
 * together, documents that are neither a spec nor a list of specs, and specs pachctl/pachd refuse outright
 * for lacking `pipeline.name` or `transform`.
 */
import { fieldProperty } from '../spec/specModel';
import type { SpecRoot } from '../spec/specRoots';
import type { ObjectNode, PropertyNode, SpecNode } from '../spec/tree';
import type { RuleContext } from './ruleContext';

const kindName = (n: SpecNode) =>
  n.type === 'alias' ? 'an alias' : n.type === 'scalar' ? (n.kind === 'string' ? 'a string' : n.kind === 'null' ? 'null' : `a ${n.kind}`) : n.type === 'array' ? 'a sequence' : 'a mapping';

export function checkDocuments(ctx: RuleContext): void {
  for (const e of ctx.file.syntaxErrors) ctx.report('PS100', e, { message: e.message });
  for (const d of ctx.file.documents) {
    if (d.runTogether) ctx.report('PS110', { start: d.start, end: d.start + 1 });
    const r = d.root;
    if (!r) continue;
    if (r.type === 'scalar' || r.type === 'alias') {
      if (!(r.type === 'scalar' && r.kind === 'null')) ctx.report('PS111', r, { got: kindName(r) });
    } else if (r.type === 'array') {
      for (const item of r.items) if (item.type !== 'object') ctx.report('PS111', item, { got: kindName(item) });
    }
  }
}

/** pachctl's "no `pipeline` specified" / "no pipeline `name` specified", and pachd's "pipeline must specify a transform". */
export function checkRequired(ctx: RuleContext, spec: SpecRoot): void {
  const root = spec.root;
  const pipeline = givenField(root, 'pipeline');
  if (!pipeline) ctx.report('PS113', headOf(root), { message: 'no `pipeline` specified' }, { missing: 'pipeline' });
  else if (pipeline.value?.type === 'object' && !fieldProperty(pipeline.value, 'Pipeline', 'name')) {
    ctx.report('PS113', { start: pipeline.keyStart, end: pipeline.keyEnd }, { message: 'no pipeline `name` specified' }, { missing: 'pipeline.name' });
  }
  if (!givenField(root, 'transform')) ctx.report('PS113', headOf(root), { message: 'pipeline must specify a transform' }, { missing: 'transform' });
}

/** The spec's first character, where a missing top-level field is reported. */
function headOf(root: ObjectNode): { start: number; end: number } {
  return { start: root.start, end: Math.min(root.end, root.start + 1) };
}

/** The top-level field, unless absent or null: JSON null means unset, so `"transform": null` is as missing as no key. */
function givenField(root: ObjectNode, canonical: string): PropertyNode | undefined {
  const p = fieldProperty(root, 'CreatePipelineRequest', canonical);
  return p?.value && !(p.value.type === 'scalar' && p.value.kind === 'null') ? p : undefined;
}
