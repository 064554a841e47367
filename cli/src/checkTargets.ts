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
  const wanted = contexts.length ? contexts : [undefined];
  const snapshots = await Promise.all(wanted.map((context) => loadCatalog({ kubeconfig, context, namespace })));
  // kubectl is silent when insecure-skip-tls-verify is set; we say so every time, as the tree and status bar do.
  for (const s of snapshots) if (s.insecurity) say(`warning: ${insecurityText(s.insecurity).sentence}`);
  const [main, ...others] = snapshots;
  if (main.state.kind !== 'ready') {
    say(`cannot read the cluster's secrets: ${stateReason(main)}`);
    return undefined;
  }
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
  return { main, extra, failed };
}

function stateReason(s: CatalogSnapshot): string {
  return 'reason' in s.state ? s.state.reason : s.state.kind;
}
