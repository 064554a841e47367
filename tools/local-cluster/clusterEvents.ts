/**
 * Events as the kubelet and the scheduler record them (core/v1 Event, written through client-go's event
 * recorder): one object per distinct (object, reason, message, source), named `<object>.<hex nanoseconds>`, whose
 * `count` and `lastTimestamp` grow when the same thing happens again (client-go tools/record events_cache.go, the
 * correlator's dedup).
 */
import type { ClusterStore } from './store';
import type { K8sObject } from './objects';
import type { KubeletEvent } from './kubelet';
import { now } from './serverFields';

const NODE = 'local-node';
const MANAGER = { fieldManager: 'kubelet' };

export class EventRecorder {
  /** Dedup key → event name, per namespace: the correlator's cache. */
  private readonly seen = new Map<string, string>();
  private lastNanos = 0n;

  constructor(private readonly store: ClusterStore) {}

  /** Records each event about `pod` (a Pod as stored, with its uid), or bumps the count of its twin. */
  record(pod: K8sObject, events: KubeletEvent[]): void {
    const namespace = pod.metadata!.namespace!;
    for (const e of events) {
      const component = e.component ?? 'kubelet';
      const key = [namespace, pod.metadata!.uid, e.fieldPath ?? '', e.reason, e.message, component].join('\u0000');
      const at = now();
      const existing = this.seen.get(key);
      if (existing && this.store.has('events', namespace, existing)) {
        const old = this.store.get('events', namespace, existing);
        this.store.update(
          'events',
          namespace,
          existing,
          { ...old, count: Number(old.count ?? 1) + 1, lastTimestamp: at },
          MANAGER,
        );
        continue;
      }
      const name = `${pod.metadata!.name}.${this.nanos().toString(16)}`;
      this.seen.set(key, name);
      this.store.create('events', namespace, this.event(pod, e, name, component, at), MANAGER);
    }
  }

  /** Unique, increasing nanosecond stamps, as event names need. */
  private nanos(): bigint {
    const t = BigInt(Date.now()) * 1_000_000n;
    this.lastNanos = t > this.lastNanos ? t : this.lastNanos + 1n;
    return this.lastNanos;
  }

  private event(pod: K8sObject, e: KubeletEvent, name: string, component: string, at: string): K8sObject {
    const meta = pod.metadata!;
    return {
      metadata: { name, namespace: meta.namespace },
      involvedObject: {
        kind: 'Pod',
        namespace: meta.namespace,
        name: meta.name,
        uid: meta.uid,
        apiVersion: 'v1',
        resourceVersion: meta.resourceVersion,
        ...(e.fieldPath ? { fieldPath: e.fieldPath } : {}),
      },
      reason: e.reason,
      message: e.message,
      source: component === 'kubelet' ? { component, host: NODE } : { component },
      firstTimestamp: at,
      lastTimestamp: at,
      count: 1,
      type: e.type,
      eventTime: null,
      reportingComponent: component,
      reportingInstance: component === 'kubelet' ? NODE : '',
    };
  }
}

export const NODE_NAME = NODE;
