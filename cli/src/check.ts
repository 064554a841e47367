/**
 * `pachyderm-secrets check`: the language server's analysis, headless, for CI. Same `analyzeDocument`, same
 * findings, the same rule settings (core/src/ruleSettings). Exit codes (CHECK_EXIT) are distinct, so CI can tell
 * "the specs have errors" from "the check could not run": text output passes through terminalText.ts, so names
 * cannot drive the terminal.
 */
import { readFileSync } from 'node:fs';
import { analyzeDocument, type AnalyzeOptions } from '../../core/src/analysis';
import { CatalogIndex, type CatalogSnapshot, emptySnapshot } from '../../core/src/catalog';
import { globSettingProblems } from '../../core/src/glob';
import { type DecodedSource, decodeSource, LineIndex } from '../../core/src/pipelineSpec';
import { applyRuleSettings } from '../../core/src/ruleSettings';
import { catalogFromSecretsFile, InputError } from './checkInputs';
import { FORMATS } from './checkOutput';
import { type ClusterTargets, readClusterTargets } from './checkTargets';
import { toReported, type CheckReport } from './checkReport';
import { RuleSettingsLookup } from './checkRuleSettings';
import { CHECK_EXIT, CHECK_FLAGS, CHECK_USAGE, checkOptions, type CheckOptions } from './checkUsage';
import { type ParsedFlags } from './createFlags';
import { startCommand } from './commandStart';
import { errnoText, walkPath, type WalkResult } from './specWalk';

export { CHECK_EXIT, CHECK_USAGE };

export async function checkCommand(
  args: readonly string[],
  out = process.stdout,
  err = process.stderr,
): Promise<number> {
  const start = startCommand('check', CHECK_USAGE, CHECK_EXIT.input, args, CHECK_FLAGS, { out, err });
  if (typeof start === 'number') return start;
  const { flags, say, usage } = start;
  let options: CheckOptions | string;
  let inputs: CheckInputs;
  try {
    options = checkOptions(flags);
    if (typeof options === 'string') return usage(options);
    inputs = readInputs(flags);
  } catch (e) {
    if (e instanceof InputError) return usage(e.message);
    throw e;
  }
  const { walk, rules } = inputs;
  let snapshot = inputs.snapshot;
  let targets: ClusterTargets | undefined;
  if (options.cluster.length) {
    targets = await readClusterTargets(options.str, options.list('context'), say);
    if (!targets) return CHECK_EXIT.failure;
    snapshot = targets.main;
  }
  const specFiles = options.list('spec-files');
  const helmValuesFiles = options.list('helm-values-files');
  // A bad glob is a usage error (exit 2), yet the files are still checked with the other globs: nothing is lost.
  const globProblems = globFlagProblems(specFiles, helmValuesFiles);
  for (const p of globProblems) say(p.message);

  // Certificates are judged at the time of the run, as the editor judges them at the time it checks.
  const certificates = { now: Date.now(), warningDays: options.warningDays };
  const analyzeOptions = { specFiles, helmValuesFiles, certificates, targets: targets?.extra };
  const report = analyzeFiles(walk, new CatalogIndex(snapshot), analyzeOptions, rules);
  out.write(FORMATS[options.format](report));
  for (const line of [...rules.problems, ...walk.notes, ...walk.unreadable]) say(line);
  if (walk.unreadable.length || globProblems.length || rules.problems.length) return CHECK_EXIT.input;
  if (targets?.failed) return CHECK_EXIT.failure;
  return report.findings.some((r) => r.severity === 'error') ? CHECK_EXIT.findings : CHECK_EXIT.clean;
}

/** What is wrong with the --spec-files and --helm-values-files globs. */
function globFlagProblems(specFiles: string[], helmValuesFiles: string[]): ReturnType<typeof globSettingProblems> {
  return [
    ...globSettingProblems('--spec-files', specFiles),
    ...globSettingProblems('--helm-values-files', helmValuesFiles),
  ];
}

interface CheckInputs {
  snapshot: CatalogSnapshot;
  walk: WalkResult;
  rules: RuleSettingsLookup;
}

/**
 * The --secrets file's catalog (else an empty one), the --config file, and the files under each PATH; throws
 * InputError for bad input.
 */
function readInputs(flags: ParsedFlags): CheckInputs {
  let snapshot: CatalogSnapshot = emptySnapshot('no --secrets file and no cluster given');
  const walk: WalkResult = { files: [], unreadable: [], notes: [] };
  const searched = new Set<string>();
  if (flags.values.has('secrets')) snapshot = catalogFromSecretsFile(flags.values.get('secrets') as string);
  const rules = new RuleSettingsLookup(flags.values.get('config') as string | undefined);
  for (const path of flags.positionals)
    if (!walkPath(path, walk, searched)) throw new InputError(`no such file or directory: ${path}`);
  return { snapshot, walk, rules };
}

/**
 * The findings in every file the walk found, as the rule settings for that file want them, and the spec and
 * values files checked; a file that cannot be read is added to `walk.unreadable`.
 */
function analyzeFiles(
  walk: WalkResult,
  catalog: CatalogIndex,
  options: AnalyzeOptions,
  rules: RuleSettingsLookup,
): CheckReport {
  const report: CheckReport = { findings: [], checked: [] };
  for (const file of walk.files) {
    let source: DecodedSource;
    try {
      source = decodeSource(readFileSync(file.path));
    } catch (e) {
      walk.unreadable.push(`cannot read ${file.shown}: ${errnoText(e)}`);
      continue;
    }
    const { text, encoding, bom } = source;
    const input = { uri: file.shown, text, source: { encoding, bom } };
    const result = analyzeDocument(input, catalog, options);
    const findings = applyRuleSettings(result.findings, rules.for(file.shown));
    if (result.kind !== 'none' || findings.length) report.checked.push(file.shown);
    const lines = result.file?.lines ?? new LineIndex(text);
    for (const f of findings) report.findings.push(toReported(file.shown, lines, f));
  }
  return report;
}
