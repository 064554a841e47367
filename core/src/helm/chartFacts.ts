/**
 * The Pachyderm Helm chart's secret facts: the one table every helm rule, completion, hover, quick fix and the
 * tree's "platform" mark read from. Checked against the chart itself (etc/helm/pachyderm, v2.11.6 and 2.12.x /
 * HEAD), not against the docs' "Platform Secrets Map", which has wrong keys (`rootToken`, `auth-config`).
 * The templates that read each value are in pachyderm/pachyderm etc/helm/pachyderm/templates (pachd/, console/,
 * postgresql, enterprise-server/ on 2.11).
 */
import { TLS_CERT_KEY, TLS_PRIVATE_KEY } from '../catalog/secretMeta';

/** Chart lines whose secret facts this table holds: 2.11 is the last with the Enterprise values; 2.12 removed them. */
export type ChartLine = '2.11' | '2.12';
export const ALL_LINES: readonly ChartLine[] = ['2.11', '2.12'];

/** A dotted path into values.yaml, e.g. `pachd.rootTokenSecretName`. */
export type ValuesPath = string;

/**
 * A Helm chart whose values files can be met under Pachyderm's name, and how a values file shows it was written
 * for that chart. Only `modelled` charts are judged by the PH rules: the facts below are the 2.x chart's, and on
 * another chart's values file (the pre-2.0 community charts, without PostgreSQL or SecretName values) they would
 * be false alarms. core/src/helm/chartRecognition.ts decides from these markers.
 */
export interface ChartIdentity {
  id: 'pachyderm-2' | 'stable-pachyderm' | 'pachyderm-helmchart';
  /** What hover calls it. */
  title: string;
  /** Where the chart lives (repo + path), for hover. */
  source: string;
  /** The chart's versions the facts or the recognition cover, in words. */
  versions: string;
  /** Values paths only this chart has; any one present is evidence. */
  markers: readonly ValuesPath[];
  /** The `pachd.image.tag` major versions this chart deploys (`1` or `2`): an explicit tag decides. */
  pachdMajor: number;
  modelled: boolean;
}

/** The chart the rules model: pachyderm/pachyderm etc/helm/pachyderm, chart versions 2.0 to 2.12 (Chart.yaml). */
export const MODELLED_CHART: ChartIdentity = {
  id: 'pachyderm-2',
  title: "Pachyderm's Helm chart 2.x",
  source: 'pachyderm/pachyderm etc/helm/pachyderm',
  versions: 'chart 2.0 and later; secret facts checked against 2.11 and 2.12',
  // Top-level blocks and pachd values that the 2.x values.yaml has and neither pre-2.0 chart has.
  markers: [
    'global',
    'console',
    'proxy',
    'pachw',
    'pgbouncer',
    'cloudsqlAuthProxy',
    'enterpriseServer',
    'ingress',
    'oidc',
    'loki-stack',
    'kubeEventTail',
    'determined',
    'pachd.externalService',
    'pachd.rootToken',
    'pachd.rootTokenSecretName',
    'pachd.activateAuth',
    'pachd.enterpriseLicenseKey',
    'pachd.enterpriseLicenseKeySecretName',
    'pachd.oauthClientSecret',
    'pachd.oauthClientSecretSecretName',
  ],
  pachdMajor: 2,
  modelled: true,
};

