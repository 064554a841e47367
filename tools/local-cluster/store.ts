/**
 * The cluster's state: namespaces and secrets, one global resourceVersion counter (as etcd has), a bounded
 * event history for watches, and list snapshots for continue tokens. Everything that writes goes through here,
 * so the HTTP API, the admin endpoint, seeding and in-process tests all get the same validation and events.
 *
 * History is bounded: a watch or a continue token older than the oldest retained event is "expired" (410),
 * which `compact()` forces on demand.
 */
import { randomUUID, randomInt } from 'node:crypto';
import {
  alreadyExists,
  conflict,
  expired,
  forbiddenBecause,
  invalid,
  notFound,
  RESOURCE_KIND,
  type Resource,
  type StatusCause,
} from './status';
import { clone, normaliseNamespace, normaliseSecret, normaliseWorkload, type K8sObject } from './objects';
import { isNamespaced, RESOURCE_SCOPE } from './routes';
import { namespaceErrors, secretErrors, secretUpdateErrors } from './validation';
import { inApiFieldOrder, now, setManagedFields } from './serverFields';

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  type: EventType;
  resource: Resource;
  object: K8sObject;
  /** The object before the change (MODIFIED only): watches with selectors need it to turn edits into ADDED/DELETED. */
  previous?: K8sObject;
  resourceVersion: number;
}

export interface WriteOptions {
  dryRun?: boolean;
  fieldManager?: string;
  /** `Update` or `Apply` (server-side apply), for managedFields. */
  operation?: 'Update' | 'Apply';
  /** Answer the stored object itself rather than a copy (the server's own controllers, which never change it). */
  shared?: boolean;
}

export interface DeleteOptions {
  dryRun?: boolean;
  preconditions?: { uid?: string; resourceVersion?: string };
}

export interface StoreOptions {
  /** How many events a watch can resume from; older resourceVersions give 410 Expired. */
  historyLimit?: number;
}

const SNAPSHOT_LIMIT = 32;
const NAMESPACED = (Object.keys(RESOURCE_SCOPE) as Resource[]).filter(isNamespaced);

