/**
 * Rule settings: the severity a user gives a rule, or `off`, in `.pachyderm-secrets.json` (the repository's
 * file, read by `check` and the editor) and in the `pachyderm.rules` setting (the editor's). Both hold the same
 * object, `{ "PS040": "off", "PS002": "warning" }`, checked here so that an unknown code or a bad severity reads
 * the same wherever it was written. Nothing here reads a file.
 */
import { editDistance } from '../rules/didYouMean';
import { RULES, type RuleCode, type Severity } from '../rules/ruleTable';
import type { OffsetRange } from '../text';

/** What a rule may be set to: a severity, or `off` to drop its findings. */
export type RuleLevel = Severity | 'off';

export const RULE_LEVELS: readonly RuleLevel[] = ['error', 'warning', 'information', 'hint', 'off'];

/** The level each configured rule is set to; a rule not in the map keeps the table's severity. */
export type RuleOverrides = ReadonlyMap<RuleCode, RuleLevel>;

export const NO_OVERRIDES: RuleOverrides = new Map();

/** Something wrong in rule settings, said without where it was written (the caller knows: a file, a setting). */
export interface RuleSettingsProblem {
  message: string;
  /** Where in the file's text, when the settings came from a file. */
  range?: OffsetRange;
}

/** A JSON key or value as it appears in a message: quoted, escaped, and cut short if long. */
export function quoted(s: string): string {
  return JSON.stringify(s.length > 64 ? s.slice(0, 64) + '…' : s);
}

function isRuleCode(code: string): code is RuleCode {
  return Object.prototype.hasOwnProperty.call(RULES, code);
}

/** The rule code a mistyped one most likely meant ("ps002", "PS02", "PS0002"), if any is close. */
function nearestCode(code: string): RuleCode | undefined {
  const upper = code.toUpperCase();
  let best: RuleCode | undefined;
  let bestDistance = 2;
  for (const known of Object.keys(RULES) as RuleCode[]) {
    const d = editDistance(upper, known, bestDistance);
    if (d < bestDistance) [best, bestDistance] = [known, d];
  }
  return best;
}

/** A value that is not a string, in words (never its whole text: a pasted object could be long). */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : String(value);
}

/** Where a parsed object's keys and values are in the text, when it came from a file. */
export interface RuleEntryLocator {
  key(code: string): OffsetRange | undefined;
  value(code: string): OffsetRange | undefined;
}

/**
 * The overrides in one rules object (the value of `"rules"` in the file, or of `pachyderm.rules`). Every entry
 * that is wrong is reported and left out; the others apply, so one typo does not undo the rest.
 */
export function parseRuleEntries(
  value: unknown,
  locate?: RuleEntryLocator,
): { overrides: Map<RuleCode, RuleLevel>; problems: RuleSettingsProblem[] } {
  const overrides = new Map<RuleCode, RuleLevel>();
  const problems: RuleSettingsProblem[] = [];
  if (value === undefined || value === null) return { overrides, problems };
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ message: 'rules must be an object of rule codes and severities, e.g. { "PS040": "off" }' });
    return { overrides, problems };
  }
  for (const [code, level] of Object.entries(value as Record<string, unknown>)) {
    if (!isRuleCode(code)) {
      const near = nearestCode(code);
      const hint = near ? `; did you mean ${near}?` : '; the rules are listed in the README';
      problems.push({ message: `unknown rule ${quoted(code)}${hint}`, range: locate?.key(code) });
      continue;
    }
    if (typeof level !== 'string' || !(RULE_LEVELS as readonly string[]).includes(level)) {
      const shown = typeof level === 'string' ? quoted(level) : describe(level);
      problems.push({
        message: `rule ${code} cannot be set to ${shown}: use ${RULE_LEVELS.join(', ')}`,
        range: locate?.value(code),
      });
      continue;
    }
    overrides.set(code, level as RuleLevel);
  }
  return { overrides, problems };
}
