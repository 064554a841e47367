/**
 * The deployed pipelines' feed: the client sends a summary of what pachd has deployed (names, versions, secret
 * uses, failures blamed on a secret and key; never a pod's message). It replaces the previous one, and the open
 * specs and the closed ones a failure concerns are checked again (PS060). The server itself never talks to a
 * cluster.
 */
import { DeployedIndex, type DeployedSummary } from '../../core/src/deployed';
import { DeployedNotification } from '../../core/src/protocol';
import { guarded, nothing } from './guarded';
import type { ServerState } from './serverState';
import type { ValidationScheduler } from './validation';

const STATES: ReadonlySet<string> = new Set(['unknown', 'loading', 'ready', 'error', 'forbidden']);

export function registerDeployed(state: ServerState, validation: ValidationScheduler): void {
  state.connection.onNotification(
    DeployedNotification.type,
    guarded(state.connection.console, DeployedNotification.method, nothing, (summary: DeployedSummary) => {
      const before = state.deployed;
      state.deployed = new DeployedIndex(sanitize(summary));
      validation.scheduleAll();
      // PS060 reads only the failures blamed on a secret: a closed spec can change only if it names one of them.
      const changed = new Set([...before.blamedSecrets(), ...state.deployed.blamedSecrets()]);
      if (changed.size) state.recheckWorkspace(changed);
    }),
  );
}

/** A malformed summary (an old client, a bug) becomes an unknown one, and malformed pipelines are dropped. */
function sanitize(s: DeployedSummary): DeployedSummary {
  if (!s || typeof s !== 'object' || !STATES.has(s.state) || !Array.isArray(s.pipelines)) {
    return { context: '', namespace: 'default', state: 'unknown', pipelines: [] };
  }
  const pipelines = s.pipelines
    .filter(
      (p) =>
        p &&
        typeof p.name === 'string' &&
        typeof p.project === 'string' &&
        typeof p.version === 'number' &&
        Array.isArray(p.uses) &&
        Array.isArray(p.failures),
    )
    .map((p) => ({
      ...p,
      uses: p.uses.filter((u) => u && typeof u.secret === 'string' && typeof u.how === 'string'),
      failures: p.failures.filter((f) => f && typeof f.reason === 'string'),
    }));
  return { ...s, pipelines };
}
