/**
 * `pachyderm-secrets create secret generic|tls|docker-registry NAME [flags]`: kubectl's flags, output and
 * messages (core/src/manifest builds the manifest), plus sending it: `--dry-run=server` asks the API server
 * with dryRun=All, no `--dry-run` creates it as `pachctl create secret` does (the extension's create path).
 */
import {
  DEFAULT_DOCKER_SERVER,
  ManifestError,
  buildDockerRegistrySecret,
  buildGenericSecret,
  buildTlsSecret,
  nodeSourceReader,
  parseOutputFormat,
  printSecret,
  writeSecret,
  withHashSuffix,
  withSavedConfig,
  type OutputFormat,
  type SecretDraft,
  type SourceReader,
} from '../../core/src/manifest';
import { FlagError, parseFlags, parseGoBool, type FlagSpec, type ParsedFlags } from './createFlags';
import { sendCreated, sendServerDryRun, type ClusterOptions, type ReplacePolicy } from './createCluster';
import { terminalLine, terminalText } from './terminalText';

export interface CreateIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  reader: SourceReader;
}

const defaultIo: CreateIo = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(terminalText(s)),
  reader: nodeSourceReader,
};

type SecretKind = 'generic' | 'tls' | 'docker-registry';

const COMMON: FlagSpec[] = [
  { name: 'append-hash', kind: 'bool' },
  { name: 'dry-run', kind: 'string', noOptDefVal: 'unchanged' },
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'namespace', short: 'n', kind: 'string' },
  { name: 'kubeconfig', kind: 'string' },
  { name: 'context', kind: 'string' },
  { name: 'save-config', kind: 'bool' },
  // Accepted for kubectl compatibility; they change nothing in what is built here.
  { name: 'validate', kind: 'string', noOptDefVal: 'strict' },
  { name: 'field-manager', kind: 'string' },
  { name: 'show-managed-fields', kind: 'bool' },
  // Ours, not kubectl's: what may happen to a secret that already exists (see createCluster.ts).
  { name: 'replace', kind: 'bool' },
  { name: 'allow-platform-secret', kind: 'bool' },
];

const FLAGS: Record<SecretKind, FlagSpec[]> = {
  generic: [
    ...COMMON,
    { name: 'from-file', kind: 'stringSlice' },
    { name: 'from-literal', kind: 'stringArray' },
    { name: 'from-env-file', kind: 'stringSlice' },
    { name: 'type', kind: 'string' },
  ],
  tls: [...COMMON, { name: 'cert', kind: 'string' }, { name: 'key', kind: 'string' }],
  'docker-registry': [
    ...COMMON,
    { name: 'docker-server', kind: 'string' },
    { name: 'docker-username', kind: 'string' },
    { name: 'docker-password', kind: 'string' },
    { name: 'docker-email', kind: 'string' },
    { name: 'from-file', kind: 'stringSlice' },
  ],
};

const USAGE: Record<SecretKind, string> = {
  generic:
    `Create a secret from local files, directories or literal values (as kubectl create secret generic).

usage: pachyderm-secrets create secret generic NAME [--type=string] [--from-file=[key=]source] ` +
    `[--from-literal=key1=value1] [--from-env-file=path] [--dry-run=server|client|none] [-o json|yaml|name]
`,
  tls:
    `Create a TLS secret from a certificate and its key (as kubectl create secret tls).

usage: pachyderm-secrets create secret tls NAME --cert=path/to/cert/file --key=path/to/key/file ` +
    `[--dry-run=server|client|none] [-o json|yaml|name]
`,
  'docker-registry':
    `Create a secret for use with a Docker registry (as kubectl create secret docker-registry).

usage: pachyderm-secrets create secret docker-registry NAME --docker-username=user --docker-password=password ` +
    `--docker-email=email [--docker-server=string] [--from-file=[key=]source] [--dry-run=server|client|none] ` +
    `[-o json|yaml|name]
`,
};

