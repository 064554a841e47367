/**
 * A client for the admin endpoint, for tests in another process than the cluster (the VS Code extension-host
 * suite): `await LocalClusterAdmin.beside(kubeconfigPath)` reads local-cluster.json written next to the kubeconfig.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ADMIN_FILE } from './adminFile';
import type { Endless } from './endless';
import type { FailureRule, FaultState } from './faults';
import type { K8sObject } from './objects';
import type { RbacRule } from './rbac';
import type { PipelineDeployment } from './pachdWorkers';
import type { PodFailure } from './kubelet';
import type { DeployResult } from './workloads';

export interface AdminState {
  url: string;
  adminUrl: string;
  up: boolean;
  resourceVersion: string;
  openWatches: number;
  faults: FaultState;
}

export class LocalClusterAdmin {
  constructor(
    readonly adminUrl: string,
    private readonly adminToken: string,
  ) {}

  /** The admin endpoint of the cluster that wrote this kubeconfig. */
  static beside(kubeconfigPath: string): LocalClusterAdmin {
    const info = JSON.parse(readFileSync(join(dirname(kubeconfigPath), ADMIN_FILE), 'utf8')) as {
      adminUrl: string;
      adminToken: string;
    };
    return new LocalClusterAdmin(info.adminUrl, info.adminToken);
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.adminUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${this.adminToken}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`local-cluster admin ${method} ${path}: ${res.status} ${text}`);
    return JSON.parse(text) as T;
  }

  /**
   * Adds a token user with these RBAC rules (or replaces its rules); the answer's token goes into a kubeconfig
   * (withTokenUser).
   */
  putUser(name: string, rules: RbacRule[]): Promise<{ name: string; token: string }> {
    return this.call('PUT', '/__local/users', { name, rules });
  }

  state(): Promise<AdminState> {
    return this.call('GET', '/__local/state');
  }
  /** Every API response waits this long (0 to stop). */
  delay(ms: number): Promise<AdminState> {
    return this.call('POST', '/__local/faults', { delayMs: ms });
  }
  /** The next `count` matching requests (default 1; `all` until cleared) fail with `status`. */
  fail(
    status: number,
    count: number | 'all' = 1,
    filter: Pick<FailureRule, 'verb' | 'path' | 'message' | 'raw'> = {},
  ): Promise<AdminState> {
    return this.call('POST', '/__local/faults', { fail: { status, count, ...filter } });
  }
  /** Secret lists or watches that never end (see endless.ts); undefined serves them normally again. */
  endless(mode: Endless | undefined): Promise<AdminState> {
    return this.call('POST', '/__local/faults', { endless: mode ?? null });
  }
  clearFaults(): Promise<AdminState> {
    return this.call('DELETE', '/__local/faults');
  }
  down(): Promise<AdminState> {
    return this.call('POST', '/__local/down');
  }
  up(): Promise<AdminState> {
    return this.call('POST', '/__local/up');
  }
  async cutWatches(): Promise<number> {
    return (await this.call<{ cut: number }>('POST', '/__local/cut-watches')).cut;
  }
  async expireResourceVersions(): Promise<string> {
    return (await this.call<{ resourceVersion: string }>('POST', '/__local/expire')).resourceVersion;
  }
  /** Creates or replaces a secret directly (namespace from its metadata, default `default`). */
  putSecret(secret: K8sObject): Promise<K8sObject> {
    return this.call('POST', '/__local/secrets', secret);
  }
  deleteSecret(namespace: string, name: string): Promise<K8sObject> {
    return this.call('DELETE', `/__local/secrets/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`);
  }
  async secrets(namespace?: string): Promise<K8sObject[]> {
    const q = namespace ? `?namespace=${encodeURIComponent(namespace)}` : '';
    return (await this.call<{ items: K8sObject[] }>('GET', `/__local/secrets${q}`)).items;
  }
  /** Deploys pipelines as pachd would: a worker RC per spec and its pods (workloads.ts), in one call. */
  deployPipelines(pipelines: PipelineDeployment[], namespace = 'default'): Promise<DeployResult> {
    return this.call('POST', '/__local/pipelines', { namespace, pipelines });
  }
  /** Deletes a deployed pipeline's RC and its pods. */
  removePipeline(namespace: string, rcName: string): Promise<unknown> {
    return this.call('DELETE', `/__local/pipelines/${encodeURIComponent(namespace)}/${encodeURIComponent(rcName)}`);
  }
  /** Forces a pod's failure (ErrImagePull, Unschedulable, …); undefined clears it. Answers the pod as it now is. */
  setPodFailure(namespace: string, pod: string, failure: PodFailure | undefined): Promise<K8sObject> {
    const path = `/__local/pods/${encodeURIComponent(namespace)}/${encodeURIComponent(pod)}/failure`;
    return failure ? this.call('PUT', path, failure) : this.call('DELETE', path);
  }
}
