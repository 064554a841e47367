/**
 * The `gcp` and `azure` auth providers, which kubectl removed in 1.26 in favour of exec credential plugins
 * (gke-gcloud-auth-plugin, kubelogin). A kubeconfig that still names one is refused with kubectl's advice.
 *
 * The classes stand in for client-node's own in the shipped bundle (scripts/buildOptions.mjs), so their
 * dependencies do not ship; `resolveTarget` refuses such a context before any of them would run.
 */
const REPLACEMENTS: Readonly<Record<string, string>> = {
  gcp:
    'the "gke-gcloud-auth-plugin" kubectl/client-go credential plugin ' +
    '(https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl#install_plugin)',
  azure: 'the "kubelogin" kubectl/client-go credential plugin (https://github.com/Azure/kubelogin)',
};

interface UserWithProvider {
  authProvider?: { name?: string };
}

/** kubectl's message for a removed auth provider, or undefined when the user's provider (if any) is supported. */
export function removedAuthProviderMessage(user: UserWithProvider | null | undefined): string | undefined {
  const name = user?.authProvider?.name;
  if (!name || !Object.hasOwn(REPLACEMENTS, name)) return undefined;
  return (
    `The ${name} auth plugin has been removed from kubectl and from this extension. Please use ` +
    `${REPLACEMENTS[name]} instead.`
  );
}

class RemovedAuthProvider {
  constructor(private readonly name: string) {}

  isAuthProvider(user: UserWithProvider | null | undefined): boolean {
    return user?.authProvider?.name === this.name;
  }

  async applyAuthentication(user: UserWithProvider): Promise<void> {
    throw new Error(removedAuthProviderMessage(user));
  }
}

export class GoogleCloudPlatformAuth extends RemovedAuthProvider {
  constructor() {
    super('gcp');
  }
}

export class AzureAuth extends RemovedAuthProvider {
  constructor() {
    super('azure');
  }
}