const SECRET_USAGE = `usage: pachyderm-secrets create secret generic|tls|docker-registry NAME [flags]

Writes (--dry-run=client), checks on the server (--dry-run=server) or creates a Secret, exactly as
'kubectl create secret' would; created secrets get pachctl's labels (suite=pachyderm, secret-source=pachyderm-user).
Cluster options: --kubeconfig, --context, -n/--namespace.

A secret that already exists is refused, as kubectl refuses it. --replace replaces it; a platform secret of the
Pachyderm Helm chart (postgres, pachyderm-auth, ...) needs --replace --allow-platform-secret.
`;

/** `argv` is what follows `create`. */
export async function createCommand(argv: readonly string[], io: CreateIo = defaultIo): Promise<number> {
  const [resource, kind, ...rest] = argv;
  if (resource !== 'secret') {
    io.stderr(`error: pachyderm-secrets can only create secrets: "create secret generic|tls|docker-registry NAME"\n`);
    return 1;
  }
  if (kind === undefined || kind === '-h' || kind === '--help') {
    io.stdout(SECRET_USAGE);
    return kind === undefined ? 1 : 0;
  }
  if (!(kind in FLAGS)) {
    io.stderr(`error: unknown secret type "${kind}": expected generic, tls or docker-registry\n`);
    return 1;
  }
  return createSecret(kind as SecretKind, rest, io);
}

async function createSecret(kind: SecretKind, args: readonly string[], io: CreateIo): Promise<number> {
  let flags: ParsedFlags;
  try {
    flags = parseFlags(args, FLAGS[kind]);
  } catch (err) {
    if (!(err instanceof FlagError)) throw err;
    io.stderr(`error: ${err.message}\nSee 'pachyderm-secrets create secret ${kind} --help' for usage.\n`);
    return 1;
  }
  if (flags.help) {
    io.stdout(USAGE[kind]);
    return 0;
  }
  // kubectl's NameFromCommandArgs counts only the arguments before `--`.
  const nameCount = flags.argsBeforeDash ?? flags.positionals.length;
  if (nameCount !== 1) {
    io.stderr(
      `error: exactly one NAME is required, got ${nameCount}\nSee ` +
        `'pachyderm-secrets create secret ${kind} -h' for help and examples\n`,
    );
    return 1;
  }
  const str = (name: string) => flags.values.get(name) as string | undefined;
  try {
    const dryRun = dryRunStrategy(str('dry-run'), io);
    checkValidate(str('validate'));
    const output = parseOutputFormat(str('output') ?? '');
    const name = flags.positionals[0];
    const namespace = str('namespace') || undefined;
    const draft = draftFromFlags(kind, name, namespace, flags, io.reader);
    const cluster: ClusterOptions = { kubeconfig: str('kubeconfig'), context: str('context'), namespace };
    const policy = replacePolicy(flags, dryRun);
    return await emit(draft, dryRun, output, cluster, policy, io);
  } catch (err) {
    if (!(err instanceof ManifestError)) throw err;
    io.stderr(`error: ${err.message}\n`);
    return 1;
  }
}

type DryRun = 'client' | 'server' | 'none';

/** The secret the flags describe, its data read through `reader`; throws a ManifestError for bad input. */
function draftFromFlags(
  kind: SecretKind,
  name: string,
  namespace: string | undefined,
  flags: ParsedFlags,
  reader: SourceReader,
): SecretDraft {
  const str = (flag: string) => flags.values.get(flag) as string | undefined;
  const list = (flag: string) => (flags.values.get(flag) as string[] | undefined) ?? [];
  let draft: SecretDraft;
  if (kind === 'generic') {
    draft = buildGenericSecret(
      {
        name,
        namespace,
        type: str('type'),
        fromFile: list('from-file'),
        fromLiteral: list('from-literal'),
        fromEnvFile: list('from-env-file'),
      },
      reader,
    );
  } else if (kind === 'tls') {
    draft = buildTlsSecret({ name, namespace, cert: str('cert'), key: str('key') }, reader);
  } else {
    draft = buildDockerRegistrySecret(
      {
        name,
        namespace,
        server: flags.values.has('docker-server') ? str('docker-server') : DEFAULT_DOCKER_SERVER,
        username: str('docker-username'),
        password: str('docker-password'),
        email: str('docker-email'),
        fromFile: list('from-file'),
      },
      reader,
    );
  }
  if (flags.values.get('append-hash') === true) draft = withHashSuffix(draft);
  if (flags.values.get('save-config') === true) draft = withSavedConfig(draft);
  return draft;
}

