/**
 * Helpers for extension-host tests: they run inside a real VS Code 1.100 (code-server) with the real `vscode` API,
 * the extension loaded from this repository (dist/), its language server as a child process, and a local
 * Kubernetes API server seeded with test/vscode/fixtures/cluster-seed.json.
 *
 * HOW TO WRITE A TEST (read this first)
 * - Put `<behaviour>.test.ts` under test/vscode/ (sub-folders are fine). Use mocha's TDD UI: `suite`, `test`,
 *   `suiteSetup`, `teardown` (globals; no import needed). Run: `npm test -- vscode` (builds, compiles, starts
 *   everything). Only your files: `PACHYDERM_VSCODE_GREP='<suite or test title regex>' npm test -- vscode`.
 * - Start each suite with `suiteSetup(() => activateExtension())`.
 * - The workspace is a throw-away copy of test/vscode/fixtures/workspace/ (edit and save freely; add fixtures
 *   there). `fixtureUri('specs/broken.pipeline.json')`, `openFixture(...)` open them. Its `.vscode/settings.json`
 *   points `pachyderm.kubeconfig` at the local cluster. Change settings with `setSetting()`; it is undone after the
 *   test that made it (a root hook in index.ts calls `restoreSettings()`).
 * - Never sleep. Wait on real signals: `waitForDiagnostics(uri, predicate)`, `waitForEvent(event, predicate)`, or
 *   `waitFor(() => condition)` (polls with an overall timeout and reports what it last saw).
 * - Run contributed commands with `runCommand('pachyderm.x', ...args)`: it records the command as exercised. A
 *   command exercised some other way (a code action, a tree item's `command`) is declared with
 *   `coversCommand('pachyderm.x')` inside the test that does it. commands-coverage.test.ts runs last and fails for
 *   every command in package.json that no test exercised.
 * - Prompts: wizards and confirmations call `window.showQuickPick` / `showInputBox` / `showWarningMessage`, which
 *   a test cannot click. `answerPrompts([...])` scripts the answers for the calls the extension makes next (the test
 *   and the extension share one `vscode` API object) and records each prompt so you can assert on it. For a
 *   `createQuickPick`/`createInputBox` UI, `nextQuickInput()` hands you the live instance: set `.value` or
 *   `.selectedItems`, then `acceptQuickInput()` presses Enter in the real workbench.
 * - The cluster: `cluster.createSecret(...)`, `cluster.deleteSecret(...)`, `cluster.listSecrets(...)` go through the
 *   local API server's Kubernetes REST API as a client would; `cluster.admin(method, path, body)` calls its
 *   admin endpoint (faults: delay, fail N requests, down/up, cut watches, expire resourceVersions; see
 *   tools/local-cluster/index.ts) and `cluster.heal()` undoes them. The kubeconfig has contexts `local` (admin),
 *   `local-forbidden` (may not touch secrets) and `local-cert` (admin by client certificate). `testEnv()` has the raw
 *   facts (kubeconfig path, server URL, token, admin URL and token), read from the JSON file named by the env var
 *   PACHYDERM_TEST_ENV (written by run-suite.mjs). The cluster is shared by the whole run: clean up the secrets you
 *   create.
 * - Untrusted workspace: files named `*.untrusted.test.ts` run only in a second, short run in restricted mode
 *   (`vscode.workspace.isTrusted === false`); every other file runs only in the trusted run.
 * - The language server: `waitForLanguageServer()` resolves once it has answered (a diagnostic that needs no
 *   cluster) and returns its PID; `ownDiagnostics(uri)` keeps only ours (source `pachyderm`).
 * - A failed run leaves test-results/extension-host-failure.png and code-server's log beside it.
 * - Secret values in fixtures are dummies; still never print one in a test message.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  publisher: string;
  name: string;
  contributes?: { commands?: { command: string }[] };
};
export const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;
export const DEFAULT_TIMEOUT_MS = 20_000;

// ---------------------------------------------------------------------------------------------------------------
// The run's environment

export interface TestEnv {
  /** Absolute path of the opened workspace folder (a temp copy of test/vscode/fixtures/workspace). */
  workspace: string;
  /** The kubeconfig that `.vscode/settings.json` points `pachyderm.kubeconfig` at. */
  kubeconfig: string;
  /** Whether the workspace is trusted in this run (run-suite.mjs has a second, untrusted run). */
  trusted: boolean;
  cluster?: {
    /** https://127.0.0.1:PORT, the Kubernetes API. */
    server: string;
    token: string;
    /** PEM of the CA that signed the server's certificate. */
    caPem: string;
    /** Plain-HTTP base URL of the local cluster's test-only admin endpoint (stays up while the API is "down"). */
    adminUrl: string;
    adminToken: string;
    /**
     * The kubeconfig's current context (`local`) namespace. `local-forbidden` may not touch secrets; `local-cert` signs
     * in by client certificate.
     */
    namespace: string;
  };
}