const keyOf = (namespace: string | undefined, name: string): string => `${namespace ?? ''}/${name}`;
const GENERATE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export class ClusterStore {
  private rv = 1;
  private readonly objects: Record<Resource, Map<string, K8sObject>> = {
    secrets: new Map(),
    namespaces: new Map(),
    replicationcontrollers: new Map(),
    pods: new Map(),
    events: new Map(),
  };
  private history: StoreEvent[] = [];
  /** Watches may resume from any resourceVersion >= this one. */
  private oldestResumable = 1;
  private readonly historyLimit: number;
  private readonly listeners = new Set<(e: StoreEvent) => void>();
  private readonly snapshots = new Map<string, K8sObject[]>();

  constructor(options: StoreOptions = {}) {
    this.historyLimit = options.historyLimit ?? 1000;
    this.create('namespaces', undefined, { metadata: { name: 'default' } });
  }

  get resourceVersion(): string {
    return String(this.rv);
  }

  /** Subscribes to every committed change; returns the unsubscribe function. */
  onEvent(listener: (e: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The events after `resourceVersion`, for a watch resuming there. Throws 410 Expired when they are no longer
   * all retained, with the real server's message.
   */
  eventsSince(resourceVersion: number): StoreEvent[] {
    if (resourceVersion < this.oldestResumable) {
      throw expired(`too old resource version: ${resourceVersion} (${this.oldestResumable})`);
    }
    return this.history.filter((e) => e.resourceVersion > resourceVersion);
  }

  /** Forgets all history and snapshots: every older watch resourceVersion and continue token now gives 410. */
  compact(): void {
    this.rv += 1;
    this.oldestResumable = this.rv;
    this.history = [];
    this.snapshots.clear();
  }

  get(resource: Resource, namespace: string | undefined, name: string): K8sObject {
    const obj = this.objects[resource].get(keyOf(namespace, name));
    if (!obj) throw notFound(resource, name);
    return clone(obj);
  }

  has(resource: Resource, namespace: string | undefined, name: string): boolean {
    return this.objects[resource].has(keyOf(namespace, name));
  }

  /**
   * The stored object itself, for the server's own reads: never change it. Stored objects are never changed in
   * place (a write stores a new one), which is what lets lists, snapshots and events share them without copies.
   */
  peek(resource: Resource, namespace: string | undefined, name: string): K8sObject | undefined {
    return this.objects[resource].get(keyOf(namespace, name));
  }

  /**
   * All objects of a resource (in one namespace or all), sorted by namespace then name, as etcd keys sort. The
   * items are the stored objects (see `peek`): read them, never change them.
   */
  list(resource: Resource, namespace?: string): { items: K8sObject[]; resourceVersion: string } {
    const items = [...this.objects[resource].entries()]
      .filter(([, o]) => namespace === undefined || o.metadata?.namespace === namespace)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, o]) => o);
    return { items, resourceVersion: this.resourceVersion };
  }

  /** Keeps a list result for paging; continue tokens name it by resourceVersion. */
  saveSnapshot(id: string, items: K8sObject[]): void {
    this.snapshots.set(id, items);
    while (this.snapshots.size > SNAPSHOT_LIMIT) this.snapshots.delete(this.snapshots.keys().next().value as string);
  }

  snapshot(id: string, resourceVersion: number): K8sObject[] | undefined {
    if (resourceVersion < this.oldestResumable) return undefined;
    return this.snapshots.get(id);
  }

  create(resource: Resource, namespace: string | undefined, input: K8sObject, options: WriteOptions = {}): K8sObject {
    const obj = this.normalise(resource, input);
    const meta = obj.metadata!;
    if (!meta.name && meta.generateName) {
      meta.name =
        meta.generateName +
        Array.from({ length: 5 }, () => GENERATE_ALPHABET[randomInt(GENERATE_ALPHABET.length)]).join('');
    }
    if (isNamespaced(resource)) {
      meta.namespace = namespace;
      if (!this.objects.namespaces.has(keyOf(undefined, namespace!))) throw notFound('namespaces', namespace!);
    } else delete meta.namespace;
    this.validate(resource, obj);
    if (this.objects[resource].has(keyOf(namespace, meta.name!))) throw alreadyExists(resource, meta.name!);
    meta.uid = randomUUID();
    meta.creationTimestamp = now();
    delete meta.resourceVersion;
    setManagedFields(obj, input, undefined, options);
    if (options.dryRun) return inApiFieldOrder(obj);
    return this.commit('ADDED', resource, obj, undefined, options.shared);
  }

  update(
    resource: Resource,
    namespace: string | undefined,
    name: string,
    input: K8sObject,
    options: WriteOptions = {},
  ): K8sObject {
    const old = this.objects[resource].get(keyOf(namespace, name));
    if (!old) throw notFound(resource, name);
    const obj = this.normalise(resource, input);
    const meta = obj.metadata!;
    if (meta.name !== undefined && meta.name !== name) {
      throw invalid(RESOURCE_KIND[resource], name, [
        {
          reason: 'FieldValueInvalid',
          field: 'metadata.name',
          message: `Invalid value: ${JSON.stringify(meta.name)}: field is immutable`,
        },
      ]);
    }
    meta.name = name;
    if (meta.resourceVersion && meta.resourceVersion !== old.metadata!.resourceVersion) throw conflict(resource, name);
    if (meta.uid && meta.uid !== old.metadata!.uid) {
      throw conflict(
        resource,
        name,
        `Precondition failed: UID in precondition: ${meta.uid}, UID in object meta: ${old.metadata!.uid}`,
      );
    }
    if (isNamespaced(resource)) meta.namespace = namespace;
    meta.uid = old.metadata!.uid;
    meta.creationTimestamp = old.metadata!.creationTimestamp;
    this.validate(resource, obj, old);
    setManagedFields(obj, input, old, options);
    const comparable = (o: K8sObject): string =>
      JSON.stringify({ ...o, metadata: { ...o.metadata, resourceVersion: undefined, managedFields: undefined } });
    // A write that changes nothing is not an event and keeps the resourceVersion, as on a real server.
    if (comparable(obj) === comparable(old)) return clone(old);
    if (options.dryRun)
      return inApiFieldOrder({ ...obj, metadata: { ...meta, resourceVersion: old.metadata!.resourceVersion } });
    return this.commit('MODIFIED', resource, obj, old, options.shared);
  }

  delete(resource: Resource, namespace: string | undefined, name: string, options: DeleteOptions = {}): K8sObject {
    const old = this.objects[resource].get(keyOf(namespace, name));
    if (!old) throw notFound(resource, name);
    const pre = options.preconditions;
    if (pre?.uid && pre.uid !== old.metadata!.uid) {
      throw conflict(
        resource,
        name,
        `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${old.metadata!.uid}`,
      );
    }
    if (pre?.resourceVersion && pre.resourceVersion !== old.metadata!.resourceVersion) {
      throw conflict(
        resource,
        name,
        `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion ` +
          `in object meta: ${old.metadata!.resourceVersion}`,
      );
    }
    if (resource === 'namespaces' && name === 'default') {
      throw forbiddenBecause('namespaces', name, 'this namespace may not be deleted');
    }
    if (options.dryRun) return clone(old);
    if (resource === 'namespaces') {
      for (const inside of NAMESPACED)
        for (const o of this.list(inside, name).items) this.delete(inside, name, o.metadata!.name!);
    }
    this.objects[resource].delete(keyOf(namespace, name));
    this.rv += 1;
    // The DELETED event carries the final state with a fresh resourceVersion, as the watch cache sends it.
    const gone = { ...clone(old), metadata: { ...clone(old.metadata!), resourceVersion: String(this.rv) } };
    this.record({ type: 'DELETED', resource, object: gone, resourceVersion: this.rv });
    return clone(old);
  }

  private normalise(resource: Resource, input: K8sObject): K8sObject {
    if (resource === 'secrets') return normaliseSecret(input);
    if (resource === 'namespaces') return normaliseNamespace(input);
    return normaliseWorkload(RESOURCE_KIND[resource], input);
  }

  private validate(resource: Resource, obj: K8sObject, old?: K8sObject): void {
    // An update's own rules come first, then the object's, in the order ValidateSecretUpdate appends them.
    const causes: StatusCause[] = [
      ...(old && resource === 'secrets' ? secretUpdateErrors(obj, old) : []),
      ...(resource === 'secrets' ? secretErrors(obj) : resource === 'namespaces' ? namespaceErrors(obj) : []),
    ];
    if (causes.length)
      throw invalid(RESOURCE_KIND[resource], obj.metadata?.name ?? obj.metadata?.generateName ?? '', causes);
  }

  private commit(
    type: EventType,
    resource: Resource,
    input: K8sObject,
    previous?: K8sObject,
    shared = false,
  ): K8sObject {
    this.rv += 1;
    input.metadata!.resourceVersion = String(this.rv);
    const obj = inApiFieldOrder(input);
    const ns = isNamespaced(resource) ? obj.metadata!.namespace : undefined;
    this.objects[resource].set(keyOf(ns, obj.metadata!.name!), obj);
    // Events share the stored objects, which are never changed in place.
    this.record({ type, resource, object: obj, previous, resourceVersion: this.rv });
    return shared ? obj : clone(obj);
  }

  private record(event: StoreEvent): void {
    this.history.push(event);
    if (this.history.length > this.historyLimit) {
      const dropped = this.history.shift()!;
      this.oldestResumable = dropped.resourceVersion;
    }
    for (const l of [...this.listeners]) l(event);
  }
}