/** --replace and --allow-platform-secret, refused where they do not apply. */
function replacePolicy(flags: ParsedFlags, dryRun: DryRun): ReplacePolicy {
  const policy = {
    replace: flags.values.get('replace') === true,
    allowPlatformSecret: flags.values.get('allow-platform-secret') === true,
  };
  if (policy.allowPlatformSecret && !policy.replace) {
    throw new ManifestError('--allow-platform-secret only applies with --replace');
  }
  if (policy.replace && dryRun !== 'none') {
    throw new ManifestError('--replace applies only when creating, not with --dry-run');
  }
  return policy;
}

async function emit(
  draft: SecretDraft,
  dryRun: DryRun,
  output: OutputFormat | undefined,
  cluster: ClusterOptions,
  policy: ReplacePolicy,
  io: CreateIo,
): Promise<number> {
  // JSON and YAML escape their own strings; every other line is text for a terminal (terminalText.ts).
  const machine = output === 'json' || output === 'yaml';
  if (dryRun === 'client') {
    // Written in chunks as they are made: a large file's manifest is never one string in memory.
    if (output) writeSecret(draft, output, io.stdout);
    else io.stdout(terminalText(`secret/${draft.name || '<unknown>'} created (dry run)\n`));
    return 0;
  }
  const manifestJson = printSecret(draft, 'json');
  const result =
    dryRun === 'server'
      ? await sendServerDryRun(manifestJson, cluster, output)
      : await sendCreated(manifestJson, cluster, output, policy);
  if (result.warning) io.stderr(terminalLine(result.warning) + '\n');
  if (!result.ok) {
    io.stderr([`error: ${result.message}`, ...(result.hints ?? [])].map((line) => terminalLine(line) + '\n').join(''));
    return 1;
  }
  io.stdout(machine ? result.text : terminalText(result.text));
  return 0;
}

/** kubectl's GetValidationDirective: only the value is checked; client-side dry runs validate nothing. */
function checkValidate(value: string | undefined): void {
  if (value === undefined) return;
  if (parseGoBool(value) !== undefined || ['strict', 'warn', 'ignore'].includes(value)) return;
  throw new ManifestError(
    `invalid - validate option "${value}"; must be one of: strict (or true), warn, ignore (or false)`,
  );
}

/** kubectl's GetDryRunStrategy, with its deprecation warnings on stderr. */
function dryRunStrategy(flag: string | undefined, io: CreateIo): DryRun {
  if (flag === undefined || flag === 'none') return 'none';
  if (flag === 'client' || flag === 'server') return flag;
  if (flag === 'unchanged') {
    io.stderr(`${klogPrefix()}--dry-run is deprecated and can be replaced with --dry-run=client.\n`);
    return 'client';
  }
  const b = parseGoBool(flag);
  if (b === undefined)
    throw new ManifestError(`Invalid dry-run value (${flag}). Must be "none", "server", or "client".`);
  io.stderr(
    `${klogPrefix()}--dry-run=${flag} is deprecated (boolean value) and can be replaced with ` +
      `--dry-run=${b ? 'client' : 'none'}.\n`,
  );
  return b ? 'client' : 'none';
}

/**
 * klog's `W1128 13:22:50.074626   14852 file:line] ` header, so tools that parse kubectl's stderr see the same shape.
 */
function klogPrefix(): string {
  const d = new Date();
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return (
    `W${p(d.getMonth() + 1)}${p(d.getDate())} ` +
    `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds() * 1000, 6)} ` +
    `${String(process.pid).padStart(7)} createSecret.go:1] `
  );
}
