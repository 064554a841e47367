/**
 * A local Kubernetes API server for tests, the demo and the benchmarks (never shipped in the VSIX). It speaks
 * enough of the real protocol that the real `kubectl` and `@kubernetes/client-node` work against it unchanged:
 * HTTPS with a CA generated at start, bearer tokens and client certificates, RBAC, namespaces, and Secrets with
 * create/get/list/update/patch/delete, selectors, paging, watch with resourceVersion and 410 expiry, dry run and the
 * API's validation.
 *
 * Authentication is kube-apiserver's: the server asks for (but does not require) a client certificate; one that
 * verifies against the cluster CA makes the caller its subject CN with its O fields as groups (`system:masters` may
 * do anything), any other certificate authenticates nobody, and otherwise the bearer token decides; no identity
 * gives 401. The kubeconfig has contexts `local` (admin, token), `local-forbidden` (token, may not touch secrets)
 * and `local-cert` (user `cert-admin`, who may do anything, with `client-certificate-data`/`client-key-data`).
 *
 * In-process:
 *   const cluster = await startLocalCluster({ seed, port, users, kubeconfigPath });
 *   cluster.url, cluster.caPem, cluster.token (admin), cluster.restrictedToken, cluster.kubeconfig (YAML text)
 *   cluster.issueClientCertificate('someone', ['system:masters'])   a key pair signed by the cluster CA
 *   cluster.store            direct reads and writes (store.create/update/delete/get/list; upsertSecret())
 *   cluster.faults.delayMs = 500                        every API response waits 500 ms
 *   cluster.faults.fail(500, 2) / fail(503, 'all', { verb: 'list' })   next N (or all) matching requests fail
 *   cluster.faults.clear()                              no delay, no failures
 *   await cluster.faults.down() / up()                  refuse connections / listen again on the same port
 *   cluster.faults.cutWatches()                         drop open watch connections mid-stream
 *   cluster.faults.expireResourceVersions()             older watch resourceVersions and continue tokens give 410
 *   cluster.faults.endless = 'continue' | 'body' | 'watch-line'   secret lists/watches that never end (endless.ts)
 *   cluster.faults.fail(502, 1, { message, raw: true })  a text/plain error body, as a proxy in front would send
 *   await cluster.stop()
 *
 * From another process, the same through the admin endpoint (plain HTTP on `adminUrl`, which stays up while the
 * API is down; also under `/__local` on the API port), with `Authorization: Bearer <adminToken>`. `adminUrl` and
 * `adminToken` are in `local-cluster.json` beside the kubeconfig; adminClient.ts wraps these routes:
 *   GET    /__local/state                      url, up, resourceVersion, open watches, faults
 *   POST   /__local/faults  {delayMs?, fail?: {status, count?: n | "all", verb?, path?, message?, raw?},
 *                             endless?: "continue" | "body" | "watch-line" | null}
 *   DELETE /__local/faults                     clear delay, failures and endless answers
 *   POST   /__local/down | /__local/up | /__local/cut-watches | /__local/expire
 *   GET    /__local/secrets[?namespace=ns]     the stored secrets (test use only: values included)
 *   POST   /__local/secrets  <Secret JSON>     create or replace (namespace from metadata, default `default`)
 *   DELETE /__local/secrets/{ns}/{name}
 *   PUT    /__local/users  {name, rules: [{verbs, resources, namespaces, resourceNames?}]}   add a token user
 *                                               (or replace its rules); answers {name, token} for a kubeconfig
 *   POST   /__local/pipelines  {namespace?, pipelines: [{spec, version?, replicas?, legacyLabels?,
 *                             platformSecrets?, privateImage?}]}   pachd's worker RCs and their pods (workloads.ts);
 *                                               answers {replicationControllers, pods} (names)
 *   DELETE /__local/pipelines/{ns}/{rc}        the RC and its pods
 *   PUT    /__local/pods/{ns}/{name}/failure  {reason, message?, container?}   force a failure (ErrImagePull,
 *                                               Unschedulable, …); DELETE clears it
 *
 * In-process, `cluster.workloads.deploy(namespace, pipelines)`, `.remove(…)` and `.setFailure(…)` do the same.
 */
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { createServer as createHttpServer, type RequestListener } from 'node:http';
import type { Socket } from 'node:net';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  generateCertificates,
  issueClientCertificate,
  type CertificateAuthority,
  type KeyPair,
  type ServerCertificates,
} from './certs';
import type { ClusterStore } from './store';
import type { Workloads } from './workloads';
import { Faults, type FaultHooks } from './faults';
import { closeServer, listen, trackSockets } from './serverSockets';
import { createApiHandler } from './api';
import { createAdminHandler } from './admin';
import { initialState } from './seed';
import { defaultUsers, newToken, RESTRICTED_USER, type LocalUser } from './rbac';
import { kubeconfigYaml } from './kubeconfig';
import type { OpenWatch } from './watch';
import type { K8sObject } from './objects';
import type { PipelinesAtStart } from './seed';
import { ADMIN_FILE } from './adminFile';

