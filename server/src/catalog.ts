/**
 * The catalog feed: the client sends a whole snapshot of secret metadata; it replaces the previous one and
 * every open spec, and every closed one of the workspace, is checked again. The extra targets' snapshots (PS070)
 * arrive the same way, all of them in one notification; the client sends it only when one of them changed. The
 * server itself never talks to a cluster.
 */
import { CatalogIndex, changedSecretNames, type CatalogSnapshot, targetCatalog } from '../../core/src/catalog';
import { CatalogNotification, TargetCatalogsNotification, type TargetCatalogsParams } from '../../core/src/protocol';
import { guarded, nothing } from './guarded';
import type { ServerState } from './serverState';
import type { ValidationScheduler } from './validation';

export function registerCatalog(state: ServerState, validation: ValidationScheduler): void {
  state.connection.onNotification(
    CatalogNotification.type,
    guarded(state.connection.console, CatalogNotification.method, nothing, (snapshot: CatalogSnapshot) => {
      const before = state.catalog.snapshot;
      state.catalog = new CatalogIndex(sanitize(snapshot));
      // Certificates are judged again at each new catalog, at the time it arrived.
      state.certificateTime = Date.now();
      validation.scheduleAll();
      // A closed file is judged again only when the change can concern it (./workspaceProblems.ts).
      state.recheckWorkspace(changedSecretNames(before, state.catalog.snapshot));
    }),
  );
  state.connection.onNotification(
    TargetCatalogsNotification.type,
    guarded(state.connection.console, TargetCatalogsNotification.method, nothing, (params: TargetCatalogsParams) => {
      const targets = Array.isArray(params?.targets) ? params.targets : [];
      state.targets = targets
        .filter((t) => t && typeof t.label === 'string')
        .map((t) => targetCatalog({ label: t.label, snapshot: sanitize(t.snapshot) }));
      validation.scheduleAll();
      state.recheckWorkspace();
    }),
  );
}

/** A malformed snapshot (an old client, a bug) becomes an empty, unknown catalog rather than a crash. */
function sanitize(s: CatalogSnapshot): CatalogSnapshot {
  if (!s || typeof s !== 'object' || !s.state || !Array.isArray(s.secrets)) {
    return {
      context: '',
      namespace: 'default',
      state: { kind: 'unknown', reason: 'malformed catalog snapshot' },
      secrets: [],
    };
  }
  const secrets = s.secrets.filter((m) => m && typeof m.name === 'string' && Array.isArray(m.keys));
  return { ...s, secrets: secrets.map((m) => ({ ...m, labels: m.labels ?? {} })) };
}
