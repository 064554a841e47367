/**
 * `check`'s cluster targets: `--context A --context B …` reads the first as the main target (PS002, PS003, …) and
 * the others as extra targets (PS070). Each is listed once, all at the same time; an extra target that cannot be
 * read is said once on stderr and the rest are still checked.
 */
import {
  loadCatalog,
  type CatalogSnapshot,
  type TargetCatalog,
  targetCatalog,
  targetPlace,
} from '../../core/src/catalog';
import { insecurityText } from '../../core/src/kubeconfig';

export interface ClusterTargets {
  main: CatalogSnapshot;
  extra: TargetCatalog[];
  /** How many extra targets could not be read (each already said). */
  failed: number;
}

/** Every target's secrets, or undefined (and said why) when the main target cannot be read. */
export async function readClusterTargets(
  str: (name: string) => string | undefined,
  contexts: readonly string[],
  say: (message: string) => void,
): Promise<ClusterTargets | undefined> {
  const kubeconfig = str('kubeconfig');
  const namespace = str('namespace');
  const wanted = contexts.length ? distinct(contexts, say) : [undefined];
  const snapshots = await Promise.all(wanted.map((context) => loadCatalog({ kubeconfig, context, namespace })));
  // kubectl is silent when insecure-skip-tls-verify is set; we say so every time, as the tree and status bar do.
  // With several contexts, each warning names its own: "this cluster" alone would not say which.
  const which = (s: CatalogSnapshot) => (snapshots.length > 1 ? `${targetPlace(s)}: ` : '');
  for (const s of snapshots) if (s.insecurity) say(`warning: ${which(s)}${insecurityText(s.insecurity).sentence}`);
  const [main, ...others] = snapshots;
  const mainReady = main.state.kind === 'ready';
  if (!mainReady) say(`cannot read the cluster's secrets (${targetPlace(main)}): ${stateReason(main)}`);
  // Said even when the main target failed, so one run names every context that cannot be read.
  const extra: TargetCatalog[] = [];
  let failed = 0;
  others.forEach((snapshot, i) => {
    const label = wanted[i + 1]!;
    if (snapshot.state.kind === 'ready') extra.push(targetCatalog({ label, snapshot }));
    else {
      failed++;
      say(
        `cannot read the secrets of target ${label} (${targetPlace(snapshot)}), not checked: ${stateReason(snapshot)}`,
      );
    }
  });
  return mainReady ? { main, extra, failed } : undefined;
}

/** Each context once, in the order given: a repeated one would report every PS070 of its target again. */
function distinct(contexts: readonly string[], say: (message: string) => void): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const c of contexts) {
    if (seen.has(c) && !repeated.has(c)) say(`--context ${c} is given more than once: read once`);
    if (seen.has(c)) repeated.add(c);
    seen.add(c);
  }
  return [...seen];
}

function stateReason(s: CatalogSnapshot): string {
  return 'reason' in s.state ? s.state.reason : s.state.kind;
}
