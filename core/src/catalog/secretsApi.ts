/**
 * The Secret calls the extension makes, each bounded by the request timeout, over our own HTTP layer
 * (kubeHttp.ts) with the kubeconfig's TLS and auth.
 * Raw Secret objects (with values) only come out of `read`; list and watch hand out `SecretMeta` so values are
 * dropped the moment a secret arrives.
 */
import type { V1Namespace, V1Secret, V1Status } from '@kubernetes/client-node';
import { toSecretMeta, type SecretMeta } from './secretMeta';
import type { ResolvedTarget } from '../kubeconfig/clusterTarget';
import { limitExecPlugins } from '../kubeconfig/execPluginTimeout';
import { KubeHttp } from '../kubeApi/kubeHttp';
import type { ListWatchSource } from '../kubeApi/listWatchLoop';
import {
  listResourcePage,
  watchResource,
  type ListPage,
  type ResourceEndpoint,
  type WatchHandle,
} from '../kubeApi/resourceWatch';

export type SecretPage = ListPage<SecretMeta>;

export type WatchEvent =
  { type: 'ADDED' | 'MODIFIED' | 'DELETED'; secret: SecretMeta } | { type: 'BOOKMARK'; resourceVersion: string };

export type { WatchHandle };

/** A list as the API server sends it (client-node's types rename `continue`, which is only in its models). */
interface ListJson<T> {
  items?: T[] | null;
}

export class SecretsApi {
  private constructor(
    private readonly http: KubeHttp,
    readonly namespace: string,
    readonly timeoutMs: number,
  ) {}

  static async open(target: ResolvedTarget, timeoutMs: number): Promise<SecretsApi> {
    // A plugin that hangs is ended when the call waiting for it gives up, not left running (execPluginTimeout.ts).
    limitExecPlugins(target.kubeConfig, () => timeoutMs);
    return new SecretsApi(new KubeHttp(target.kubeConfig, target.server), target.namespace, timeoutMs);
  }

  async listPage(limit: number, continueToken?: string): Promise<SecretPage> {
    return listResourcePage(this.endpoint, limit, continueToken);
  }

  /** Namespace names, for Switch Namespace; many users may not list namespaces, so callers fall back to typing one. */
  async listNamespaces(): Promise<string[]> {
    const list = await this.http.json<ListJson<V1Namespace>>(
      { method: 'GET', path: '/api/v1/namespaces' },
      this.timeoutMs,
    );
    return (list.items ?? [])
      .map((n) => n.metadata?.name ?? '')
      .filter(Boolean)
      .sort();
  }

  /** The full object, values included: only for an explicit Reveal/Copy or for replacing. */
  read(name: string): Promise<V1Secret> {
    return this.http.json<V1Secret>({ method: 'GET', path: this.secretPath(name) }, this.timeoutMs);
  }

  create(body: V1Secret, dryRun: boolean): Promise<V1Secret> {
    return this.http.json<V1Secret>(
      { method: 'POST', path: this.secretsPath(), query: dryRunQuery(dryRun), body },
      this.timeoutMs,
    );
  }

  replace(name: string, body: V1Secret, dryRun: boolean): Promise<V1Secret> {
    return this.http.json<V1Secret>(
      { method: 'PUT', path: this.secretPath(name), query: dryRunQuery(dryRun), body },
      this.timeoutMs,
    );
  }

  /**
   * A JSON merge patch (RFC 7386), as `kubectl patch --type merge` sends it. A patch that carries
   * `metadata.resourceVersion` applies only to that version: the API server answers 409 Conflict otherwise.
   */
  patchMerge(name: string, patch: object): Promise<V1Secret> {
    return this.http.json<V1Secret>(
      { method: 'PATCH', path: this.secretPath(name), body: patch, contentType: 'application/merge-patch+json' },
      this.timeoutMs,
    );
  }

  /** Asks the API server whether the signed-in user may `verb` the secret `name` (`kubectl auth can-i`). */
  async mayI(verb: string, name: string): Promise<boolean> {
    const review = await this.http.json<{ status?: { allowed?: boolean } }>(
      {
        method: 'POST',
        path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
        body: {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SelfSubjectAccessReview',
          spec: { resourceAttributes: { namespace: this.namespace, verb, resource: 'secrets', name } },
        },
      },
      this.timeoutMs,
    );
    return review.status?.allowed === true;
  }

  /** Deletes; with `preconditions`, only that object at that version (a newer one answers 409 Conflict). */
  async delete(name: string, preconditions?: { uid?: string; resourceVersion?: string }): Promise<void> {
    const body = preconditions && { apiVersion: 'v1', kind: 'DeleteOptions', preconditions };
    await this.http.json<V1Status>({ method: 'DELETE', path: this.secretPath(name), body }, this.timeoutMs);
  }

  /**
   * Watches from `resourceVersion`. `onDone` runs exactly once: with no error when the server closed the stream
   * or `stop()` was called, with an error otherwise (a 410, as HTTP status or ERROR event, classifies as `gone`).
   * Connecting is bounded by the timeout; the returned promise resolves once connected or failed, never rejects.
   */
  async watch(
    resourceVersion: string,
    onEvent: (e: WatchEvent) => void,
    onDone: (err?: unknown) => void,
  ): Promise<WatchHandle> {
    return watchResource(
      this.endpoint,
      resourceVersion,
      (e) => onEvent(e.type === 'BOOKMARK' ? e : { type: e.type, secret: e.object }),
      onDone,
    );
  }

  /** The list-then-watch source of the live catalog (kubeApi/listWatchLoop.ts). */
  listWatchSource(): ListWatchSource<SecretMeta> {
    const endpoint = this.endpoint;
    return {
      resource: 'secrets',
      namespace: this.namespace,
      timeoutMs: this.timeoutMs,
      fetch: (limit, token) => listResourcePage(endpoint, limit, token),
      watch: (rv, onEvent, onDone) => watchResource(endpoint, rv, onEvent, onDone),
      versionOf: (s) => s.resourceVersion,
    };
  }

  /** Secrets become `SecretMeta` the moment they arrive, so a list or a watch never keeps a value. */
  private get endpoint(): ResourceEndpoint<SecretMeta> {
    return {
      http: this.http,
      path: this.secretsPath(),
      timeoutMs: this.timeoutMs,
      call: { resource: 'secrets', namespace: this.namespace },
      convert: (raw) => toSecretMeta(raw as V1Secret, this.namespace),
    };
  }

  private secretsPath(): string {
    return `/api/v1/namespaces/${encodeURIComponent(this.namespace)}/secrets`;
  }

  private secretPath(name: string): string {
    return `${this.secretsPath()}/${encodeURIComponent(name)}`;
  }
}

function dryRunQuery(dryRun: boolean) {
  return dryRun ? { dryRun: 'All' } : undefined;
}
