/**
 * The cluster's controllers for deployed pipelines: what pachd, the ReplicationController manager and the kubelet
 * do between them. `deploy` creates pachd's worker RC for each pipeline spec and the RC's pods at once (no
 * scheduling delay); every write to a Secret re-evaluates the pods that reference it, so deleting a key a pipeline
 * uses makes its pods fail with kubelet's reason and message, and restoring it makes them run again, each change
 * a MODIFIED pod (and new Events) for watchers. `setFailure` forces a failure the secrets cannot cause
 * (ErrImagePull, Unschedulable, …). Pods are never written by the API (resourceRoutes.ts serves them read-only).
 */
import { badRequest, notFound } from './status';
import type { ClusterStore } from './store';
import type { K8sObject } from './objects';
import { workerPlan, type PipelineDeployment } from './pachdWorkers';
import { podReport, type PodFailure, type SecretKeys } from './kubelet';
import { EventRecorder, NODE_NAME } from './clusterEvents';
import { now } from './serverFields';

type Json = Record<string, unknown>;

export interface DeployResult {
  replicationControllers: string[];
  pods: string[];
}

interface PodState {
  rc: string;
  ready: boolean;
  failure?: PodFailure;
  privateImage: boolean;
  since: string;
  podIP: string;
  signature: string;
}

const key = (namespace: string, name: string): string => `${namespace}/${name}`;
const MANAGER = { fieldManager: 'kubelet', shared: true };
const CONTROLLER = { fieldManager: 'kube-controller-manager', shared: true };

/** Every secret a pod spec names: env and envFrom, volumes, image pull secrets. */
function secretsUsedBy(spec: Json): Set<string> {
  const names = new Set<string>();
  for (const c of [...((spec.initContainers as Json[]) ?? []), ...((spec.containers as Json[]) ?? [])]) {
    for (const f of (c.envFrom as Json[] | undefined) ?? [])
      if (f.secretRef) names.add((f.secretRef as Json).name as string);
    for (const e of (c.env as Json[] | undefined) ?? []) {
      const ref = (e.valueFrom as Json | undefined)?.secretKeyRef as Json | undefined;
      if (ref) names.add(ref.name as string);
    }
  }
  for (const v of (spec.volumes as Json[] | undefined) ?? [])
    if (v.secret) names.add((v.secret as Json).secretName as string);
  for (const s of (spec.imagePullSecrets as Json[] | undefined) ?? []) names.add(s.name as string);
  return names;
}

export class Workloads {
  private readonly recorder: EventRecorder;
  /** namespace → secret name → names of the pods that use it. */
  private readonly uses = new Map<string, Map<string, Set<string>>>();
  private readonly pods = new Map<string, PodState>();
  /** namespace/RC name → names of its pods. */
  private readonly rcPods = new Map<string, Set<string>>();
  private addresses = 0;

  constructor(private readonly store: ClusterStore) {
    this.recorder = new EventRecorder(store);
    store.onEvent((e) => {
      if (e.resource !== 'secrets') return;
      const ns = e.object.metadata!.namespace!;
      for (const pod of [...(this.uses.get(ns)?.get(e.object.metadata!.name!) ?? [])]) this.reconcile(ns, pod);
    });
  }

  /** Deploys each pipeline as pachd would: its worker RC (and a spout's pachctl secret), and the RC's pods. */
  deploy(namespace: string, deployments: PipelineDeployment[]): DeployResult {
    if (!Array.isArray(deployments)) throw badRequest('pipelines must be a list of {spec, version?, replicas?, …}');
    const plans = deployments.map((d) => ({ d, plan: workerPlan(d) }));
    if (!this.store.has('namespaces', undefined, namespace))
      this.store.create('namespaces', undefined, { metadata: { name: namespace } }, { fieldManager: 'local-cluster' });
    const result: DeployResult = { replicationControllers: [], pods: [] };
    for (const { d, plan } of plans) {
      const secret = plan.spoutSecret;
      if (secret && !this.store.has('secrets', namespace, secret.metadata!.name!))
        this.store.create('secrets', namespace, secret, { fieldManager: 'pachd' });
      const rc = this.store.create('replicationcontrollers', namespace, plan.rc, {
        fieldManager: 'pachd',
        shared: true,
      });
      result.replicationControllers.push(rc.metadata!.name!);
      for (let i = 0; i < plan.replicas; i++) result.pods.push(this.startPod(rc, d.privateImage === true));
      this.updateRcStatus(namespace, rc.metadata!.name!);
    }
    return result;
  }

  /** Deletes a pipeline's RC and its pods, as pachd does when it replaces a version or deletes a pipeline. */
  remove(namespace: string, rcName: string): void {
    this.store.get('replicationcontrollers', namespace, rcName);
    for (const pod of this.rcPods.get(key(namespace, rcName)) ?? []) {
      this.pods.delete(key(namespace, pod));
      if (this.store.has('pods', namespace, pod)) this.store.delete('pods', namespace, pod);
    }
    this.rcPods.delete(key(namespace, rcName));
    this.store.delete('replicationcontrollers', namespace, rcName);
  }

