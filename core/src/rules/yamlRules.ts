/**
 * What pachctl's YAML→JSON step rejects (decoder.go): aliases, tags other than the JSON-compatible core ones
 * (an unquoted timestamp is `!!timestamp`), integers that are not plain decimal, and non-string mapping keys.
 * Anchors are harmless alone but useless without aliases, so they get a warning.
 */
import type { SpecNode } from '../pipelineSpec/tree';
import type { RuleContext } from './ruleContext';

const ALLOWED_TAGS = new Set(['!!str', '!!int', '!!float', '!!bool', '!!null']);
/** yaml.v3's timestamp forms (resolve.go): a date, optionally with a time and zone. */
const TIMESTAMP =
  /^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]|[ \t]+)\d{1,2}:\d{2}:\d{2}(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d{1,2}(?::?\d{2})?))?)?$/;
/** What yaml.v3 reads as an int, and the only form pachctl then accepts. */
const INT_LIKE = /^[-+]?(?:0[xXoObB][0-9a-fA-F_]+|[0-9][0-9_]*)$/;
const DECIMAL = /^(0|-?[1-9][0-9]*)$/;

/** Timestamps start with a digit, integers with a digit or a sign: most plain scalars are neither. */
function mayBeNumberOrDate(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 43 /* + */ || c === 45; /* - */
}

export function checkYaml(ctx: RuleContext, node: SpecNode | undefined): void {
  if (!node) return;
  const y = node.yaml;
  if (y?.anchor) ctx.report('PS106', node, { name: y.anchor });
  if (y?.tag && !ALLOWED_TAGS.has(y.tag) && !y.tag.startsWith('tag:yaml.org,2002:'))
    ctx.report('PS107', node, { tag: y.tag, fix: '' });
  switch (node.type) {
    case 'alias':
      ctx.report('PS105', node, { name: node.name.replace(/^\*/, '') });
      return;
    case 'object':
      for (const p of node.properties) {
        if (p.keyKind !== 'string') ctx.report('PS112', { start: p.keyStart, end: p.keyEnd }, { kind: p.keyKind });
        checkYaml(ctx, p.value);
      }
      return;
    case 'array':
      for (const item of node.items) checkYaml(ctx, item);
      return;
    case 'scalar': {
      if (!y?.plain || y.tag || !mayBeNumberOrDate(ctx.file.text.charCodeAt(node.start))) return;
      const src = ctx.file.text.slice(node.start, node.end);
      if (node.kind === 'string' && TIMESTAMP.test(src))
        ctx.report('PS107', node, { tag: '!!timestamp', fix: ': quote the value to keep it a string' });
      else if ((node.kind === 'number' || node.kind === 'string') && INT_LIKE.test(src) && !DECIMAL.test(src))
        ctx.report('PS108', node, { fix: 'it in plain decimal, or quote it if it is a string' });
    }
  }
}
