/**
 * Remembers the last catalog snapshot, deployed pipelines' summary and extra targets' catalogs sent to the language
 * server, so a server the client restarted after a crash gets them again at once instead of checking specs with no
 * catalog (and no deployed pipelines or extra targets) until the cluster next changes. No `vscode` import:
 * unit-tested directly.
 */
import { CatalogNotification, DeployedNotification, TargetCatalogsNotification } from '../../core/src/protocol';

/** The notifications whose last one a restarted server needs, in the order they are resent. */
const REPLAYED: readonly string[] = [
  CatalogNotification.method,
  DeployedNotification.method,
  TargetCatalogsNotification.method,
];

export interface Replayed {
  method: string;
  params: unknown;
}

export class CatalogReplay {
  private readonly last = new Map<string, unknown>();
  private runs = 0;

  /** Every notification the client sends passes here (language client middleware). */
  sent(method: string, params: unknown): void {
    if (REPLAYED.includes(method)) this.last.set(method, params);
  }

  /** The server is running (again): the notifications to send it, when this is a restart. */
  running(): Replayed[] {
    this.runs++;
    if (this.runs === 1) return [];
    return REPLAYED.filter((m) => this.last.has(m)).map((method) => ({ method, params: this.last.get(method) }));
  }
}
