/**
 * Go template actions (`{{ … }}`) in a YAML file. Tools such as helmfile, Argo CD plugins or an operator render
 * a values file as a Go template before Helm reads it; what Helm sees is the rendered text, so the file as
 * written is not what gets checked, any more than a Jsonnet spec is. Finding the actions lets the analysis leave
 * such a file alone, or check only the parts no action touches.
 */
import type { OffsetRange } from '../text';

/** Past this many actions the rest are not listed; one is enough to know the file is a template. */
const MAX_ACTIONS = 10_000;

/**
 * The ranges of the template actions, `{{` to the matching `}}` (an action may span lines, as `{{/* … *\/}}`
 * comments do). Actions on YAML comment lines are skipped: Helm never sees them either way. An unclosed `{{`
 * runs to the end of its line.
 */
export function goTemplateActions(text: string): OffsetRange[] {
  const out: OffsetRange[] = [];
  let from = 0;
  while (out.length < MAX_ACTIONS) {
    const start = text.indexOf('{{', from);
    if (start < 0) break;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const close = text.indexOf('}}', start + 2);
    const lineEnd = text.indexOf('\n', start);
    const end = close >= 0 ? close + 2 : lineEnd >= 0 ? lineEnd : text.length;
    from = end;
    if (/^\s*#/.test(text.slice(lineStart, start))) continue;
    out.push({ start, end });
  }
  return out;
}

/** True when `r` overlaps or touches any action: such a finding judges text the template will replace. */
export function touchesAction(r: OffsetRange, actions: readonly OffsetRange[]): boolean {
  return actions.some((a) => r.start <= a.end && a.start <= r.end);
}

/**
 * True when the template is why the text does not parse: a syntax error starts on a line holding an action, or
 * on the line after one (a `{{- if … }}` line breaks the mapping that follows it). A syntax error elsewhere is
 * the file's own and is still reported.
 */
export function templateBreaksSyntax(
  text: string,
  actions: readonly OffsetRange[],
  errors: readonly OffsetRange[],
): boolean {
  if (!actions.length || !errors.length) return false;
  const spans = actions.map((a) => {
    const start = text.lastIndexOf('\n', a.start - 1) + 1;
    const endOfLine = text.indexOf('\n', a.end);
    const nextEnd = endOfLine < 0 ? text.length : text.indexOf('\n', endOfLine + 1);
    return { start, end: nextEnd < 0 ? text.length : nextEnd };
  });
  return errors.some((e) => spans.some((s) => e.start >= s.start && e.start <= s.end));
}
