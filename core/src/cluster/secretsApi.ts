/**
 * The Secret calls the extension makes, through @kubernetes/client-node, each bounded by the request timeout.
 * Raw Secret objects (with values) only come out of `read`; list and watch hand out `SecretMeta` so values are
 * dropped the moment a secret arrives.
 */
import type { CoreV1Api, KubeConfig, RequestContext, V1Secret } from '@kubernetes/client-node';
import type { Agent } from 'node:https';
import { toSecretMeta, type SecretMeta } from '../catalog/secretMeta';
import { loadClientNode } from './clientNode';
import { ClassifiedClusterError, ClusterTimeoutError, classifyStatus } from './clusterProblem';
import type { ResolvedTarget } from './clusterTarget';

type CallOptions = Parameters<CoreV1Api['listNamespacedSecret']>[1];

export interface SecretPage {
  items: SecretMeta[];
  continueToken?: string;
  resourceVersion: string;
}

export type WatchEvent =
  | { type: 'ADDED' | 'MODIFIED' | 'DELETED'; secret: SecretMeta }
  | { type: 'BOOKMARK'; resourceVersion: string };

export interface WatchHandle {
  stop(): void;
}

export class SecretsApi {
  private constructor(
    private readonly kc: KubeConfig,
    private readonly core: CoreV1Api,
    readonly namespace: string,
    readonly timeoutMs: number,
  ) {}

  static async open(target: ResolvedTarget, timeoutMs: number): Promise<SecretsApi> {
    const { CoreV1Api } = await loadClientNode();
    return new SecretsApi(target.kubeConfig, target.kubeConfig.makeApiClient(CoreV1Api), target.namespace, timeoutMs);
  }

  async listPage(limit: number, continueToken?: string): Promise<SecretPage> {
    const list = await this.bounded((options) =>
      this.core.listNamespacedSecret({ namespace: this.namespace, limit, _continue: continueToken }, options),
    );
    return {
      items: list.items.map((s) => toSecretMeta(s, this.namespace)),
      continueToken: list.metadata?._continue || undefined,
      resourceVersion: list.metadata?.resourceVersion ?? '',
    };
  }

  /** Namespace names, for Switch Namespace; many users may not list namespaces, so callers fall back to typing one. */
  async listNamespaces(): Promise<string[]> {
    const list = await this.bounded((options) => this.core.listNamespace({}, options));
    return list.items.map((n) => n.metadata?.name ?? '').filter(Boolean).sort();
  }

  /** The full object, values included: only for an explicit Reveal/Copy or for replacing. */
  read(name: string): Promise<V1Secret> {
    return this.bounded((options) => this.core.readNamespacedSecret({ name, namespace: this.namespace }, options));
  }

  create(body: V1Secret, dryRun: boolean): Promise<V1Secret> {
    return this.bounded((options) =>
      this.core.createNamespacedSecret({ namespace: this.namespace, body, dryRun: dryRun ? 'All' : undefined }, options),
    );
  }

  replace(name: string, body: V1Secret, dryRun: boolean): Promise<V1Secret> {
    return this.bounded((options) =>
      this.core.replaceNamespacedSecret({ name, namespace: this.namespace, body, dryRun: dryRun ? 'All' : undefined }, options),
    );
  }

  async delete(name: string): Promise<void> {
    await this.bounded((options) => this.core.deleteNamespacedSecret({ name, namespace: this.namespace }, options));
  }

  /**
   * Watches from `resourceVersion`. `onDone` runs exactly once: with no error when the server closed the stream,
   * with an error otherwise (a 410 comes as a classified `gone` problem). Connecting is bounded by the timeout.
   */
  async watch(resourceVersion: string, onEvent: (e: WatchEvent) => void, onDone: (err?: unknown) => void): Promise<WatchHandle> {
    const { Watch } = await loadClientNode();
    let agent: Agent | undefined;
    // client-node's Watch gives no way to abort while connecting, so the agent it uses is captured and its
    // sockets destroyed when the timeout fires.
    const capturing = Object.create(this.kc) as KubeConfig;
    capturing.applyToFetchOptions = async (opts) => {
      const init = await this.kc.applyToFetchOptions(opts);
      agent = init.agent as Agent | undefined;
      return init;
    };
    let finished = false;
    let controller: AbortController | undefined;
    const finish = (err?: unknown) => {
      if (finished) return;
      finished = true;
      clearTimeout(connectTimer);
      controller?.abort();
      agent?.destroy();
      onDone(err);
    };
    const connectTimer = setTimeout(() => finish(new ClusterTimeoutError(this.timeoutMs)), this.timeoutMs);
    const path = `/api/v1/namespaces/${encodeURIComponent(this.namespace)}/secrets`;
    const query = { resourceVersion, allowWatchBookmarks: true };
    controller = await new Watch(capturing).watch(
      path,
      query,
      (type, obj) => {
        if (finished) return;
        clearTimeout(connectTimer);
        if (type === 'ERROR') {
          const status = obj as { code?: number; message?: string };
          finish(new ClassifiedClusterError(classifyStatus(status.code ?? 500, status.message, { verb: 'watch', resource: 'secrets', namespace: this.namespace })));
        } else if (type === 'BOOKMARK') {
          onEvent({ type, resourceVersion: (obj as V1Secret).metadata?.resourceVersion ?? '' });
        } else if (type === 'ADDED' || type === 'MODIFIED' || type === 'DELETED') {
          onEvent({ type, secret: toSecretMeta(obj as V1Secret, this.namespace) });
        }
      },
      (err) => finish(err ?? undefined),
    );
    // The response headers arrived: the stream is open, so the connect timeout no longer applies.
    clearTimeout(connectTimer);
    if (finished) controller.abort();
    return { stop: () => finish() };
  }

  /** Runs one API call with an abort signal and an overall timer (which also covers exec auth plugins). */
  private async bounded<T>(call: (options: CallOptions) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new ClusterTimeoutError(this.timeoutMs));
      }, this.timeoutMs);
    });
    // The object API runs middleware as client-node's observable stub, which only needs `toPromise`.
    const signalMiddleware = {
      pre: (ctx: RequestContext) => {
        ctx.setSignal(controller.signal);
        return { toPromise: () => Promise.resolve(ctx) };
      },
      post: (ctx: unknown) => ({ toPromise: () => Promise.resolve(ctx) }),
    };
    try {
      const options = { middleware: [signalMiddleware], middlewareMergeStrategy: 'append' } as unknown as CallOptions;
      return await Promise.race([call(options), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