/** Pre-2.0 charts: recognised so that they are left alone, never judged by the 2.x facts. */
export const OTHER_CHARTS: readonly ChartIdentity[] = [
  {
    // helm/charts stable/pachyderm values.yaml: storage credentials at the top level, etcd with `persistence`,
    // pachd with `pfsCache`, `exposeObjApi` and a `worker` image of its own; no PostgreSQL at all.
    id: 'stable-pachyderm',
    title: 'the community chart stable/pachyderm (Pachyderm 1.x)',
    source: 'helm/charts stable/pachyderm',
    versions: 'chart 0.x, pachd 1.7 to 1.9',
    markers: [
      'credentials',
      's3',
      'amazon',
      'google',
      'microsoft',
      'pachd.pfsCache',
      'pachd.exposeObjApi',
      'pachd.worker.tag',
      'pachd.worker.repository',
      'etcd.persistence',
    ],
    pachdMajor: 1,
    modelled: false,
  },
  {
    // pachyderm/helmchart pachyderm/values.yaml (chart 0.x, appVersion 1.12/1.13): `dash` instead of `console`,
    // a single `imagePullSecret`, `pachd.postgresql` instead of `global.postgresql`, a top-level `worker`.
    id: 'pachyderm-helmchart',
    title: 'the pre-2.0 chart pachyderm/helmchart (Pachyderm 1.12 and 1.13)',
    source: 'pachyderm/helmchart pachyderm',
    versions: 'chart 0.x, pachd 1.12 and 1.13',
    markers: ['dash', 'imagePullSecret', 'loadBalancer', 'worker', 'pachd.postgresql', 'pachd.exposeDockerSocket'],
    pachdMajor: 1,
    modelled: false,
  },
];

/** Where a values file names the pachd image it deploys. */
export const PACHD_IMAGE_TAG_PATH: ValuesPath = 'pachd.image.tag';

/** A `*SecretName` value whose secret the chart reads through `secretKeyRef` (or mounts whole). */
export interface SecretNameFact {
  /** The value naming the secret. */
  path: ValuesPath;
  /** What the secret is for, in a few words (tree role, completion detail, hover title). */
  role: string;
  /**
   * The key the chart reads. `undefined` when the whole secret is mounted and any keys do.
   * For Postgres the key is itself a value (`keyPath`) that defaults to `key`.
   */
  key?: string;
  keyPath?: ValuesPath;
  /** Extra keys the chart also reads from the same secret. */
  alsoKeys?: string[];
  /** Secret the chart creates (or reads) when the SecretName is empty. */
  defaultSecret?: string;
  /** The plain-text alternative the chart takes instead of a secret. */
  plainPath?: ValuesPath;
  /** The chart's default for the plain value when it is not empty (Postgres only). */
  plainDefault?: string;
  /** True when the plain value is a credential that should not sit in a values file (PH003). */
  plainIsCredential: boolean;
  /**
   * Keys users are told (or used to) put there instead of the one the chart reads, each with where the mistake
   * comes from: PH002's near-miss hints and hover.
   */
  knownMistakes?: Readonly<Record<string, string>>;
  lines: readonly ChartLine[];
  /** Pods that read the secret. */
  pods: string[];
  /** Set when the chart mishandles this value (PH005): what happens instead. */
  mishandled?: Mishandling;
  /** Secret type required (image pull secrets). */
  registry?: boolean;
  /** Extra sentence for hover. */
  note?: string;
}

export interface Mishandling {
  /** The value that makes it work despite the bug, if any. */
  worksOnlyWith?: string;
  /** What happens instead, said to the user. */
  effect: string;
}

const PACHD_ES = ['pachd', 'enterprise-server'];
const DOCS_TABLE = "that is the key the docs' Platform Secrets Map names";

