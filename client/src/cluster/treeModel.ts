/**
 * What the Secrets tree shows, as plain data with no `vscode` import, so every row (labels, descriptions,
 * tooltips, icons, contextValues, commands) is tested in node. secretsTree.ts only maps rows to TreeItems.
 *
 * Row ids are stable (`secret/<ns>/<name>`, `key/<ns>/<name>/<key>`): VS Code keeps selection and expansion
 * across refreshes, and a watch event redraws only the rows it touched.
 */
import { isPachydermManaged, type SecretKeyInfo, type SecretMeta } from '../../../core/src/catalog';
import { DEFAULT_CERTIFICATE_WARNING_DAYS, type CertificateExpiryPolicy } from '../../../core/src/certificates';
import { keyCertificateMark, secretCertificateMark } from './certificateMarks';
import type { CatalogSnapshot } from '../../../core/src/catalog';
import { ago } from './humanDuration';
import { insecurityText } from '../../../core/src/kubeconfig';
import { ClusterCommands } from './commandIds';
import { untrustedNotice } from './noticeRows';

export type { RowCommand, SecretDecoration, SecretDecorator, TreeRow } from './treeRow';
import type { SecretDecorator, TreeRow } from './treeRow';

export interface TreeViewOptions {
  /** The title-bar toggle: only what `pachctl list secret` shows. */
  pachydermOnly: boolean;
  /** Workspace settings ignored because the workspace is not trusted. */
  ignoredSettings: readonly string[];
  decorators: readonly SecretDecorator[];
  now: Date;
  /** `pachyderm.certificateExpiryWarningDays`: certificates lapsing sooner are marked. */
  certificateWarningDays?: number;
  /** The title-bar toggle: only secrets a failing deployed pipeline fails on. */
  failingOnly?: (secret: SecretMeta) => boolean;
  /** A row on the tree's other sources (deployed pipelines cannot be read), shown once under the target. */
  notices?: readonly TreeRow[];
}

/** When the tree judges certificates: its own clock (ageTicker.ts), and the setting's window. */
export function treeCertificatePolicy(view: Pick<TreeViewOptions, 'now' | 'certificateWarningDays'>) {
  return {
    now: view.now.getTime(),
    warningDays: view.certificateWarningDays ?? DEFAULT_CERTIFICATE_WARNING_DAYS,
  };
}

/** States the tree leaves to a viewsWelcome message (the tree is empty then). */
export const WELCOME_PROBLEMS: ReadonlySet<string> = new Set(['no-kubeconfig', 'untrusted']);

export function rootRows(snapshot: CatalogSnapshot, view: TreeViewOptions): TreeRow[] {
  const state = snapshot.state;
  if (state.kind === 'error' && WELCOME_PROBLEMS.has(state.problem)) return [];
  const rows: TreeRow[] = [targetRow(snapshot, view)];
  if (view.ignoredSettings.length) rows.push(untrustedNotice(view.ignoredSettings));
  rows.push(...(view.notices ?? []));
  if (state.kind === 'unknown') {
    rows.push({
      id: 'state',
      kind: 'state',
      label: 'Not connected',
      description: state.reason,
      icon: 'debug-disconnect',
      contextValue: 'pachyderm.state',
      collapsible: false,
    });
  } else if (state.kind === 'loading') {
    rows.push({
      id: 'state',
      kind: 'state',
      label: 'Loading secrets…',
      icon: 'loading~spin',
      contextValue: 'pachyderm.state',
      collapsible: false,
    });
  } else if (state.kind === 'error') {
    rows.push(...problemRows(state.problem, state.reason));
  } else {
    const failingOnly = view.failingOnly;
    const managed = view.pachydermOnly ? snapshot.secrets.filter(isPachydermManaged) : snapshot.secrets;
    const shown = failingOnly ? managed.filter(failingOnly) : managed;
    rows.push(...shown.map((s) => secretRow(s, view)));
    if (!shown.length) {
      rows.push({
        id: 'state',
        kind: 'state',
        label: failingOnly
          ? 'No secret has failing deployed pipelines'
          : view.pachydermOnly
            ? 'No Pachyderm-managed secrets'
            : 'No secrets in this namespace',
        description:
          view.pachydermOnly && snapshot.secrets.length
            ? `${snapshot.secrets.length} other secrets hidden by the filter`
            : undefined,
        icon: 'info',
        contextValue: 'pachyderm.state',
        collapsible: false,
      });
    }
  }
  return rows;
}

function targetRow(snapshot: CatalogSnapshot, view: TreeViewOptions): TreeRow {
  const context = snapshot.context || '(no context)';
  const filter = view.pachydermOnly ? ' · Pachyderm-managed only' : '';
  const insecure = snapshot.insecurity ? insecurityText(snapshot.insecurity) : undefined;
  const where = `Context "${context}", namespace "${snapshot.namespace}".`;
  return {
    id: 'target',
    kind: 'target',
    label: context,
    description: `namespace ${snapshot.namespace}${filter}${insecure ? ` · ⚠ ${insecure.mark}` : ''}`,
    tooltip:
      `${where}${insecure ? `\n\n⚠ ${insecure.sentence}\n\n` : ' '}Click to switch the context; use the ` +
      `inline button to switch the namespace.`,
    icon: insecure ? 'unlock' : 'server-environment',
    ...(insecure ? { iconColor: 'list.warningForeground' } : {}),
    contextValue: 'pachyderm.target',
    collapsible: false,
    command: { command: ClusterCommands.switchContext, title: 'Switch Context' },
  };
}