  /** Forces a pod's failure (or clears it with undefined) and reports the pod as it now is. */
  setFailure(namespace: string, podName: string, failure: PodFailure | undefined): K8sObject {
    const st = this.pods.get(key(namespace, podName));
    if (!st || !this.store.has('pods', namespace, podName)) throw notFound('pods', podName);
    if (failure !== undefined && (typeof failure.reason !== 'string' || !failure.reason))
      throw badRequest('a failure needs a reason such as ErrImagePull or Unschedulable');
    st.failure = failure;
    this.reconcile(namespace, podName);
    return this.store.get('pods', namespace, podName);
  }

  private keysOf(namespace: string): SecretKeys {
    return (name) => {
      const secret = this.store.peek('secrets', namespace, name);
      return secret ? Object.keys((secret.data as Json | undefined) ?? {}) : undefined;
    };
  }

  /** The RC manager's pod for `rc`, with the kubelet's first report as its status. */
  private startPod(rc: K8sObject, privateImage: boolean): string {
    const namespace = rc.metadata!.namespace!;
    const template = (rc.spec as Json).template as K8sObject;
    const since = now();
    this.addresses += 1;
    const podIP = `10.244.${Math.floor(this.addresses / 250) % 250}.${(this.addresses % 250) + 2}`;
    const draft: K8sObject = {
      metadata: {
        generateName: `${rc.metadata!.name}-`,
        labels: template.metadata?.labels,
        annotations: template.metadata?.annotations,
        ownerReferences: [
          {
            apiVersion: 'v1',
            kind: 'ReplicationController',
            name: rc.metadata!.name,
            uid: rc.metadata!.uid,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: { ...(template.spec as Json), schedulerName: 'default-scheduler', dnsPolicy: 'ClusterFirst' },
    };
    const st: PodState = { rc: rc.metadata!.name!, ready: false, privateImage, since, podIP, signature: '' };
    const report = this.report({ ...draft, metadata: { ...draft.metadata, namespace } }, st);
    const pod = this.store.create('pods', namespace, this.withReport(draft, report), CONTROLLER);
    const name = pod.metadata!.name!;
    this.pods.set(key(namespace, name), st);
    const siblings = this.rcPods.get(key(namespace, st.rc)) ?? new Set<string>();
    siblings.add(name);
    this.rcPods.set(key(namespace, st.rc), siblings);
    const byName = this.uses.get(namespace) ?? new Map<string, Set<string>>();
    this.uses.set(namespace, byName);
    for (const s of secretsUsedBy(pod.spec as Json)) {
      const set = byName.get(s) ?? new Set<string>();
      set.add(name);
      byName.set(s, set);
    }
    this.recorder.record(pod, report.events);
    return name;
  }

  private report(pod: K8sObject, st: PodState): ReturnType<typeof podReport> & { signature: string } {
    const namespace = pod.metadata!.namespace!;
    const options = { failure: st.failure, privateImage: st.privateImage, since: st.since };
    const report = podReport(pod, this.keysOf(namespace), options);
    if (report.status.podIP) report.status.podIP = st.podIP;
    const signature = JSON.stringify(report.status);
    st.signature = signature;
    st.ready = report.status.phase === 'Running';
    return { ...report, signature };
  }

  private withReport(pod: K8sObject, report: ReturnType<typeof podReport>): K8sObject {
    const { nodeName: _n, ...spec } = pod.spec as Json;
    return { ...pod, spec: report.scheduled ? { ...spec, nodeName: NODE_NAME } : spec, status: report.status };
  }

  /** The kubelet's sync of one pod: a new status (and events) only when what it reports has changed. */
  private reconcile(namespace: string, name: string): void {
    const st = this.pods.get(key(namespace, name));
    if (!st || !this.store.has('pods', namespace, name)) {
      this.pods.delete(key(namespace, name));
      return;
    }
    const pod = this.store.get('pods', namespace, name);
    const previous = st.signature;
    if (this.report(pod, st).signature === previous) return;
    // Its containers (re)start now: the new state's timestamps are this moment's.
    st.since = now();
    const report = this.report(pod, st);
    const updated = this.store.update('pods', namespace, name, this.withReport(pod, report), MANAGER);
    this.recorder.record(updated, report.events);
    this.updateRcStatus(namespace, st.rc);
  }

  /** The RC manager's status: how many pods it has and how many are ready. */
  private updateRcStatus(namespace: string, rcName: string): void {
    const rc = this.store.peek('replicationcontrollers', namespace, rcName);
    if (!rc) return;
    const pods = [...(this.rcPods.get(key(namespace, rcName)) ?? [])].filter((p) => this.pods.has(key(namespace, p)));
    const replicas = pods.length;
    const ready = pods.filter((p) => this.pods.get(key(namespace, p))!.ready).length;
    // Go's omitempty leaves out the zero counts; `replicas` is always there.
    const status: Json = { replicas };
    if (replicas) status.fullyLabeledReplicas = replicas;
    if (ready) Object.assign(status, { readyReplicas: ready, availableReplicas: ready });
    this.store.update(
      'replicationcontrollers',
      namespace,
      rcName,
      { ...rc, status: { ...status, observedGeneration: 1 } },
      CONTROLLER,
    );
  }
}
