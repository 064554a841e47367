/**
 * Where a certificate stands at a given moment. The moment is always passed in: the language server, the CLI and
 * the tree each say what "now" is, so tests fix it and nothing here reads the clock.
 */
import type { CertificateFacts } from './certificateFacts';

/** The default of `pachyderm.certificateExpiryWarningDays` and of `check --certificate-expiry-warning-days`. */
export const DEFAULT_CERTIFICATE_WARNING_DAYS = 30;

/** What the warnings read: the moment to judge at (ms since the epoch) and how many days ahead to warn. */
export interface CertificateExpiryPolicy {
  now: number;
  warningDays: number;
}

export type CertificateValidity =
  /** Past its not-after: `days` whole days ago (0 on the day it lapsed). */
  | { kind: 'expired'; days: number }
  /** Before its not-before: valid in `days` whole days. */
  | { kind: 'not-yet-valid'; days: number }
  /** Valid, and lapses within the warning window: in `days` whole days. */
  | { kind: 'expiring'; days: number }
  | { kind: 'valid'; days: number };

const DAY_MS = 24 * 60 * 60 * 1000;

export function certificateValidity(
  facts: Pick<CertificateFacts, 'notBefore' | 'notAfter'>,
  policy: CertificateExpiryPolicy,
): CertificateValidity {
  const notBefore = Date.parse(facts.notBefore);
  const notAfter = Date.parse(facts.notAfter);
  if (policy.now > notAfter) return { kind: 'expired', days: Math.floor((policy.now - notAfter) / DAY_MS) };
  if (policy.now < notBefore) return { kind: 'not-yet-valid', days: Math.ceil((notBefore - policy.now) / DAY_MS) };
  const days = Math.floor((notAfter - policy.now) / DAY_MS);
  return days < policy.warningDays ? { kind: 'expiring', days } : { kind: 'valid', days };
}

/**
 * The first moment after `now` (ms) at which `certificateValidity` may read differently for any warning window:
 * its whole days count on from the not-before and not-after instants, and the window only compares those days. A
 * view redraws then instead of on a fixed beat; undefined when the dates cannot be read.
 */
export function validityChangesAt(
  facts: Pick<CertificateFacts, 'notBefore' | 'notAfter'>,
  now: number,
): number | undefined {
  const notBefore = Date.parse(facts.notBefore);
  const notAfter = Date.parse(facts.notAfter);
  if (Number.isNaN(notBefore) || Number.isNaN(notAfter)) return undefined;
  if (now > notAfter) return notAfter + (Math.floor((now - notAfter) / DAY_MS) + 1) * DAY_MS;
  if (now < notBefore) return notBefore - (Math.ceil((notBefore - now) / DAY_MS) - 1) * DAY_MS;
  return notAfter - Math.floor((notAfter - now) / DAY_MS) * DAY_MS + 1;
}

/** Whether the validity deserves a warning (in a diagnostic, or a mark on the tree). */
export function needsAttention(v: CertificateValidity): boolean {
  return v.kind !== 'valid';
}

/** `expired 3 days ago`, `expires in 12 days`, `not valid for 2 more days`, `valid for 400 days`. */
export function validityText(v: CertificateValidity): string {
  const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;
  switch (v.kind) {
    case 'expired':
      return v.days === 0 ? 'expired today' : `expired ${days(v.days)} ago`;
    case 'not-yet-valid':
      return `not valid for ${days(v.days)} more`;
    case 'expiring':
      return v.days === 0 ? 'expires in less than a day' : `expires in ${days(v.days)}`;
    case 'valid':
      return `valid for ${days(v.days)}`;
  }
}

/**
 * The most urgent of several certificates (expired first, then not yet valid, then the soonest to lapse), for a
 * secret with more than one certificate key.
 */
export function mostUrgent<T>(items: readonly T[], validity: (item: T) => CertificateValidity): T | undefined {
  const rank = (v: CertificateValidity) =>
    v.kind === 'expired' ? -1e9 - v.days : v.kind === 'not-yet-valid' ? -1e6 : v.days;
  let best: T | undefined;
  let bestRank = Infinity;
  for (const item of items) {
    const r = rank(validity(item));
    if (r < bestRank) [best, bestRank] = [item, r];
  }
  return best;
}
