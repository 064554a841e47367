/**
 * Follows the kubeconfig and context of vscode-kubernetes-tools (ms-kubernetes-tools.vscode-kubernetes-tools),
 * when it is installed and the user has set neither `pachyderm.kubeconfig` nor `pachyderm.context`: someone who
 * points that extension at a cluster expects this one to look at the same cluster.
 *
 * Through its public API only, without depending on its package: the extension's `exports` is an API broker,
 * `get(component, version)` answers `{ available: true, api }` or `{ available: false, reason }`, and the
 * configuration API gives the kubeconfig path (v1) and events when the path or context changes (v1_1). The small
 * surface used here is typed from vscode-kubernetes-tools/vscode-kubernetes-tools-api ts/configuration/v1.ts and
 * v1_1.ts, and ts/helper.ts for the broker.
 */
import * as vscode from 'vscode';

export const KUBERNETES_TOOLS_ID = 'ms-kubernetes-tools.vscode-kubernetes-tools';

/** `ConfigurationV1.KubeconfigPath`: a path on this machine, or inside WSL (which node here cannot read). */
type KubeconfigPath = { pathType: 'host'; hostPath: string } | { pathType: 'wsl'; wslPath: string };

interface ConfigurationApi {
  getKubeconfigPath(): KubeconfigPath;
  /** v1_1 only. */
  onDidChangeKubeconfigPath?: vscode.Event<KubeconfigPath>;
  /** v1_1 only. */
  onDidChangeContext?: vscode.Event<string | null>;
}

type Api<T> = { available: true; api: T } | { available: false; reason: string };

interface ApiBroker {
  get?(component: string, version: string): Api<unknown> | Promise<Api<unknown>>;
}

/** What the follower adds to the target: the kubeconfig path and, once it has said so, the context. */
export interface FollowedTarget {
  kubeconfig?: string;
  context?: string;
}

export class KubernetesToolsFollower implements vscode.Disposable {
  private started: Promise<void> | undefined;
  private followed: FollowedTarget | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  /** `changed` restarts the catalog: the path or context the other extension uses changed. */
  constructor(
    private readonly changed: () => void,
    private readonly log: (line: string) => void,
  ) {}

  /** The target to follow, or undefined when the extension is absent or offers no configuration API. */
  async target(): Promise<FollowedTarget | undefined> {
    this.started ??= this.start().catch((err: unknown) => {
      this.log(`vscode-kubernetes-tools' API could not be read (${err instanceof Error ? err.name : 'error'})`);
    });
    await this.started;
    return this.followed;
  }

  private async start(): Promise<void> {
    const extension = vscode.extensions.getExtension<ApiBroker>(KUBERNETES_TOOLS_ID);
    if (!extension) return;
    const broker = await extension.activate();
    const api = await configurationApi(broker);
    if (!api) {
      this.log('vscode-kubernetes-tools is installed but offers no configuration API: not following it');
      return;
    }
    this.followed = { kubeconfig: hostPath(api.getKubeconfigPath()) };
    this.log(`following vscode-kubernetes-tools' kubeconfig ${this.followed.kubeconfig ?? '(its default)'}`);
    if (api.onDidChangeKubeconfigPath)
      this.subscriptions.push(
        api.onDidChangeKubeconfigPath((path) => {
          // Another file has its own current context: the context said for the old one no longer applies.
          this.followed = { kubeconfig: hostPath(path) };
          this.changed();
        }),
      );
    if (api.onDidChangeContext)
      this.subscriptions.push(
        api.onDidChangeContext((context) => {
          this.followed = { ...this.followed, context: context ?? undefined };
          this.changed();
        }),
      );
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

async function configurationApi(broker: ApiBroker | undefined): Promise<ConfigurationApi | undefined> {
  if (typeof broker?.get !== 'function') return undefined;
  for (const version of ['v1_1', 'v1']) {
    const answer = await broker.get('configuration', version);
    if (answer?.available && typeof (answer.api as ConfigurationApi)?.getKubeconfigPath === 'function')
      return answer.api as ConfigurationApi;
  }
  return undefined;
}

/** A WSL path names a file inside WSL, which this extension host cannot open: then our own default applies. */
function hostPath(path: KubeconfigPath | undefined): string | undefined {
  return path?.pathType === 'host' && path.hostPath ? path.hostPath : undefined;
}