let cachedEnv: TestEnv | undefined;
export function testEnv(): TestEnv {
  if (cachedEnv) return cachedEnv;
  const file = process.env.PACHYDERM_TEST_ENV;
  if (!file) throw new Error('PACHYDERM_TEST_ENV is not set: run the suite with `npm test -- vscode`');
  cachedEnv = JSON.parse(fs.readFileSync(file, 'utf8')) as TestEnv;
  return cachedEnv;
}

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return folder;
}

export function fixtureUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...relativePath.split('/'));
}

/** Opens a workspace file in an editor and returns the editor. */
export async function openFixture(relativePath: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(relativePath));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Creates (or overwrites) a file in the workspace and opens it. Handy for one-off specs. */
export async function writeFixture(relativePath: string, text: string): Promise<vscode.TextEditor> {
  const uri = fixtureUri(relativePath);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  return openFixture(relativePath);
}

// ---------------------------------------------------------------------------------------------------------------
// The extension

/** Activates the extension (idempotent) and returns its exports. */
export async function activateExtension<T = unknown>(): Promise<T> {
  const ext = vscode.extensions.getExtension<T>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded in this VS Code`);
  return ext.isActive ? ext.exports : ext.activate();
}

/**
 * PIDs of the language server processes (node running dist/server.js) that this extension host started.
 * Tests run inside the extension host, so the server is a direct child of this process.
 */
export function languageServerPids(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Field 4 (after the parenthesised command, which may contain spaces) is the parent PID.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (cmdline.some((a) => a.endsWith(path.join('dist', 'server.js')))) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

/**
 * Waits until the language server really works: it answers a spec with a diagnostic that needs no cluster (an
 * entry without a name) in an untitled document, and its process is a child of this extension host. Returns its
 * PID. A server that crashes on start never gets that far, however often the client restarts it.
 */
export async function waitForLanguageServer(options: WaitOptions = {}): Promise<number> {
  const doc = await vscode.workspace.openTextDocument({
    language: 'json',
    content:
      '{ "pipeline": { "name": "server-probe" }, "transform": { ' +
      '"image": "alpine", "secrets": [ { "mountPath": "/s" } ] } }\n',
  });
  await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => d.source === 'pachyderm'), {
    what: "the language server's first diagnostic",
    ...options,
  });
  const pids = languageServerPids();
  if (pids.length !== 1)
    throw new Error(`expected one language server process under the extension host, found ${JSON.stringify(pids)}`);
  return pids[0];
}

// ---------------------------------------------------------------------------------------------------------------
// Waiting on real signals

export interface WaitOptions {
  timeoutMs?: number;
  /** What is being waited for, for the timeout message. */
  what?: string;
}

/**
 * Polls `condition` until it returns a truthy value (returned) or the timeout passes (throws, with the last value or
 * error seen). Polling with an overall timeout is the fallback when no event signals the change.
 */
export async function waitFor<T>(
  condition: () => T | Promise<T>,
  options: WaitOptions & { intervalMs?: number } = {},
): Promise<NonNullable<T>> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      const seen = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${options.what ?? 'a condition'} (last seen: ${seen})`,
      );
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 100));
  }
}