export const SECRET_NAME_FACTS: readonly SecretNameFact[] = [
  {
    path: 'pachd.enterpriseLicenseKeySecretName',
    role: 'Enterprise license key',
    key: 'enterprise-license-key',
    defaultSecret: 'pachyderm-license',
    plainPath: 'pachd.enterpriseLicenseKey',
    plainIsCredential: true,
    lines: ['2.11'],
    pods: PACHD_ES,
    note: 'Removed in chart 2.12 (Enterprise checks removed); 2.12 ignores this value.',
  },
  {
    path: 'oidc.upstreamIDPsSecretName',
    role: 'upstream identity providers (Dex connectors)',
    key: 'upstream-idps',
    defaultSecret: 'pachyderm-identity',
    plainPath: 'oidc.upstreamIDPs',
    // Connector configs carry client secrets, but the value is a list, not one credential; PH003 is for strings.
    plainIsCredential: false,
    lines: ['2.11', '2.12'],
    pods: PACHD_ES,
    note: 'In 2.11 pachd only gets IDP_CONNECTORS when Enterprise is on.',
  },
  {
    path: 'pachd.rootTokenSecretName',
    role: 'root token',
    key: 'root-token',
    defaultSecret: 'pachyderm-auth',
    plainPath: 'pachd.rootToken',
    plainIsCredential: true,
    knownMistakes: { rootToken: DOCS_TABLE },
    lines: ['2.11', '2.12'],
    pods: PACHD_ES,
  },
  {
    path: 'pachd.oauthClientSecretSecretName',
    role: 'pachd OAuth client secret',
    key: 'pachd-oauth-client-secret',
    defaultSecret: 'pachyderm-auth',
    plainPath: 'pachd.oauthClientSecret',
    plainIsCredential: true,
    knownMistakes: { 'auth-config': `${DOCS_TABLE}; the chart writes \`auth-config\` itself, from other values` },
    lines: ['2.11', '2.12'],
    pods: PACHD_ES,
  },
  {
    path: 'global.postgresql.postgresqlExistingSecretName',
    role: 'PostgreSQL password',
    key: 'postgresql-password',
    keyPath: 'global.postgresql.postgresqlExistingSecretKey',
    defaultSecret: 'postgres',
    plainPath: 'global.postgresql.postgresqlPassword',
    plainDefault: 'insecure-user-password',
    note:
      'With the in-cluster database (`postgresql.enabled`, the default) the subchart still sets the database password ' +
      'from `global.postgresql.postgresqlPassword`: set `global.postgresql.existingSecret` too.',
    knownMistakes: {
      'postgres-password':
        'the key newer Bitnami PostgreSQL charts use; the subchart Pachyderm pins (10.8.0) and the chart read `postgresql-password`',
    },
    plainIsCredential: true,
    lines: ['2.11', '2.12'],
    pods: ['pachd', 'pachw', 'pgbouncer', 'preflight job', 'enterprise-server', 'pipeline workers'],
  },
  {
    // Not declared in Pachyderm's values.yaml; passes through `global` to the Bitnami 10.8.0 subchart.
    path: 'global.postgresql.existingSecret',
    role: 'in-cluster PostgreSQL passwords (Bitnami subchart)',
    key: 'postgresql-password',
    alsoKeys: ['postgresql-postgres-password'],
    defaultSecret: 'postgres',
    plainIsCredential: false,
    lines: ['2.11', '2.12'],
    pods: ['postgres (in-cluster subchart)'],
    note: 'Only used with the in-cluster database (`postgresql.enabled`, the default).',
  },
  {
    path: 'console.config.oauthClientSecretSecretName',
    role: 'Console OAuth client secret',
    key: 'OAUTH_CLIENT_SECRET',
    defaultSecret: 'pachyderm-console-secret',
    plainPath: 'console.config.oauthClientSecret',
    plainIsCredential: true,
    lines: ['2.11', '2.12'],
    pods: ['console', 'pachd'],
  },
  {
    path: 'pachd.enterpriseServerTokenSecretName',
    role: 'Enterprise server token',
    key: 'enterprise-server-token',
    plainPath: 'pachd.enterpriseServerToken',
    plainIsCredential: true,
    lines: ['2.11'],
    pods: ['pachd'],
    mishandled: {
      effect:
        'the chart template writes `value: enterprise-server-token` instead of `key:` in its secretKeyRef, so the ' +
        'pachd Deployment is rejected; the secret is never read',
    },
  },
  {
    path: 'pachd.enterpriseRootTokenSecretName',
    role: 'Enterprise root token (deprecated)',
    key: 'enterprise-root-token',
    plainPath: 'pachd.enterpriseRootToken',
    plainIsCredential: true,
    lines: ['2.11'],
    pods: ['pachd'],
    mishandled: {
      effect:
        'the chart template writes `value: enterprise-root-token` instead of `key:` in its secretKeyRef, so the ' +
        'pachd Deployment is rejected; the secret is never read',
    },
  },
  {
    path: 'pachd.enterpriseSecretSecretName',
    role: 'Enterprise secret',
    key: 'enterprise-secret',
    defaultSecret: 'pachyderm-enterprise',
    plainPath: 'pachd.enterpriseSecret',
    plainIsCredential: true,
    lines: ['2.11'],
    pods: PACHD_ES,
    note: 'Removed in chart 2.12 (Enterprise checks removed); 2.12 ignores this value.',
  },
  {
    path: 'oidc.additionalClientsSecretName',
    role: 'additional OIDC clients',
    key: 'additional-oidc-clients',
    defaultSecret: 'pachyderm-identity-extras',
    plainPath: 'oidc.additionalClients',
    plainIsCredential: false,
    lines: ['2.11', '2.12'],
    pods: PACHD_ES,
  },
  {
    path: 'oidc.dexCredentialSecretName',
    role: 'Dex credential files',
    lines: ['2.11', '2.12'],
    plainIsCredential: false,
    pods: ['pachd', 'pachw'],
    note: 'The whole secret is mounted read-only at `/dexcreds/`; any keys (for example `googleAuth.json`).',
  },
  {
    path: 'pachd.determined.credentialsSecretName',
    role: 'Determined credentials',
    key: 'determined-username',
    alsoKeys: ['determined-password'],
    plainIsCredential: false,
    lines: ['2.11', '2.12'],
    pods: ['pachd'],
  },
  {
    path: 'determined.oidc.clientSecretName',
    role: 'Determined OIDC client secret',
    key: 'oidc-client-secret',
    defaultSecret: 'det-oidc-client-secret',
    plainIsCredential: false,
    lines: ['2.11', '2.12'],
    pods: ['pachd', 'determined master'],
    mishandled: {
      worksOnlyWith: 'det-oidc-client-secret',
      effect:
        "the chart's `default` has its arguments reversed, so pachd and the Determined master always read secret " +
        '`det-oidc-client-secret`, which the chart no longer creates once this value is set',
    },
  },
  {
    path: 'determined.oidc.clientSecretKey',
    role: 'Determined OIDC client secret key',
    plainIsCredential: false,
    lines: ['2.11', '2.12'],
    pods: ['pachd', 'determined master'],
    mishandled: {
      worksOnlyWith: 'oidc-client-secret',
      effect:
        "the chart's `default` has its arguments reversed, so pachd and the Determined master always read key " +
        '`oidc-client-secret`',
    },
  },
  {
    path: 'determined.imagePullSecretName',
    role: 'Determined image pull secret',
    plainIsCredential: false,
    registry: true,
    lines: ['2.11', '2.12'],
    pods: ['determined master'],
  },
];

