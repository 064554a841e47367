/** `check`'s flags, usage text and exit codes, and the checks of flag values that need no file. */
import { DEFAULT_CERTIFICATE_WARNING_DAYS } from '../../core/src/certificates';
import { FORMATS, isCheckFormat, type CheckFormat } from './checkOutput';
import type { FlagSpec, ParsedFlags } from './createFlags';

/** What `check` exits with; the usage text and the README list the same. */
export const CHECK_EXIT = { clean: 0, findings: 1, input: 2, failure: 3 } as const;

const FORMAT_NAMES = Object.keys(FORMATS).join('|');

export const CHECK_USAGE =
  'usage: pachyderm-secrets check [--secrets FILE | --kubeconfig K --context C [--context C2…] --namespace N] ' +
  `[--config FILE] [--format ${FORMAT_NAMES}] PATH…

Checks the pipeline specs in each PATH (a file, or a directory searched for .json/.yaml/.yml files) with the
same rules as the editor. Without --secrets or a cluster, the rules that need the cluster's secrets are skipped.

flags:
  --secrets FILE      the cluster's secrets as 'kubectl get secrets -o json' prints them (values are not kept)
  --kubeconfig K      read the secrets from a cluster instead (also --context, --namespace)
  --context C         the context to read; repeated (--context A --context B), the first is the main target and
                      each other one an extra target: a secret or key the first has and another lacks is PS070
  --namespace N       the namespace, for every context (default: each context's own)
  --spec-files GLOB   also treat files matching GLOB as pipeline specs (repeatable), as pachyderm.specFiles
  --helm-values-files GLOB
                      also treat files matching GLOB as Helm values files (repeatable), as pachyderm.helmValuesFiles
  --certificate-expiry-warning-days N
                      warn where a named secret's certificate expires within N days (default 30), as
                      pachyderm.certificateExpiryWarningDays; 0 warns only of expired and not yet valid ones
  --config FILE       rule settings ({"rules": {"PS040": "off"}}) for every file; without it, each file takes the
                      nearest .pachyderm-secrets.json in its folder or above
  --format ${FORMAT_NAMES}
                      text: path:line:col: severity CODE message; json: one array of findings; sarif: SARIF 2.1.0
                      for code scanning; github: GitHub Actions annotations; junit: JUnit XML, a suite per file

Symbolic links to files and folders are followed (each folder is searched once). Anything that cannot be read
is named on stderr; the other files are still checked.

exit codes:
  0  no errors found (warnings may be printed)
  1  an error was found in a spec or values file
  2  usage or input error: a bad flag or glob, a PATH that does not exist, a --secrets or --config file or a file
     under PATH that could not be read, an unknown rule or bad severity in rule settings (findings in the files
     that could be read are still printed)
  3  the cluster's secrets could not be read, or an internal failure (an extra target that could not be read is
     named on stderr and the others are still checked)
`;

export const CHECK_FLAGS: FlagSpec[] = [
  { name: 'secrets', kind: 'string' },
  { name: 'kubeconfig', kind: 'string' },
  { name: 'context', kind: 'stringArray' },
  { name: 'namespace', short: 'n', kind: 'string' },
  { name: 'spec-files', kind: 'stringArray' },
  { name: 'helm-values-files', kind: 'stringArray' },
  { name: 'format', short: 'o', kind: 'string' },
  { name: 'certificate-expiry-warning-days', kind: 'string' },
  { name: 'config', kind: 'string' },
];

/** The flags' values once checked; `cluster` names the cluster flags given. */
export interface CheckOptions {
  format: CheckFormat;
  warningDays: number;
  cluster: string[];
  str(name: string): string | undefined;
  list(name: string): string[];
}

/** The options, or the usage error (a sentence) that stops the run before any file is read. */
export function checkOptions(flags: ParsedFlags): CheckOptions | string {
  const str = (name: string) => flags.values.get(name) as string | undefined;
  const list = (name: string) => (flags.values.get(name) as string[] | undefined) ?? [];
  const format = str('format') ?? 'text';
  if (!isCheckFormat(format)) return `--format must be one of ${FORMAT_NAMES.replace(/\|/g, ', ')}, not "${format}"`;
  const warningDays = str('certificate-expiry-warning-days') ?? String(DEFAULT_CERTIFICATE_WARNING_DAYS);
  if (!/^\d{1,5}$/.test(warningDays))
    return `--certificate-expiry-warning-days must be a whole number of days, not "${warningDays}"`;
  if (!flags.positionals.length) return 'no PATH given';
  const cluster = ['kubeconfig', 'context', 'namespace'].filter((n) => flags.values.has(n));
  // One --context may be empty (kubectl's current context); among several, an empty one would be an extra target
  // labelled `` that is the current context again.
  const contexts = list('context');
  if (contexts.length > 1 && contexts.some((c) => !c.trim()))
    return '--context must name a context when it is given more than once';
  if (flags.values.has('secrets') && cluster.length)
    return `--secrets cannot be combined with --${cluster.join(', --')}`;
  return { format, warningDays: Number(warningDays), cluster, str, list };
}