export type { LocalUser, RbacRule } from './rbac';
export type { K8sObject } from './objects';
export { ClusterStore } from './store';
export { Workloads, type DeployResult } from './workloads';
export type { PipelineDeployment } from './pachdWorkers';
export type { PodFailure } from './kubelet';
export { Faults } from './faults';
export { upsertSecret } from './admin';
export { CONTEXT, FORBIDDEN_CONTEXT, CERT_CONTEXT, withContexts, withTokenUser, type ExtraContext } from './kubeconfig';
export { CERT_USER, SUPERUSER_GROUP } from './rbac';
export {
  generateCertificateAuthority,
  issueClientCertificate,
  type CertificateAuthority,
  type KeyPair,
  type ServerCertificates,
} from './certs';
export { ADMIN_FILE } from './adminFile';
export { LocalClusterAdmin, type AdminState } from './adminClient';

export interface LocalClusterOptions {
  /** A `List` (or `SecretList`) of Secrets, or the path of a JSON file holding one; their namespaces are created. */
  seed?: K8sObject | string;
  /** 0 (default): a free port. */
  port?: number;
  /**
   * Default: an admin (`kubernetes-admin`), a user who may not touch secrets (`restricted`) and an admin who signs in
   * with a client certificate (`cert-admin`). The first user is the admin and needs a token.
   */
  users?: LocalUser[];
  /** When given, the kubeconfig is written here and `local-cluster.json` (admin URL and token) beside it. */
  kubeconfigPath?: string;
  /** Pipelines to deploy at start (workloads.ts), or the path of a JSON file `{namespace?, pipelines: […]}`. */
  pipelines?: PipelinesAtStart;
  /** How many events a watch can resume from (default 1000). */
  historyLimit?: number;
  /** How often watches that allow bookmarks get one (default 5000 ms). */
  bookmarkIntervalMs?: number;
}

export interface LocalCluster {
  url: string;
  port: number;
  caPem: string;
  /** The admin user's token. */
  token: string;
  /** The token of the user RBAC forbids to touch secrets, when the default users are used. */
  restrictedToken?: string;
  /**
   * A key pair signed by the cluster CA for any user and groups (subject CN and O), e.g. to sign in as someone RBAC
   * does not know.
   */
  issueClientCertificate(user: string, groups?: string[]): KeyPair;
  users: LocalUser[];
  /** The kubeconfig YAML (also written to `kubeconfigPath` when asked). */
  kubeconfig: string;
  kubeconfigPath?: string;
  adminUrl: string;
  adminToken: string;
  store: ClusterStore;
  /** Deployed pipelines: pachd's worker RCs, their pods and the kubelet's view of them. */
  workloads: Workloads;
  faults: Faults;
  stop(): Promise<void>;
}

/** Other processes poll for these files: they must never see one half-written. */
function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, file);
}

/** The API server's listener, which the down/up faults close and reopen on the same port. */
interface ApiListener {
  server: HttpsServer;
  sockets: Set<Socket>;
  port: number;
  up: boolean;
}

/** What the fault controls do to the running server: close or reopen the API port, cut watches, expire history. */
function faultHooks(api: ApiListener, watches: Set<OpenWatch>, store: ClusterStore): FaultHooks {
  return {
    down: async () => {
      api.up = false;
      await closeServer(api.server, api.sockets);
    },
    up: async () => {
      if (api.up) return;
      await listen(api.server, api.port);
      api.up = true;
    },
    cutWatches: () => {
      const open = [...watches];
      for (const w of open) w.cut();
      return open.length;
    },
    expireResourceVersions: () => {
      store.compact();
      return store.resourceVersion;
    },
    isUp: () => api.up,
  };
}

