/**
 * What a cluster holds when it starts: the seed (a List of Secrets) and the pipelines deployed at start, each
 * read from an object or a JSON file; a bad one stops the start with where it was.
 */
import { readFileSync } from 'node:fs';
import { ClusterStore } from './store';
import type { K8sObject } from './objects';
import { Workloads } from './workloads';
import type { PipelineDeployment } from './pachdWorkers';
import { upsertSecret } from './admin';

export type PipelinesAtStart = { namespace?: string; pipelines: PipelineDeployment[] } | string;

/** Loads the seed; a bad item is reported with its place in the file, and nothing starts. */
export function seed(store: ClusterStore, source: K8sObject | string): void {
  const where = typeof source === 'string' ? `seed ${source}` : 'seed';
  let list: K8sObject;
  try {
    list = typeof source === 'string' ? (JSON.parse(readFileSync(source, 'utf8')) as K8sObject) : source;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new Error(
      `${where}: ` +
        `${err.code === 'ENOENT' ? 'no such file' : err instanceof SyntaxError ? 'not valid JSON' : err.message}`,
    );
  }
  if (!Array.isArray(list?.items))
    throw new Error(`${where}: the seed must be a List of Secrets (an object with "items")`);
  list.items.forEach((item: K8sObject, i: number) => {
    try {
      if (item?.kind !== undefined && item.kind !== 'Secret')
        throw new Error(`kind "${String(item.kind)}" is not Secret`);
      upsertSecret(store, item);
    } catch (e) {
      throw new Error(
        `${where}: item ${i} (${item?.metadata?.namespace ?? 'default'}/${item?.metadata?.name ?? '?'}): ` +
          `${(e as Error).message}`,
      );
    }
  });
}

/** Deploys the pipelines a start option names; a bad file or spec stops the start with where it was. */
export function deployAtStart(workloads: Workloads, source: PipelinesAtStart): void {
  const where = typeof source === 'string' ? `pipelines ${source}` : 'pipelines';
  try {
    const list = typeof source === 'string' ? JSON.parse(readFileSync(source, 'utf8')) : source;
    workloads.deploy(list.namespace ?? 'default', list.pipelines);
  } catch (e) {
    throw new Error(`${where}: ${(e as Error).message}`);
  }
}

/** The store and its controllers, holding the seed's secrets and the pipelines deployed at start. */
export function initialState(options: {
  seed?: K8sObject | string;
  pipelines?: PipelinesAtStart;
  historyLimit?: number;
}): {
  store: ClusterStore;
  workloads: Workloads;
} {
  const store = new ClusterStore({ historyLimit: options.historyLimit });
  const workloads = new Workloads(store);
  seed(store, options.seed ?? { items: [] });
  if (options.pipelines) deployAtStart(workloads, options.pipelines);
  return { store, workloads };
}
