/**
 * Certificates lapse while nothing else changes: the moment they are judged at (`ServerState.certificateTime`)
 * moves on when a catalog arrives and once an hour, and then every document is checked again, so an
 * "expires in 1 day" becomes "expired" without an edit. The hour keeps "in N days" at most an hour stale; when the
 * catalog holds no certificate a tick changes nothing and nothing is re-checked.
 */
import type { ServerState } from './serverState';
import type { ValidationScheduler } from './validation';

export const CERTIFICATE_RECHECK_MS = 60 * 60 * 1000;

export function startCertificateClock(state: ServerState, validation: ValidationScheduler): void {
  const timer = setInterval(() => {
    if (!state.catalog.snapshot.secrets.some((s) => s.keys.some((k) => k.certificate))) return;
    state.certificateTime = Date.now();
    validation.scheduleAll();
    state.recheckWorkspace();
  }, CERTIFICATE_RECHECK_MS);
  // The clock alone must not keep the server alive after the client has gone.
  timer.unref();
}
