/**
 * File- and document-level problems: syntax errors (the recovered tree is still analysed), JSON documents run
 * together, documents that are neither a spec nor a list of specs, and specs pachctl/pachd refuse outright
 * for lacking `pipeline.name` or `transform`.
 */
import type { OffsetRange } from '../text';
import { fieldProperty } from '../pipelineSpec/specModel';
import type { SpecRoot } from '../pipelineSpec/specRoots';
import type { ObjectNode, PropertyNode, SpecFile, SpecNode } from '../pipelineSpec/tree';
import type { RuleContext } from './ruleContext';
import { sourceProblems, type SourceForm } from '../pipelineSpec/sourceText';
import { finding, type Finding } from './ruleTable';

const kindName = (n: SpecNode) =>
  n.type === 'alias'
    ? 'an alias'
    : n.type === 'scalar'
      ? n.kind === 'string'
        ? 'a string'
        : n.kind === 'null'
          ? 'null'
          : `a ${n.kind}`
      : n.type === 'array'
        ? 'a sequence'
        : 'a mapping';

/** The `yaml` package's error for a tab in indentation; yaml.v3 (pachctl's reader) stops at the same tab. */
const TAB_INDENTATION = 'Tabs are not allowed as indentation';

export function checkDocuments(ctx: RuleContext): void {
  // jsonc-parser reports an object the text never closes once per level it is nested in, all at the end.
  const seen = new Set<string>();
  for (const e of ctx.file.syntaxErrors) {
    const key = `${e.start}:${e.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    ctx.report('PS100', e, { message: e.message });
  }
  for (const d of ctx.file.documents) {
    if (d.runTogether) ctx.report('PS110', { start: d.start, end: d.start + 1 });
    const r = d.root;
    if (!r) {
      // yaml.v3 reads a `---` with nothing after it as a document holding only null; a run of such lines
      // is one mistake, told once.
      if (ctx.file.text.startsWith('---', d.start) && !afterSeparatorLine(ctx.file.text, d.start)) {
        const got = 'an empty document (nothing after this "---" line)';
        ctx.report('PS111', { start: d.start, end: d.start + 3 }, { got });
      }
      continue;
    }
    if (r.type === 'scalar' || r.type === 'alias') {
      if (!(r.type === 'scalar' && r.kind === 'null')) ctx.report('PS111', r, { got: kindName(r) });
    } else if (r.type === 'array') {
      for (const item of r.items) if (item.type !== 'object') ctx.report('PS111', item, { got: kindName(item) });
    }
  }
}

/** Whether the last line before `at` that is not blank is a `---` line. */
function afterSeparatorLine(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  if (i < 0) return false;
  const lineStart = text.lastIndexOf('\n', i) + 1;
  return text.startsWith('---', lineStart) && text.slice(lineStart + 3, i + 1).trim() === '';
}

/**
 * pachctl's "no `pipeline` specified" / "no pipeline `name` specified", and pachd's "pipeline must specify a
 * transform".
 */
export function checkRequired(ctx: RuleContext, spec: SpecRoot): void {
  const root = spec.root;
  const pipeline = givenField(root, 'pipeline');
  if (!pipeline) ctx.report('PS113', headOf(root), { message: 'no `pipeline` specified' }, { missing: 'pipeline' });
  else if (pipeline.value?.type === 'object' && !fieldProperty(pipeline.value, 'Pipeline', 'name')) {
    ctx.report(
      'PS113',
      { start: pipeline.keyStart, end: pipeline.keyEnd },
      { message: 'no pipeline `name` specified' },
      { missing: 'pipeline.name' },
    );
  }
  if (!givenField(root, 'transform'))
    ctx.report('PS113', headOf(root), { message: 'pipeline must specify a transform' }, { missing: 'transform' });
}

/** The spec's first character, where a missing top-level field is reported. */
function headOf(root: ObjectNode): OffsetRange {
  return { start: root.start, end: Math.min(root.end, root.start + 1) };
}

/**
 * The top-level field, unless absent or null: JSON null means unset, so `"transform": null` is as missing as no key.
 */
function givenField(root: ObjectNode, canonical: string): PropertyNode | undefined {
  const p = fieldProperty(root, 'CreatePipelineRequest', canonical);
  return p?.value && !(p.value.type === 'scalar' && p.value.kind === 'null') ? p : undefined;
}

/**
 * One finding per cause: after a tab in indentation the `yaml` package reads the line as something else and
 * reports that too (implicit keys, block sequences, a "[complex key]" field), all of which the tab causes.
 * Drops every finding but the tab's own that touches a line with one.
 */
export function withoutTabAftermath(file: SpecFile, findings: Finding[]): Finding[] {
  const lines: number[] = [];
  for (const e of file.syntaxErrors) {
    if (e.message !== TAB_INDENTATION) continue;
    const end = file.text.indexOf('\n', e.start);
    lines.push(file.text.lastIndexOf('\n', e.start - 1) + 1, end < 0 ? file.text.length : end);
  }
  if (!lines.length) return findings;
  const touches = (f: Finding) => {
    for (let i = 0; i < lines.length; i += 2) if (f.start <= lines[i + 1] && f.end >= lines[i]) return true;
    return false;
  };
  return findings.filter((f) => (f.code === 'PS100' && f.message === TAB_INDENTATION) || !touches(f));
}

/**
 * PS116/PS117, said of the whole file on its first line: its encoding (`form`, when the caller decoded its
 * bytes) or its CR-only line endings. `text` is the file as given, before lone CRs became LFs.
 */
export function checkSource(text: string, form: SourceForm | undefined): Finding[] {
  const problems = sourceProblems(text, form);
  if (!problems.length) return [];
  const firstLine = { start: 0, end: Math.max(0, text.search(/[\r\n]|$/)) };
  return problems.map((p) => finding(p.error ? 'PS116' : 'PS117', firstLine, { message: p.message }));
}
