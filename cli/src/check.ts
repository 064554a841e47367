/**
 * `pachyderm-secrets check`: the language server's analysis, headless, for CI. Same `analyzeDocument`, same
 * findings; exit 1 when an error was found, 2 on a usage error.
 */
import { readFileSync } from 'node:fs';
import { analyzeDocument } from '../../core/src/analysis/analyzeDocument';
import { CatalogIndex, emptySnapshot, type CatalogSnapshot } from '../../core/src/catalog/snapshot';
import { loadCatalog } from '../../core/src/cluster/loadCatalog';
import { LineIndex } from '../../core/src/spec/lineIndex';
import { catalogFromSecretsFile, candidateFiles, InputError } from './checkInputs';
import { formatJson, formatText, toReported, type Reported } from './checkOutput';
import { FlagError, parseFlags, type FlagSpec } from './createFlags';

export const CHECK_USAGE = `usage: pachyderm-secrets check [--secrets FILE | --kubeconfig K --context C --namespace N] [--format text|json] PATH…

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
  --format text|json  text: path:line:col: severity CODE message; json: one array of findings
`;

const FLAGS: FlagSpec[] = [
  { name: 'secrets', kind: 'string' },
  { name: 'kubeconfig', kind: 'string' },
  { name: 'context', kind: 'string' },
  { name: 'namespace', short: 'n', kind: 'string' },
  { name: 'spec-files', kind: 'stringArray' },
  { name: 'helm-values-files', kind: 'stringArray' },
  { name: 'format', short: 'o', kind: 'string' },
];

export async function checkCommand(args: readonly string[], out = process.stdout, err = process.stderr): Promise<number> {
  const usage = (message: string) => {
    err.write(`pachyderm-secrets check: ${message}\n${CHECK_USAGE}`);
    return 2;
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
  if (!flags.positionals.length) return usage('no PATH given');
  const cluster = ['kubeconfig', 'context', 'namespace'].filter((n) => flags.values.has(n));
  if (flags.values.has('secrets') && cluster.length) return usage(`--secrets cannot be combined with --${cluster.join(', --')}`);

  let snapshot: CatalogSnapshot = emptySnapshot('no --secrets file and no cluster given');
  let files: string[];
  try {
    if (flags.values.has('secrets')) snapshot = catalogFromSecretsFile(str('secrets')!);
    files = flags.positionals.flatMap(candidateFiles);
  } catch (e) {
    if (e instanceof InputError) return usage(e.message);
    throw e;
  }
  if (cluster.length) {
    snapshot = await loadCatalog({ kubeconfig: str('kubeconfig'), context: str('context'), namespace: str('namespace') });
    if (snapshot.state.kind !== 'ready') {
      err.write(`pachyderm-secrets check: cannot read the cluster's secrets: ${'reason' in snapshot.state ? snapshot.state.reason : snapshot.state.kind}\n`);
      return 1;
    }
  }
  const catalog = new CatalogIndex(snapshot);
  const specFiles = (flags.values.get('spec-files') as string[] | undefined) ?? [];
  const helmValuesFiles = (flags.values.get('helm-values-files') as string[] | undefined) ?? [];

  const reported: Reported[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      err.write(`pachyderm-secrets check: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
      return 2;
    }
    const result = analyzeDocument({ uri: file, text }, catalog, { specFiles, helmValuesFiles });
    const lines = result.file?.lines ?? new LineIndex(text);
    for (const f of result.findings) reported.push(toReported(file, lines, f));
  }
  out.write(format === 'json' ? formatJson(reported) : formatText(reported));
  return reported.some((r) => r.severity === 'error') ? 1 : 0;
}