/** Resolves with the first event that matches `predicate`; rejects after the timeout. */
export function waitForEvent<E>(
  event: vscode.Event<E>,
  predicate: (e: E) => boolean = () => true,
  options: WaitOptions = {},
): Promise<E> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise<E>((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${options.what ?? 'an event'}`));
    }, timeoutMs);
    const sub = event((e) => {
      if (!predicate(e)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(e);
    });
  });
}

/**
 * Waits until the diagnostics of `uri` satisfy `predicate` (checked now, then on every
 * `languages.onDidChangeDiagnostics` for that URI) and returns them. On timeout the error lists what was there.
 * Example: `await waitForDiagnostics(uri, (ds) => ds.some((d) => d.code === 'PS001'))`.
 */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  options: WaitOptions = {},
): Promise<vscode.Diagnostic[]> {
  const key = uri.toString();
  const current = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri);
  if (predicate(current())) return current();
  try {
    await waitForEvent(
      vscode.languages.onDidChangeDiagnostics,
      (e) => e.uris.some((u) => u.toString() === key) && predicate(current()),
      options,
    );
  } catch (err) {
    const seen = current().map(
      (d) => `${d.code ?? ''} ${d.message} @${d.range.start.line + 1}:${d.range.start.character + 1}`,
    );
    throw new Error(
      `${(err as Error).message} on ${path.basename(uri.path)}; diagnostics now: ${JSON.stringify(seen)}`,
    );
  }
  return current();
}

/** Only this extension's diagnostics (source set by the language server), not the built-in JSON/YAML ones. */
export function ownDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === undefined || /pachyderm/i.test(d.source));
}

// ---------------------------------------------------------------------------------------------------------------
// Commands and their coverage

const exercised = new Map<string, string[]>();
let currentTest = '(outside a test)';
/** Called by index.ts's root hooks so coverage records say which test exercised a command. */
export function setCurrentTest(title: string): void {
  currentTest = title;
}

/**
 * Declares that the running test exercises `commandId` in a way `runCommand` cannot see (code action, tree click, UI).
 */
export function coversCommand(...commandIds: string[]): void {
  for (const id of commandIds) exercised.set(id, [...(exercised.get(id) ?? []), currentTest]);
}

/** Runs a command through the real command service and records it as exercised. */
export async function runCommand<T = unknown>(commandId: string, ...args: unknown[]): Promise<T> {
  coversCommand(commandId);
  return vscode.commands.executeCommand<T>(commandId, ...args);
}

export function exercisedCommands(): ReadonlyMap<string, string[]> {
  return exercised;
}

export function contributedCommands(): string[] {
  return (manifest.contributes?.commands ?? []).map((c) => c.command);
}

// ---------------------------------------------------------------------------------------------------------------
// Settings

const touched: { section: string; key: string; target: vscode.ConfigurationTarget; before: unknown }[] = [];

/**
 * Sets `section.key` (e.g. `setSetting('pachyderm.namespace', 'team-b')`) in the workspace settings by default,
 * and resolves once VS Code reports the change. Undone by `restoreSettings()` after the test.
 */
export async function setSetting(
  fullKey: string,
  value: unknown,
  target: vscode.ConfigurationTarget = vscode.ConfigurationTarget.Workspace,
): Promise<void> {
  const dot = fullKey.lastIndexOf('.');
  const section = fullKey.slice(0, dot);
  const key = fullKey.slice(dot + 1);
  const config = vscode.workspace.getConfiguration(section);
  const inspected = config.inspect(key);
  const before =
    target === vscode.ConfigurationTarget.Global
      ? inspected?.globalValue
      : target === vscode.ConfigurationTarget.WorkspaceFolder
        ? inspected?.workspaceFolderValue
        : inspected?.workspaceValue;
  touched.push({ section, key, target, before });
  const changed = waitForEvent(vscode.workspace.onDidChangeConfiguration, (e) => e.affectsConfiguration(fullKey), {
    what: `the configuration change of ${fullKey}`,
  });
  await config.update(key, value, target);
  await changed.catch(() => undefined); // an update to the value it already had fires no event
}

export async function restoreSettings(): Promise<void> {
  while (touched.length) {
    const t = touched.pop()!;
    await vscode.workspace.getConfiguration(t.section).update(t.key, t.before, t.target);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Prompts

export interface PromptRecord {
  kind: 'showQuickPick' | 'showInputBox' | 'showWarningMessage' | 'showInformationMessage' | 'showErrorMessage';
  /** Placeholder, prompt or message text. */
  text: string;
  /** The item labels offered (quick picks, message buttons). */
  items: string[];
}

/**
 * An answer for the next prompt: a label (or predicate on the item) to pick, the text to type into an input box,
 * `undefined` to cancel (Escape). A function answer gets the prompt and returns the value to resolve with.
 */
export type PromptAnswer = string | undefined | ((prompt: PromptRecord, items: readonly unknown[]) => unknown);

type Win = typeof vscode.window;
const promptKinds = [
  'showQuickPick',
  'showInputBox',
  'showWarningMessage',
  'showInformationMessage',
  'showErrorMessage',
] as const;

function labelOf(item: unknown): string {
  if (typeof item === 'string') return item;
  if (item && typeof item === 'object' && 'label' in item) return String((item as { label: unknown }).label);
  if (item && typeof item === 'object' && 'title' in item) return String((item as { title: unknown }).title);
  return String(item);
}

/**
 * Scripts the answers to the next prompts the extension shows. Returns the records of the prompts shown and
 * `done()`, which restores the real window functions and fails if answers were left over. Information and error
 * messages without buttons are only recorded (they do not consume an answer).
 */
export function answerPrompts(answers: PromptAnswer[]): { prompts: PromptRecord[]; done: () => void } {
  const win = vscode.window as unknown as Record<string, unknown>;
  const originals = new Map(promptKinds.map((k) => [k, win[k]]));
  const queue = [...answers];
  const prompts: PromptRecord[] = [];
  const restore = (): void => {
    for (const [k, f] of originals) win[k] = f;
  };

  win.showQuickPick = async (items: unknown, options?: vscode.QuickPickOptions & { canPickMany?: boolean }) => {
    const list = (await items) as unknown[];
    const record: PromptRecord = {
      kind: 'showQuickPick',
      text: options?.placeHolder ?? options?.title ?? '',
      items: list.map(labelOf),
    };
    prompts.push(record);
    if (!queue.length)
      throw new Error(`unscripted quick pick "${record.text}" offering ${JSON.stringify(record.items)}`);
    const answer = queue.shift();
    if (typeof answer === 'function') return answer(record, list);
    if (answer === undefined) return undefined;
    const picked = list.find((i) => labelOf(i) === answer);
    if (picked === undefined)
      throw new Error(`quick pick "${record.text}" has no item "${answer}"; it offers ${JSON.stringify(record.items)}`);
    return options?.canPickMany ? [picked] : picked;
  };
  win.showInputBox = async (options?: vscode.InputBoxOptions) => {
    const record: PromptRecord = {
      kind: 'showInputBox',
      text: options?.prompt ?? options?.placeHolder ?? options?.title ?? '',
      items: [],
    };
    prompts.push(record);
    if (!queue.length) throw new Error(`unscripted input box "${record.text}"`);
    const answer = queue.shift();
    const value = typeof answer === 'function' ? answer(record, []) : answer;
    // Run the extension's own validation, as the real input box would, so a test cannot feed what a user could not.
    if (typeof value === 'string' && options?.validateInput) {
      const problem = await options.validateInput(value);
      const message = typeof problem === 'string' ? problem : problem?.message;
      if (message) throw new Error(`input box "${record.text}" rejects ${JSON.stringify(value)}: ${message}`);
    }
    return value;
  };
  for (const kind of ['showWarningMessage', 'showInformationMessage', 'showErrorMessage'] as const) {
    const original = originals.get(kind) as Win[typeof kind];
    win[kind] = async (message: string, ...rest: unknown[]) => {
      const buttons = rest.filter((r) => typeof r === 'string' || (r && typeof r === 'object' && 'title' in r));
      const record: PromptRecord = { kind, text: message, items: buttons.map(labelOf) };
      prompts.push(record);
      if (!buttons.length) return (original as (...a: unknown[]) => unknown).call(vscode.window, message, ...rest);
      if (!queue.length)
        throw new Error(`unscripted ${kind} "${message}" with buttons ${JSON.stringify(record.items)}`);
      const answer = queue.shift();
      if (typeof answer === 'function') return answer(record, buttons);
      if (answer === undefined) return undefined;
      const picked = buttons.find((b) => labelOf(b) === answer);
      if (picked === undefined)
        throw new Error(`${kind} "${message}" has no button "${answer}"; it offers ${JSON.stringify(record.items)}`);
      return picked;
    };
  }
  return {
    prompts,
    done: () => {
      restore();
      if (queue.length)
        throw new Error(
          `${queue.length} scripted answer(s) were never asked for; prompts shown: ${JSON.stringify(prompts)}`,
        );
    },
  };
}

/**
 * Resolves with the next QuickPick or InputBox the extension creates through `createQuickPick`/`createInputBox`,
 * once it is shown. Drive it like a user: set `.value` / `.selectedItems`, then `acceptQuickInput()`.
 */
export function nextQuickInput<T extends vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox>(
  options: WaitOptions = {},
): Promise<T> {
  const win = vscode.window as unknown as Record<string, (...a: unknown[]) => unknown>;
  const originals = { createQuickPick: win.createQuickPick, createInputBox: win.createInputBox };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise<T>((resolve, reject) => {
    const restore = (): void => {
      win.createQuickPick = originals.createQuickPick;
      win.createInputBox = originals.createInputBox;
    };
    const timer = setTimeout(() => {
      restore();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${options.what ?? 'a quick input to be shown'}`));
    }, timeoutMs);
    for (const name of ['createQuickPick', 'createInputBox'] as const) {
      win[name] = (...a: unknown[]) => {
        restore();
        const input = originals[name].apply(vscode.window, a) as T;
        const show = input.show.bind(input);
        input.show = () => {
          show();
          clearTimeout(timer);
          resolve(input);
        };
        return input;
      };
    }
  });
}

