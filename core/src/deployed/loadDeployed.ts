/**
 * The deployed pipelines read once, for the CLI: one paged list per kind, no watch. The same records, model and
 * states as the live `DeployedWatcher`.
 */
import { classifyClusterError } from '../kubeApi/clusterProblem';
import { listAllPages } from '../kubeApi/listPages';
import type { TargetResolution } from '../kubeconfig/clusterTarget';
import { DeployedModel } from './deployedModel';
import { problemState, type DeployedSnapshot } from './deployedWatcher';
import { WORKER_RESOURCES, workerHttp, workerSource } from './workerApi';
import type { RecordOf, WorkerKind } from './workerRecords';

const KINDS = ['rcs', 'pods', 'events'] as const;

export async function loadDeployed(target: TargetResolution, timeoutMs: number): Promise<DeployedSnapshot> {
  const base = { context: target.context, namespace: target.namespace };
  if (!target.ok)
    return { ...base, state: { kind: 'error', problem: target.problem, reason: target.reason }, pipelines: [] };
  const http = workerHttp(target, timeoutMs);
  const model = new DeployedModel();
  const listKind = async <K extends WorkerKind>(kind: K): Promise<void> => {
    const records: RecordOf<K>[] = [];
    try {
      await listAllPages(workerSource(http, kind, target.namespace, timeoutMs), (page) => records.push(...page));
    } catch (err) {
      throw classifyClusterError(err, { verb: 'list', resource: WORKER_RESOURCES[kind], namespace: target.namespace });
    }
    model.replace(kind, records);
  };
  const settled = await Promise.allSettled(KINDS.map((kind) => listKind(kind)));
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) return { ...base, state: problemState(failed.reason), pipelines: [] };
  return { ...base, state: { kind: 'ready' }, pipelines: model.pipelines() };
}
