/** The Secrets tree's row type and the marks other areas put on secret rows; treeModel.ts makes the rows. */
import type { SecretMeta } from '../../../core/src/catalog';

export interface RowCommand {
  command: string;
  title: string;
  arguments?: unknown[];
}

export interface TreeRow {
  id: string;
  kind: 'target' | 'state' | 'notice' | 'secret' | 'key' | 'deployed';
  label: string;
  description?: string;
  tooltip?: string;
  /** A codicon id. */
  icon: string;
  /** A theme color id for the icon. */
  iconColor?: string;
  /** Keys the tree's context menus (`viewItem`). */
  contextValue: string;
  collapsible: boolean;
  command?: RowCommand;
  secret?: SecretMeta;
  key?: string;
}

/**
 * Extra marks other areas put on a secret row (e.g. "platform" for secrets the Pachyderm Helm chart owns).
 * Marks join the description; tooltip lines are appended.
 */
export interface SecretDecoration {
  marks?: string[];
  /** Plain words joined to the description, without the ◆ of a mark (e.g. `2 deployed`). */
  notes?: string[];
  tooltip?: string[];
  /** The row has children beside its keys (deployed pipelines using it). */
  expandable?: boolean;
}
export type SecretDecorator = (secret: SecretMeta) => SecretDecoration | undefined;
