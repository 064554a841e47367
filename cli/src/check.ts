/**
 * `pachyderm-secrets check`: the language server's analysis, headless, for CI. Same `analyzeDocument`, same
 * findings. Exit codes (CHECK_EXIT) are distinct, so CI can tell "the specs have errors" from "the check could
 * not run": text output passes through terminalText.ts, so names cannot drive the terminal.
 */
import { readFileSync } from 'node:fs';
import { analyzeDocument, type AnalyzeOptions } from '../../core/src/analysis';
import { DEFAULT_CERTIFICATE_WARNING_DAYS } from '../../core/src/certificates';
import { CatalogIndex, type CatalogSnapshot, emptySnapshot, loadCatalog } from '../../core/src/catalog';
import { insecurityText } from '../../core/src/kubeconfig';
import { globSettingProblems } from '../../core/src/glob';
import { type DecodedSource, decodeSource, LineIndex } from '../../core/src/pipelineSpec';
import { catalogFromSecretsFile, InputError } from './checkInputs';
import { formatJson, formatText, toReported, type Reported } from './checkOutput';
import { FlagError, parseFlags, type FlagSpec, type ParsedFlags } from './createFlags';
import { errnoText, walkPath, type WalkResult } from './specWalk';
import { terminalLine, terminalText } from './terminalText';

/** What `check` exits with; the usage text and the README list the same. */
export const CHECK_EXIT = { clean: 0, findings: 1, input: 2, failure: 3 } as const;

export const CHECK_USAGE =
  'usage: pachyderm-secrets check [--secrets FILE | --kubeconfig K --context C --namespace N] ' +
  `[--format text|json] PATH…

Checks the pipeline specs in each PATH (a file, or a directory searched for .json/.yaml/.yml files) with the
same rules as the editor. Without --secrets or a cluster, the rules that need the cluster's secrets are skipped.

flags:
  --secrets FILE      the cluster's secrets as 'kubectl get secrets -o json' prints them (values are not kept)
  --kubeconfig K      read the secrets from a cluster instead (also --context, --namespace)
  --context C
  --namespace N
  --spec-files GLOB   also treat files matching GLOB as pipeline specs (repeatable), as pachyderm.specFiles
  --helm-values-files GLOB
                      also treat files matching GLOB as Helm values files (repeatable), as pachyderm.helmValuesFiles
  --certificate-expiry-warning-days N
                      warn where a named secret's certificate expires within N days (default 30), as
                      pachyderm.certificateExpiryWarningDays; 0 warns only of expired and not yet valid ones
  --format text|json  text: path:line:col: severity CODE message; json: one array of findings

Symbolic links to files and folders are followed (each folder is searched once). Anything that cannot be read
is named on stderr; the other files are still checked.

exit codes:
  0  no errors found (warnings may be printed)
  1  an error was found in a spec or values file
  2  usage or input error: a bad flag or glob, a PATH that does not exist, a --secrets file or a file under PATH
     that could not be read (findings in the files that could be read are still printed)
  3  the cluster's secrets could not be read, or an internal failure
`;

const FLAGS: FlagSpec[] = [
  { name: 'secrets', kind: 'string' },
  { name: 'kubeconfig', kind: 'string' },
  { name: 'context', kind: 'string' },
  { name: 'namespace', short: 'n', kind: 'string' },
  { name: 'spec-files', kind: 'stringArray' },
  { name: 'helm-values-files', kind: 'stringArray' },
  { name: 'format', short: 'o', kind: 'string' },
  { name: 'certificate-expiry-warning-days', kind: 'string' },
];

