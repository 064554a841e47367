/**
 * An extra target: another context or namespace whose secrets a spec is checked against besides the active one
 * (`pachyderm.extraTargets`, `check --context A --context B`). Its snapshot is the same value-free metadata as the
 * main catalog's.
 */
import { CatalogIndex, type CatalogSnapshot } from './snapshot';

/** What crosses from the client to the server for one extra target: its short label and its snapshot. */
export interface TargetSnapshot {
  /** Short and chosen by the user (`prod`), shown in PS070's message. */
  label: string;
  snapshot: CatalogSnapshot;
}

/** An extra target as the rules read it. */
export interface TargetCatalog {
  label: string;
  catalog: CatalogIndex;
}

export function targetCatalog(t: TargetSnapshot): TargetCatalog {
  return { label: t.label, catalog: new CatalogIndex(t.snapshot) };
}

/** "context prod-ctx, namespace pachyderm": where a target's secrets were read, for messages. */
export function targetPlace(snapshot: CatalogSnapshot): string {
  return `context ${snapshot.context || '(none)'}, namespace ${snapshot.namespace}`;
}