/** A client certificate for each user who signs in with one (CN = name, O = its groups). */
function clientCertificatesOf(certs: CertificateAuthority, users: LocalUser[]): Map<string, KeyPair> {
  return new Map(
    users
      .filter((u) => u.certificate)
      .map((u) => [u.name, issueClientCertificate(certs, u.name, u.certificate?.groups)]),
  );
}

/** The HTTPS server of the API port, which also serves the admin routes under `/__local/`. */
function createApiServer(
  certs: ServerCertificates,
  adminHandler: RequestListener,
  apiHandler: RequestListener,
): HttpsServer {
  // Asked for, not required: token users send none, and an unverified one is judged per request
  // (authentication.ts).
  const tls = { key: certs.keyPem, cert: certs.certPem, ca: certs.caPem, requestCert: true, rejectUnauthorized: false };
  return createHttpsServer(tls, (req, res) => {
    if ((req.url ?? '').startsWith('/__local/')) adminHandler(req, res);
    else apiHandler(req, res);
  });
}

function checkUsers(users: LocalUser[]): void {
  if (!users[0]?.token) throw new Error('the first user is the admin and needs a token');
  const noCredential = users.find((u) => !u.token && !u.certificate);
  if (noCredential) throw new Error(`user "${noCredential.name}" needs a token or a client certificate`);
}

/** The kubeconfig and, beside it, the admin file other processes read to find the admin endpoint. */
function writeClusterFiles(kubeconfigPath: string, kubeconfig: string, admin: Record<string, unknown>): void {
  mkdirSync(dirname(kubeconfigPath), { recursive: true });
  writeAtomically(kubeconfigPath, kubeconfig);
  writeAtomically(join(dirname(kubeconfigPath), ADMIN_FILE), `${JSON.stringify(admin, null, 2)}\n`);
}

export async function startLocalCluster(options: LocalClusterOptions = {}): Promise<LocalCluster> {
  const certs = generateCertificates();
  const state = initialState(options);
  const { store, workloads } = state;
  const users = options.users ?? defaultUsers();
  checkUsers(users);
  const adminToken = newToken();
  const watches = new Set<OpenWatch>();

  // The server and sockets are assigned below; the hooks only run after start.
  const api = { port: options.port ?? 0, up: false } as ApiListener;
  const faults = new Faults(faultHooks(api, watches, store));

  const info = (): Record<string, unknown> => ({ url, adminUrl, up: api.up });
  const openWatches = (): number => watches.size;
  const adminHandler = createAdminHandler({ ...state, faults, adminToken, users, openWatches, info });
  const apiHandler = createApiHandler({
    store,
    faults,
    users,
    watches,
    bookmarkIntervalMs: options.bookmarkIntervalMs ?? 5000,
    serverAddress: () => `127.0.0.1:${api.port}`,
  });
  api.server = createApiServer(certs, adminHandler, apiHandler);
  api.sockets = trackSockets(api.server);
  api.port = await listen(api.server, api.port);
  api.up = true;
  const admin = createHttpServer(adminHandler);
  const adminSockets = trackSockets(admin);
  const adminPort = await listen(admin, 0);

  const url = `https://127.0.0.1:${api.port}`;
  const adminUrl = `http://127.0.0.1:${adminPort}`;
  const kubeconfig = kubeconfigYaml(url, certs.caPem, users, clientCertificatesOf(certs, users));
  if (options.kubeconfigPath)
    writeClusterFiles(options.kubeconfigPath, kubeconfig, { url, adminUrl, adminToken, pid: process.pid });

  return {
    url,
    port: api.port,
    caPem: certs.caPem,
    token: users[0].token!, // checkUsers made sure the admin has one
    issueClientCertificate: (user, groups) => issueClientCertificate(certs, user, groups),
    restrictedToken: users.find((u) => u.name === RESTRICTED_USER)?.token,
    users,
    kubeconfig,
    kubeconfigPath: options.kubeconfigPath,
    adminUrl,
    adminToken,
    store,
    workloads,
    faults,
    stop: async () => {
      api.up = false;
      await Promise.all([closeServer(api.server, api.sockets), closeServer(admin, adminSockets)]);
    },
  };
}
