/**
 * `pachyderm-secrets uses NAME`: which workspace specs and which deployed pipelines use a secret (or one of its
 * keys), for a script that guards a deletion: exit 1 when something uses it. The workspace half is the editor's
 * Show Pipelines Using Secret (core/src/analysis `findSecretUses`); the deployed half lists the cluster's worker
 * RCs, pods and events once (core/src/deployed `loadDeployed`). Text output passes through terminalText.ts.
 */
import { readFileSync } from 'node:fs';
import { findSecretUses, type SecretUse } from '../../core/src/analysis';
import { loadDeployed, usesKey, type DeployedPipeline, type DeployedSnapshot } from '../../core/src/deployed';
import { resolveTarget } from '../../core/src/kubeconfig';
import { decodeSource } from '../../core/src/pipelineSpec';
import { startCommand } from './commandStart';
import type { FlagSpec } from './createFlags';
import { errnoText, walkPath, type WalkResult } from './specWalk';
import { terminalText } from './terminalText';
import { formatUsesJson, formatUsesText, type UsesReport } from './usesOutput';

/** What `uses` exits with; the usage text and the README list the same. */
export const USES_EXIT = { unused: 0, used: 1, input: 2, failure: 3 } as const;

export const USES_USAGE = `usage: pachyderm-secrets uses NAME [--key K] [--kubeconfig K --context C --namespace N] \
[--format text|json] [PATH…]

Lists the pipeline specs under each PATH (a file, or a directory searched for .json/.yaml/.yml files) and, with a
cluster, the pipelines deployed in its namespace that use the secret NAME (with --key, that key of it).

flags:
  --key K             only uses of the key K (a mounted secret uses every key)
  --kubeconfig K      list the deployed pipelines of this cluster (also --context, --namespace)
  --context C
  --namespace N
  --format text|json

exit codes:
  0  nothing found uses the secret
  1  a spec or a deployed pipeline uses it
  2  usage or input error (a bad flag, a PATH that does not exist or a file that cannot be read)
  3  the cluster's deployed pipelines could not be read (not even listing them is allowed, for instance)
`;

const FLAGS: FlagSpec[] = [
  { name: 'key', kind: 'string' },
  { name: 'kubeconfig', kind: 'string' },
  { name: 'context', kind: 'string' },
  { name: 'namespace', short: 'n', kind: 'string' },
  { name: 'format', short: 'o', kind: 'string' },
];

const TIMEOUT_MS = 30_000;

export async function usesCommand(
  args: readonly string[],
  out = process.stdout,
  err = process.stderr,
): Promise<number> {
  const start = startCommand('uses', USES_USAGE, USES_EXIT.input, args, FLAGS, { out, err });
  if (typeof start === 'number') return start;
  const { flags, str, say, usage } = start;
  const format = str('format') ?? 'text';
  if (format !== 'text' && format !== 'json') return usage(`--format must be text or json, not "${format}"`);
  const [secret, ...paths] = flags.positionals;
  if (!secret) return usage('no secret NAME given');
  const walk: WalkResult = { files: [], unreadable: [], notes: [] };
  const searched = new Set<string>();
  for (const p of paths) if (!walkPath(p, walk, searched)) return usage(`no such file or directory: ${p}`);

  const key = str('key');
  const report: UsesReport = {
    secret,
    ...(key !== undefined ? { key } : {}),
    workspace: workspaceUses(walk, secret, key),
  };
  const cluster = ['kubeconfig', 'context', 'namespace'].some((n) => flags.values.has(n));
  if (cluster) {
    const target = await resolveTarget({
      kubeconfig: str('kubeconfig'),
      context: str('context'),
      namespace: str('namespace'),
    });
    report.deployed = deployedUses(await loadDeployed(target, TIMEOUT_MS), secret, key);
  }
  out.write(format === 'json' ? formatUsesJson(report) : terminalText(formatUsesText(report)));
  for (const note of walk.notes) say(note);
  for (const problem of walk.unreadable) say(problem);
  const state = report.deployed?.state;
  if (state && state.kind !== 'ready')
    say(`cannot list the deployed pipelines: ${'reason' in state ? state.reason : state.kind}`);
  const used = report.workspace.length > 0 || (report.deployed?.pipelines.length ?? 0) > 0;
  if (used) return USES_EXIT.used;
  // Nothing found is only a "no" when everything could be read: a script must not delete on a partial answer.
  if (walk.unreadable.length) return USES_EXIT.input;
  return state && state.kind !== 'ready' ? USES_EXIT.failure : USES_EXIT.unused;
}

/** The uses in every spec file under the paths (a key filter keeps the uses of that key and whole mounts). */
function workspaceUses(walk: WalkResult, secret: string, key: string | undefined): SecretUse[] {
  const uses: SecretUse[] = [];
  for (const file of walk.files) {
    let text: string;
    try {
      text = decodeSource(readFileSync(file.path)).text;
    } catch (e) {
      walk.unreadable.push(`cannot read ${file.shown}: ${errnoText(e)}`);
      continue;
    }
    for (const u of findSecretUses(file.shown, file.shown, text, secret)) {
      if (key !== undefined && u.key !== key && !(u.mountPath && u.key === undefined)) continue;
      const { start: _start, end: _end, ...use } = u;
      uses.push(use);
    }
  }
  return uses;
}

/** The deployed pipelines that use the secret (or key), each with only those uses and the blame on them. */
function deployedUses(snapshot: DeployedSnapshot, secret: string, key: string | undefined): DeployedSnapshot {
  const pipelines: DeployedPipeline[] = [];
  for (const p of snapshot.pipelines) {
    const uses = p.uses.filter((u) => u.secret === secret && (key === undefined || usesKey(u, key)));
    if (uses.length === 0) continue;
    const health =
      p.health.kind === 'running'
        ? p.health
        : {
            kind: p.health.kind,
            failures: p.health.failures.map((f) => ({ ...f, blame: f.blame.filter((b) => b.secret === secret) })),
          };
    pipelines.push({ ...p, uses, health });
  }
  return { ...snapshot, pipelines };
}