/**
 * One test of a chart template's `{{ if … }}`: the value at `path` is truthy (Helm's truthiness), or, when this
 * file does not set it, the chart's default is. Values files are merged over the chart's own values.yaml, so an
 * absent value means the chart's default.
 */
export interface ValuesTest {
  path: ValuesPath;
  /** Whether the chart's own values.yaml makes it truthy. */
  chartDefault: boolean;
}

/** A chart condition: every test holds (the templates' `and`). An empty list always holds. */
export type ValuesCondition = readonly ValuesTest[];

const on = (path: ValuesPath): ValuesTest => ({ path, chartDefault: true });
const off = (path: ValuesPath): ValuesTest => ({ path, chartDefault: false });

/** A TLS `secretName`: the secret must hold `tls.crt` and `tls.key` (PH006). */
export interface TlsSecretFact {
  path: ValuesPath;
  role: string;
  /** When the chart mounts (or names) the secret at all; otherwise the value is never read. */
  usedWhen: ValuesCondition;
  /** When the chart creates the secret itself, under this name, from other values (`newSecret`). */
  createdWhen?: ValuesCondition;
  lines: readonly ChartLine[];
  pods: string[];
}

export const TLS_KEYS: readonly string[] = [TLS_CERT_KEY, TLS_PRIVATE_KEY];