export async function checkCommand(
  args: readonly string[],
  out = process.stdout,
  err = process.stderr,
): Promise<number> {
  const say = (message: string) => err.write(`pachyderm-secrets check: ${terminalLine(message)}\n`);
  const usage = (message: string) => {
    say(message);
    err.write(CHECK_USAGE);
    return CHECK_EXIT.input;
  };
  let flags;
  try {
    flags = parseFlags(args, FLAGS);
  } catch (e) {
    if (e instanceof FlagError) return usage(e.message);
    throw e;
  }
  if (flags.help) {
    out.write(CHECK_USAGE);
    return 0;
  }
  const str = (name: string) => flags.values.get(name) as string | undefined;
  const format = str('format') ?? 'text';
  if (format !== 'text' && format !== 'json') return usage(`--format must be text or json, not "${format}"`);
  const warningDays = str('certificate-expiry-warning-days') ?? String(DEFAULT_CERTIFICATE_WARNING_DAYS);
  if (!/^\d{1,5}$/.test(warningDays))
    return usage(`--certificate-expiry-warning-days must be a whole number of days, not "${warningDays}"`);
  if (!flags.positionals.length) return usage('no PATH given');
  const cluster = ['kubeconfig', 'context', 'namespace'].filter((n) => flags.values.has(n));
  if (flags.values.has('secrets') && cluster.length)
    return usage(`--secrets cannot be combined with --${cluster.join(', --')}`);

  let inputs: CheckInputs;
  try {
    inputs = readInputs(flags);
  } catch (e) {
    if (e instanceof InputError) return usage(e.message);
    throw e;
  }
  const { walk } = inputs;
  let snapshot = inputs.snapshot;
  if (cluster.length) {
    const read = await readClusterSecrets(str, say);
    if (!read) return CHECK_EXIT.failure;
    snapshot = read;
  }
  const catalog = new CatalogIndex(snapshot);
  const specFiles = (flags.values.get('spec-files') as string[] | undefined) ?? [];
  const helmValuesFiles = (flags.values.get('helm-values-files') as string[] | undefined) ?? [];
  // A bad glob is a usage error (exit 2), yet the files are still checked with the other globs: nothing is lost.
  const globProblems = globFlagProblems(specFiles, helmValuesFiles);
  for (const p of globProblems) say(p.message);

  // Certificates are judged at the time of the run, as the editor judges them at the time it checks.
  const certificates = { now: Date.now(), warningDays: Number(warningDays) };
  const reported = analyzeFiles(walk, catalog, { specFiles, helmValuesFiles, certificates });
  out.write(format === 'json' ? formatJson(reported) : terminalText(formatText(reported)));
  for (const note of walk.notes) say(note);
  for (const problem of walk.unreadable) say(problem);
  if (walk.unreadable.length || globProblems.length) return CHECK_EXIT.input;
  return reported.some((r) => r.severity === 'error') ? CHECK_EXIT.findings : CHECK_EXIT.clean;
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
}

/** The --secrets file's catalog (else an empty one) and the files under each PATH; throws InputError for bad input. */
function readInputs(flags: ParsedFlags): CheckInputs {
  let snapshot: CatalogSnapshot = emptySnapshot('no --secrets file and no cluster given');
  const walk: WalkResult = { files: [], unreadable: [], notes: [] };
  const searched = new Set<string>();
  if (flags.values.has('secrets')) snapshot = catalogFromSecretsFile(flags.values.get('secrets') as string);
  for (const path of flags.positionals)
    if (!walkPath(path, walk, searched)) throw new InputError(`no such file or directory: ${path}`);
  return { snapshot, walk };
}

/**
 * The cluster's secrets for the --kubeconfig, --context and --namespace flags, or undefined (and said why) when
 * they cannot be read.
 */
async function readClusterSecrets(
  str: (name: string) => string | undefined,
  say: (message: string) => void,
): Promise<CatalogSnapshot | undefined> {
  const snapshot = await loadCatalog({
    kubeconfig: str('kubeconfig'),
    context: str('context'),
    namespace: str('namespace'),
  });
  // kubectl is silent when insecure-skip-tls-verify is set; we say so every time, as the tree and status bar do.
  if (snapshot.insecurity) say(`warning: ${insecurityText(snapshot.insecurity).sentence}`);
  if (snapshot.state.kind !== 'ready') {
    say(
      `cannot read the cluster's secrets: ${'reason' in snapshot.state ? snapshot.state.reason : snapshot.state.kind}`,
    );
    return undefined;
  }
  return snapshot;
}

/** The findings in every file the walk found; a file that cannot be read is added to `walk.unreadable`. */
function analyzeFiles(walk: WalkResult, catalog: CatalogIndex, options: AnalyzeOptions): Reported[] {
  const reported: Reported[] = [];
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
    const lines = result.file?.lines ?? new LineIndex(text);
    for (const f of result.findings) reported.push(toReported(file.shown, lines, f));
  }
  return reported;
}
