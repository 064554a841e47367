/**
 * How `uses` prints what it found: text for people (one line per use, the deployed pipeline's health after it)
 * and JSON for scripts. Names and keys only: a deployed pipeline's record holds no value to print.
 */
import type { SecretUse } from '../../core/src/analysis';
import {
  deployedLabel,
  type DeployedPipeline,
  type DeployedSnapshot,
  type WorkerSecretUse,
} from '../../core/src/deployed';

export interface UsesReport {
  secret: string;
  key?: string;
  workspace: SecretUse[];
  /** Absent without a cluster; its pipelines are only those that use the secret. */
  deployed?: DeployedSnapshot;
}

export function formatUsesJson(r: UsesReport): string {
  const d = r.deployed;
  const json = {
    secret: r.secret,
    ...(r.key !== undefined ? { key: r.key } : {}),
    workspace: r.workspace,
    ...(d ? { deployed: { context: d.context, namespace: d.namespace, state: d.state, pipelines: d.pipelines } } : {}),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

export function formatUsesText(r: UsesReport): string {
  const what = `secret "${r.secret}"${r.key !== undefined ? ` key "${r.key}"` : ''}`;
  const lines: string[] = [];
  lines.push(r.workspace.length ? `workspace specs using ${what}:` : `no workspace spec uses ${what}`);
  for (const u of r.workspace) lines.push(`  ${u.file}:${u.line}: ${u.pipeline}: ${u.how}`);
  const d = r.deployed;
  if (d?.state.kind === 'ready') {
    const where = `in ${d.context}/${d.namespace}`;
    lines.push(
      d.pipelines.length ? `deployed pipelines using ${what} ${where}:` : `no deployed pipeline ${where} uses ${what}`,
    );
    for (const p of d.pipelines) lines.push(...pipelineLines(p));
  }
  return `${lines.join('\n')}\n`;
}

function pipelineLines(p: DeployedPipeline): string[] {
  const health =
    p.health.kind === 'running'
      ? `running (${p.pods} pod${p.pods === 1 ? '' : 's'})`
      : `failing: ${p.health.failures.map(failureText).join('; ')}`;
  return [`  ${deployedLabel(p)}: ${health}`, ...p.uses.map((u) => `    ${useText(u)}`)];
}

function failureText(f: Extract<DeployedPipeline['health'], { kind: 'failing' }>['failures'][number]): string {
  const blame = f.blame.map((b) =>
    b.cause === 'missing-key' ? `key "${b.key}" missing` : b.cause.replaceAll('-', ' '),
  );
  return `${f.reason}${blame.length ? ` (${blame.join(', ')})` : ''} in pod ${f.pod}`;
}

export function useText(u: WorkerSecretUse): string {
  switch (u.how) {
    case 'env':
      return `env ${u.envVar} (key ${u.key}) in container ${u.container}`;
    case 'envFrom':
      return `every key as env${u.prefix ? ` with prefix ${u.prefix}` : ''} in container ${u.container}`;
    case 'volume':
    case 'projected':
      return (
        `${u.how === 'projected' ? 'projected ' : ''}volume ${u.volume}` +
        `${u.keys ? ` (keys ${u.keys.join(', ')})` : ''}` +
        `${u.mountPaths.length ? ` mounted at ${u.mountPaths.join(', ')}` : ''}`
      );
    case 'imagePull':
      return 'image pull secret';
  }
}