/*
 * The conditions are the templates' own (pachyderm/pachyderm etc/helm/pachyderm/templates/…):
 * pachd/deployment.yaml mounts `pachd.tls.secretName` inside `if .Values.pachd.enabled` and
 * `if .Values.pachd.tls.enabled`; pachd/tls-secret.yaml creates it under
 * `and .Values.pachd.enabled .Values.pachd.tls.enabled .Values.pachd.tls.newSecret.create`.
 * ingress/ingress.yaml and ingress/ingress-via-proxy.yaml name `ingress.tls.secretName` when `ingress.enabled`
 * and `ingress.tls.enabled`; ingress/tls-secret.yaml creates it under `console.enabled` and
 * `and .Values.ingress.tls.enabled .Values.ingress.tls.newSecret.create`.
 * proxy/deployment.yaml mounts `proxy.tls.secretName` inside `if .Values.proxy.enabled` and
 * `if .Values.proxy.tls.enabled`; proxy/pachyderm-proxy-tls.secret.yaml creates it when both
 * `proxy.tls.secret.cert` and `proxy.tls.secret.key` are set, whatever `enabled` says.
 * enterprise-server/deployment.yaml mounts `enterpriseServer.tls.secretName` inside
 * `if .Values.enterpriseServer.enabled` and `if .Values.enterpriseServer.tls.enabled`; enterprise-server/tls-secret.yaml creates it under
 * `and .Values.enterpriseServer.tls.enabled .Values.enterpriseServer.tls.newSecret.create`.
 * Chart defaults (values.yaml): pachd, console and proxy enabled; ingress, enterpriseServer and every `tls.enabled`
 * off.
 */
export const TLS_SECRET_FACTS: readonly TlsSecretFact[] = [
  {
    path: 'pachd.tls.secretName',
    role: 'pachd TLS',
    usedWhen: [on('pachd.enabled'), off('pachd.tls.enabled')],
    createdWhen: [on('pachd.enabled'), off('pachd.tls.enabled'), off('pachd.tls.newSecret.create')],
    lines: ALL_LINES,
    pods: ['pachd', 'pachw', 'pipeline workers'],
  },
  {
    path: 'ingress.tls.secretName',
    role: 'ingress TLS',
    usedWhen: [off('ingress.enabled'), off('ingress.tls.enabled')],
    createdWhen: [on('console.enabled'), off('ingress.tls.enabled'), off('ingress.tls.newSecret.create')],
    lines: ALL_LINES,
    pods: ['ingress'],
  },
  {
    path: 'proxy.tls.secretName',
    role: 'proxy TLS',
    usedWhen: [on('proxy.enabled'), off('proxy.tls.enabled')],
    createdWhen: [off('proxy.tls.secret.cert'), off('proxy.tls.secret.key')],
    lines: ALL_LINES,
    pods: ['pachyderm-proxy (Envoy)', 'console'],
  },
  {
    path: 'enterpriseServer.tls.secretName',
    role: 'Enterprise server TLS',
    usedWhen: [off('enterpriseServer.enabled'), off('enterpriseServer.tls.enabled')],
    createdWhen: [off('enterpriseServer.tls.enabled'), off('enterpriseServer.tls.newSecret.create')],
    lines: ['2.11'],
    pods: ['enterprise-server'],
  },
  // pgbouncer/deployment.yaml mounts it whenever it is set.
  {
    path: 'global.postgresql.postgresqlSSLSecret',
    role: 'PostgreSQL client TLS',
    usedWhen: [],
    lines: ALL_LINES,
    pods: ['pgbouncer'],
  },
];