/** Presses Enter in the workbench's active quick input (QuickPick or InputBox). */
export async function acceptQuickInput(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

// ---------------------------------------------------------------------------------------------------------------
// The local Kubernetes API server

export interface SecretInput {
  name: string;
  namespace?: string;
  type?: string;
  labels?: Record<string, string>;
  /** Plain-text values; base64-encoded on the way. */
  stringData?: Record<string, string>;
}

interface HttpResult {
  status: number;
  body: unknown;
}

function localCluster(): NonNullable<TestEnv['cluster']> {
  const c = testEnv().cluster;
  if (!c) throw new Error('this run has no local cluster (testEnv().cluster is missing)');
  return c;
}

function request(base: string, token: string, method: string, urlPath: string, body?: unknown): Promise<HttpResult> {
  const url = new URL(urlPath, base);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = (url.protocol === 'https:' ? https : http).request(
      url,
      {
        method,
        ca: localCluster().caPem,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
        },
        timeout: 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            // not JSON; keep the text
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${url} timed out`)));
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

function expectOk(what: string, r: HttpResult): unknown {
  if (r.status < 200 || r.status >= 300) {
    const message = (r.body as { message?: string } | undefined)?.message ?? JSON.stringify(r.body);
    throw new Error(`${what} failed: HTTP ${r.status} ${message}`);
  }
  return r.body;
}

export const cluster = {
  /** Creates a Secret through the Kubernetes API (as kubectl would). */
  async createSecret(s: SecretInput): Promise<void> {
    const c = localCluster();
    const ns = s.namespace ?? c.namespace;
    const data = Object.fromEntries(
      Object.entries(s.stringData ?? {}).map(([k, v]) => [k, Buffer.from(v, 'utf8').toString('base64')]),
    );
    const body = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: s.name, namespace: ns, labels: s.labels },
      type: s.type ?? 'Opaque',
      data,
    };
    expectOk(
      `creating secret ${ns}/${s.name}`,
      await request(c.server, c.token, 'POST', `/api/v1/namespaces/${ns}/secrets`, body),
    );
  },
  async deleteSecret(name: string, namespace?: string): Promise<void> {
    const c = localCluster();
    const ns = namespace ?? c.namespace;
    expectOk(
      `deleting secret ${ns}/${name}`,
      await request(c.server, c.token, 'DELETE', `/api/v1/namespaces/${ns}/secrets/${name}`),
    );
  },
  /** Names of the secrets in a namespace (values are not returned to the caller). */
  async listSecrets(namespace?: string): Promise<string[]> {
    const c = localCluster();
    const ns = namespace ?? c.namespace;
    const body = expectOk(
      `listing secrets in ${ns}`,
      await request(c.server, c.token, 'GET', `/api/v1/namespaces/${ns}/secrets`),
    ) as {
      items: { metadata: { name: string } }[];
    };
    return body.items.map((i) => i.metadata.name).sort();
  },
  /**
   * Calls the local cluster's admin endpoint (routes in tools/local-cluster/index.ts), e.g.
   * `admin('POST', '/__local/faults', { fail: { status: 403, count: 'all', verb: 'list' } })`,
   * `admin('POST', '/__local/down')`, `admin('POST', '/__local/cut-watches')`, `admin('DELETE', '/__local/faults')`.
   */
  async admin(method: string, urlPath: string, body?: unknown): Promise<unknown> {
    const c = localCluster();
    return expectOk(`admin ${method} ${urlPath}`, await request(c.adminUrl, c.adminToken, method, urlPath, body));
  },
  /** Heals every fault (no delay, no failures, API up). Call it in `teardown` of fault tests. */
  async heal(): Promise<void> {
    await cluster.admin('DELETE', '/__local/faults');
    await cluster.admin('POST', '/__local/up');
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Logs

/**
 * Waits until the window's log files (the folder above the extension's `logUri`) hold the line `marker`, so the
 * right files are searched, then fails if any of them holds `value`.
 */
export async function assertNotInLogs(logUri: vscode.Uri, marker: string, value: string): Promise<void> {
  const files = () => windowLogFiles(logUri);
  await waitFor(() => files().some((x) => x.text.includes(marker)), { what: `"${marker}" in a window log` });
  for (const { file, text } of files()) assert.ok(!text.includes(value), `the value is in ${file}`);
}

/** The text of every log file of this window (the folder above the extension's `logUri`). */
export function windowLogFiles(logUri: vscode.Uri): { file: string; text: string }[] {
  const logs = path.resolve(logUri.fsPath, '..', '..', '..');
  return filesUnder(logs).map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : e.isFile() ? [p] : [];
  });
}