const PROBLEM_TITLES: Record<string, string> = {
  unreachable: 'Cluster unreachable',
  timeout: 'Cluster did not answer in time',
  unauthorized: 'Credentials rejected (401)',
  forbidden: 'Not allowed to read secrets (403)',
  'server-error': 'API server error',
  other: 'Cannot read secrets',
};

function problemRows(problem: string, reason: string): TreeRow[] {
  return [
    {
      id: 'state',
      kind: 'state',
      label: PROBLEM_TITLES[problem] ?? 'Cannot read secrets',
      description: reason,
      tooltip: `${reason}\n\nRetrying automatically; click Retry to try now.`,
      icon: problem === 'forbidden' || problem === 'unauthorized' ? 'lock' : 'error',
      iconColor: 'list.errorForeground',
      contextValue: `pachyderm.problem.${problem}`,
      collapsible: false,
    },
    {
      id: 'retry',
      kind: 'state',
      label: 'Retry',
      icon: 'refresh',
      contextValue: 'pachyderm.retry',
      collapsible: false,
      command: { command: ClusterCommands.refresh, title: 'Retry' },
    },
  ];
}

const TYPE_ICONS: Record<string, string> = {
  Opaque: 'key',
  'kubernetes.io/dockerconfigjson': 'package',
  'kubernetes.io/dockercfg': 'package',
  'kubernetes.io/tls': 'lock',
  'kubernetes.io/basic-auth': 'person',
  'kubernetes.io/ssh-auth': 'terminal',
  'kubernetes.io/service-account-token': 'account',
  'bootstrap.kubernetes.io/token': 'shield',
};

export function iconForType(type: string): string {
  return TYPE_ICONS[type] ?? 'symbol-constant';
}

export function secretRowId(namespace: string, name: string): string {
  return `secret/${namespace}/${name}`;
}

export function secretRow(
  secret: SecretMeta,
  view: Pick<TreeViewOptions, 'decorators' | 'now' | 'certificateWarningDays'>,
): TreeRow {
  const managed = isPachydermManaged(secret);
  const certificate = secretCertificateMark(secret, treeCertificatePolicy(view));
  const marks: string[] = managed ? ['pachyderm'] : [];
  const extraTooltip: string[] = [];
  const notes: string[] = [];
  let expandable = secret.keys.length > 0;
  for (const decorate of view.decorators) {
    const d = decorate(secret);
    if (d?.marks) marks.push(...d.marks);
    if (d?.notes) notes.push(...d.notes);
    if (d?.tooltip) extraTooltip.push(...d.tooltip);
    expandable ||= d?.expandable === true;
  }
  const age = ago(secret.creationTimestamp, view.now);
  const labels = Object.entries(secret.labels).map(([k, v]) => `${k}=${v}`);
  return {
    id: secretRowId(secret.namespace, secret.name),
    kind: 'secret',
    label: secret.name,
    description: [
      secret.type,
      age,
      ...(certificate.mark ? [certificate.mark] : []),
      ...marks.map((m) => `◆ ${m}`),
      ...notes,
    ].join(' · '),
    tooltip: [
      `${secret.name} (${secret.type})`,
      `Namespace: ${secret.namespace}`,
      `Created: ${secret.creationTimestamp ?? 'unknown'} (${age})`,
      `Keys: ${secret.keys.length ? secret.keys.map((k) => k.name).join(', ') : 'none'}`,
      `Labels: ${labels.length ? labels.join(', ') : 'none'}`,
      managed
        ? 'Pachyderm-managed: listed by pachctl list secret.'
        : 'Not Pachyderm-managed: pachctl list secret does not show it.',
      ...extraTooltip,
      ...certificate.tooltip,
    ].join('\n'),
    icon: iconForType(secret.type),
    iconColor: certificate.iconColor ?? (managed ? 'charts.blue' : undefined),
    contextValue: managed ? 'pachyderm.secret.managed' : 'pachyderm.secret.other',
    collapsible: expandable,
    secret,
  };
}

/** `policy`: when to judge the certificates keys hold (treeCertificatePolicy). */
export function keyRows(secret: SecretMeta, policy?: CertificateExpiryPolicy): TreeRow[] {
  return secret.keys.map((k) => withCertificate(keyRow(secret, k), k, policy));
}

/** A key holding certificates says where they stand in its description and lists their facts in its tooltip. */
function withCertificate(row: TreeRow, k: SecretKeyInfo, policy?: CertificateExpiryPolicy): TreeRow {
  if (!policy || !k.certificate) return row;
  const c = keyCertificateMark(k, policy);
  return {
    ...row,
    description: `${row.description} · ${c.mark}`,
    tooltip: [row.tooltip, ...c.tooltip].join('\n'),
    ...(c.iconColor ? { iconColor: c.iconColor } : {}),
  };
}

function keyRow(secret: SecretMeta, k: SecretKeyInfo): TreeRow {
  return {
    id: `key/${secret.namespace}/${secret.name}/${k.name}`,
    kind: 'key' as const,
    label: k.name,
    description: `${k.size} bytes · ${k.binary ? 'binary' : 'text'}`,
    tooltip:
      `${secret.name} → ${k.name}: ${k.size} bytes, ${k.binary ? 'binary' : 'text'}. The value stays hidden; ` +
      `use Reveal Value or Copy Value.`,
    icon: k.binary ? 'file-binary' : 'symbol-string',
    contextValue: k.binary ? 'pachyderm.secretKey.binary' : 'pachyderm.secretKey.text',
    collapsible: false,
    secret,
    key: k.name,
  };
}