/** `global.imagePullSecrets`: a list of registry credential names used by every chart pod and pipeline workers. */
export const IMAGE_PULL_SECRETS_PATH: ValuesPath = 'global.imagePullSecrets';
export const IMAGE_PULL_SECRETS_PODS = ['pachd', 'pachw', 'etcd', 'pgbouncer', 'console', 'proxy', 'pipeline workers'];

/** Plain credentials with no SecretName option: the chart always renders them into its own secret. */
export interface PlainOnlyCredential {
  path: ValuesPath;
  /** Where the chart puts it. */
  secret: string;
}

export const STORAGE_SECRET = 'pachyderm-storage-secret';
export const PLAIN_ONLY_CREDENTIALS: readonly PlainOnlyCredential[] = [
  'pachd.storage.amazon.secret',
  'pachd.storage.amazon.token',
  'pachd.storage.google.cred',
  'pachd.storage.microsoft.secret',
  'pachd.storage.minio.secret',
].map((path) => ({ path, secret: STORAGE_SECRET }));

/** Secrets the chart creates or reads under fixed names: the tree marks them "platform". */
export interface PlatformSecretFact {
  name: string;
  role: string;
  /** The keys the chart writes or reads there. */
  keys: string[];
}

export const PLATFORM_SECRETS: readonly PlatformSecretFact[] = [
  {
    name: 'pachyderm-auth',
    role: 'auth (root token, OAuth secret, auth config)',
    keys: ['root-token', 'pachd-oauth-client-secret', 'auth-config', 'cluster-role-bindings'],
  },
  { name: 'postgres', role: 'PostgreSQL password', keys: ['postgresql-password', 'postgresql-postgres-password'] },
  { name: 'pachyderm-identity', role: 'upstream identity providers', keys: ['upstream-idps'] },
  { name: 'pachyderm-identity-extras', role: 'additional OIDC clients', keys: ['additional-oidc-clients'] },
  { name: 'pachyderm-license', role: 'Enterprise license key (2.11)', keys: ['enterprise-license-key'] },
  { name: 'pachyderm-enterprise', role: 'Enterprise secret (2.11)', keys: ['enterprise-secret'] },
  { name: 'pachyderm-console-secret', role: 'Console OAuth client secret', keys: ['OAUTH_CLIENT_SECRET'] },
  { name: STORAGE_SECRET, role: 'object storage credentials', keys: [] },
  { name: 'pachyderm-deployment-id-secret', role: 'cluster deployment ID', keys: ['CLUSTER_DEPLOYMENT_ID'] },
  { name: 'pg-ca-cert', role: 'PostgreSQL CA certificate', keys: ['ca.crt'] },
  { name: 'det-oidc-client-secret', role: 'Determined OIDC client secret', keys: ['oidc-client-secret'] },
];

export function platformSecret(name: string): PlatformSecretFact | undefined {
  return PLATFORM_SECRETS.find((p) => p.name === name);
}

export function secretNameFact(path: ValuesPath): SecretNameFact | undefined {
  return SECRET_NAME_FACTS.find((f) => f.path === path);
}

export function tlsSecretFact(path: ValuesPath): TlsSecretFact | undefined {
  return TLS_SECRET_FACTS.find((f) => f.path === path);
}

/** The SecretName facts a user can create a secret for (a known key and a plain alternative to replace). */
export function creatableRoles(): SecretNameFact[] {
  return SECRET_NAME_FACTS.filter((f) => f.key && !f.mishandled && f.plainPath);
}

/** A name for a new secret holding one platform credential: `pachd-root-token`, `console-oauth-client-secret`. */
export function suggestedSecretName(fact: SecretNameFact): string {
  const key = (fact.key ?? fact.path.split('.').pop()!).toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  const top = fact.path.split('.')[0];
  const prefix = top === 'pachd' || top === 'console' ? top : 'pachyderm';
  return key.startsWith(`${prefix}-`) ? key : `${prefix}-${key}`;
}
