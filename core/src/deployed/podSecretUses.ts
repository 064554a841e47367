/**
 * The secret uses of a worker pod spec: every place the spec names a Secret, reduced to the secret, the key when
 * there is one, and how it reaches the worker. This is all the model keeps of a pod spec.
 *
 * pachd writes them in pachyderm/pachyderm src/server/pps/server/worker_rc.go: `transform.secrets[]` with `envVar`
 * become `env[].valueFrom.secretKeyRef` and with `mountPath` a volume named after the secret
 * (`getWorkerOptions`), `transform.imagePullSecrets` and pachd's own `ImagePullSecrets` setting become
 * `imagePullSecrets`, `egress.sqlDatabase.secret` becomes `PACHYDERM_SQL_PASSWORD` (`getEgressSecretEnvVars`),
 * and pachd adds its storage secret as `envFrom.secretRef` and a volume (`GetBackendSecretVolumeAndMount`).
 * Projected volumes are read too, since a pod spec edited by hand or by a mutating webhook may hold them.
 */
import type { ContainerSpec, KeyToPath, PodSpec, VolumeSpec } from './workerObjects';

export type WorkerSecretUse =
  | { how: 'env'; secret: string; key: string; envVar: string; container: string; optional?: true }
  | { how: 'envFrom'; secret: string; container: string; prefix?: string; optional?: true }
  /** `keys` only when the volume lists `items`; otherwise every key of the secret is mounted. */
  | { how: 'volume'; secret: string; volume: string; mountPaths: string[]; keys?: string[]; optional?: true }
  | { how: 'projected'; secret: string; volume: string; mountPaths: string[]; keys?: string[]; optional?: true }
  | { how: 'imagePull'; secret: string };

export type WorkerSecretUseKind = WorkerSecretUse['how'];

/** Every secret use of a pod spec, in the order the spec names them. */
export function podSecretUses(spec: PodSpec | null | undefined): WorkerSecretUse[] {
  if (!spec) return [];
  const uses: WorkerSecretUse[] = [];
  const containers = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
  for (const c of containers) containerUses(c, uses);
  const mounts = mountPathsByVolume(containers);
  for (const v of spec.volumes ?? []) volumeUses(v, mounts.get(v.name ?? '') ?? [], uses);
  for (const p of spec.imagePullSecrets ?? []) {
    // The API server accepts an entry with an empty name and kubelet skips it (kubelet_pods.go
    // `getPullSecretsForPod`), so it is not a use.
    if (p.name) uses.push({ how: 'imagePull', secret: p.name });
  }
  return dedupe(uses);
}

/** The names of the secrets a list of uses names, sorted, once each. */
export function secretNamesOf(uses: readonly WorkerSecretUse[]): string[] {
  return [...new Set(uses.map((u) => u.secret))].sort();
}

/** Whether a use may read `key`: an env var reads its one key, a volume its `items` or every key, `envFrom` all. */
export function usesKey(use: WorkerSecretUse, key: string): boolean {
  switch (use.how) {
    case 'env':
      return use.key === key;
    case 'volume':
    case 'projected':
      return !use.keys || use.keys.includes(key);
    case 'envFrom':
      return true;
    case 'imagePull':
      return false;
  }
}

/** How a pipeline uses a secret, in words: `env DB_PASS from password`, `mounted at /x`, `image pull`. */
export function secretUseText(use: WorkerSecretUse): string {
  switch (use.how) {
    case 'env':
      return `env ${use.envVar} from ${use.key}`;
    case 'envFrom':
      return `every key as env${use.prefix ? ` (prefix ${use.prefix})` : ''}`;
    case 'volume':
    case 'projected': {
      const keys = use.keys ? ` (${use.keys.join(', ')})` : '';
      return use.mountPaths.length ? `mounted at ${use.mountPaths.join(', ')}${keys}` : `volume ${use.volume}${keys}`;
    }
    case 'imagePull':
      return 'image pull';
  }
}

function containerUses(c: ContainerSpec, uses: WorkerSecretUse[]): void {
  const container = c.name ?? '';
  for (const e of c.env ?? []) {
    const ref = e.valueFrom?.secretKeyRef;
    if (!ref?.name || ref.key === undefined || !e.name) continue;
    uses.push({ how: 'env', secret: ref.name, key: ref.key, envVar: e.name, container, ...optional(ref.optional) });
  }
  for (const f of c.envFrom ?? []) {
    const ref = f.secretRef;
    if (!ref?.name) continue;
    uses.push({
      how: 'envFrom',
      secret: ref.name,
      container,
      ...(f.prefix ? { prefix: f.prefix } : {}),
      ...optional(ref.optional),
    });
  }
}

function volumeUses(v: VolumeSpec, mountPaths: string[], uses: WorkerSecretUse[]): void {
  const volume = v.name ?? '';
  if (v.secret?.secretName) {
    const s = v.secret;
    uses.push({
      how: 'volume',
      secret: s.secretName!,
      volume,
      mountPaths,
      ...itemKeys(s.items),
      ...optional(s.optional),
    });
  }
  for (const source of v.projected?.sources ?? []) {
    const s = source.secret;
    if (!s?.name) continue;
    uses.push({ how: 'projected', secret: s.name, volume, mountPaths, ...itemKeys(s.items), ...optional(s.optional) });
  }
}

/** Where each volume is mounted, over every container, once per path. */
function mountPathsByVolume(containers: ContainerSpec[]): Map<string, string[]> {
  const paths = new Map<string, string[]>();
  for (const c of containers) {
    for (const m of c.volumeMounts ?? []) {
      if (!m.name || !m.mountPath) continue;
      const path = m.subPath ? `${m.mountPath} (${m.subPath})` : m.mountPath;
      const list = paths.get(m.name) ?? [];
      if (!list.includes(path)) list.push(path);
      paths.set(m.name, list);
    }
  }
  return paths;
}

function itemKeys(items: KeyToPath[] | null | undefined): { keys?: string[] } {
  if (!items || items.length === 0) return {};
  return { keys: [...new Set(items.map((i) => i.key ?? '').filter(Boolean))] };
}

function optional(flag: boolean | null | undefined): { optional?: true } {
  return flag ? { optional: true } : {};
}

/** pachd adds the same image pull secret twice when a spec and its setting both name it; one use says it all. */
function dedupe(uses: WorkerSecretUse[]): WorkerSecretUse[] {
  const seen = new Set<string>();
  return uses.filter((u) => {
    const id = JSON.stringify(u);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
