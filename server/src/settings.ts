/**
 * The server's settings. Read through `workspace/configuration` when the client supports it (cached per
 * resource, as vscode-eslint advises, and dropped on `didChangeConfiguration`); otherwise taken from the
 * initialization options, so plain LSP clients and tests work too.
 */
import {
  MessageType,
  ShowMessageNotification,
  type Connection,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { DEFAULT_CERTIFICATE_WARNING_DAYS } from '../../core/src/certificates';
import { globSettingProblems } from '../../core/src/glob';
import { NO_OVERRIDES, parseRuleEntries, type RuleOverrides } from '../../core/src/ruleSettings';

export interface ServerSettings {
  /** Extra globs (workspace-relative or absolute) whose JSON/YAML files are pipeline specs. */
  specFiles: string[];
  /** Extra globs whose YAML files are Pachyderm Helm values files. */
  helmValuesFiles: string[];
  /** `pachyderm.certificateExpiryWarningDays`: how far ahead PS118/PH009 warn of a certificate's expiry. */
  certificateExpiryWarningDays: number;
  /** `pachyderm.rules`: severities set per rule; laid over the repository's .pachyderm-secrets.json. */
  rules: RuleOverrides;
  /** What is wrong in `pachyderm.rules`, one sentence each (the entries named are left out of `rules`). */
  ruleProblems: string[];
  /** `pachyderm.diagnosticsScope`: Problems for every spec and values file of the workspace, or open ones only. */
  diagnosticsScope: DiagnosticsScope;
  /** `pachyderm.diagnosticsMaxFiles`: how many JSON/YAML files of the workspace folders the scan reads at most. */
  diagnosticsMaxFiles: number;
}

export type DiagnosticsScope = 'workspace' | 'openFiles';

/** What a client may put into `initializationOptions`. */
export interface InitializationOptions {
  /** Debounce of validation after an edit; 0 validates on the next tick (tests, benchmarks). */
  validationDelayMs?: number;
  /** Used when the client cannot answer `workspace/configuration`. */
  settings?: Partial<ServerSettings>;
}

export const DEFAULT_VALIDATION_DELAY_MS = 200;
export const DEFAULT_DIAGNOSTICS_MAX_FILES = 5000;

export const DEFAULT_SETTINGS: ServerSettings = Object.freeze({
  specFiles: [],
  helmValuesFiles: [],
  certificateExpiryWarningDays: DEFAULT_CERTIFICATE_WARNING_DAYS,
  rules: NO_OVERRIDES,
  ruleProblems: [],
  diagnosticsScope: 'workspace',
  diagnosticsMaxFiles: DEFAULT_DIAGNOSTICS_MAX_FILES,
}) as ServerSettings;

/** Whatever the client sent, as settings: a malformed value counts as unset rather than failing. */
export function normalizeSettings(raw: unknown): ServerSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const globs = (v: unknown) =>
    Array.isArray(v) ? v.filter((g): g is string => typeof g === 'string' && g !== '') : [];
  const days = Number(r.certificateExpiryWarningDays ?? DEFAULT_CERTIFICATE_WARNING_DAYS);
  const rules = parseRuleEntries(r.rules);
  const maxFiles = Number(r.diagnosticsMaxFiles ?? DEFAULT_DIAGNOSTICS_MAX_FILES);
  return {
    specFiles: globs(r.specFiles),
    helmValuesFiles: globs(r.helmValuesFiles),
    certificateExpiryWarningDays: Number.isInteger(days) && days >= 0 ? days : DEFAULT_CERTIFICATE_WARNING_DAYS,
    rules: rules.overrides,
    ruleProblems: rules.problems.map((p) => `pachyderm.rules: ${p.message}`),
    diagnosticsScope: r.diagnosticsScope === 'openFiles' ? 'openFiles' : 'workspace',
    diagnosticsMaxFiles: Number.isInteger(maxFiles) && maxFiles >= 0 ? maxFiles : DEFAULT_DIAGNOSTICS_MAX_FILES,
  };
}

export class SettingsStore {
  private readonly cache = new Map<string, Promise<ServerSettings>>();
  private canAsk = false;
  private fallback: ServerSettings = DEFAULT_SETTINGS;
  /** Bad-glob messages already shown: each once per session, not once per document that reads the settings. */
  private readonly reported = new Set<string>();

  constructor(private readonly connection: Connection) {}

  initialize(params: InitializeParams): void {
    this.canAsk = params.capabilities.workspace?.configuration === true;
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    this.fallback = normalizeSettings(options.settings);
  }

  /** Settings for one document (resource-scoped in VS Code). */
  get(uri: string): Promise<ServerSettings> {
    if (!this.canAsk) return Promise.resolve(this.checked(this.fallback));
    let pending = this.cache.get(uri);
    if (!pending) {
      pending = this.connection.workspace
        .getConfiguration(uri ? { scopeUri: uri, section: 'pachyderm' } : { section: 'pachyderm' })
        .then(normalizeSettings, () => this.fallback)
        .then((s) => this.checked(s));
      this.cache.set(uri, pending);
    }
    return pending;
  }

  /**
   * Tells the user about each bad glob and each bad `pachyderm.rules` entry, once. The glob itself stays in the
   * list: it matches nothing (core/src/glob/matchGlob.ts), and the other globs go on working; a bad rule entry
   * is left out, and the other entries go on working.
   */
  private checked(settings: ServerSettings): ServerSettings {
    const problems = [
      ...globSettingProblems('pachyderm.specFiles', settings.specFiles),
      ...globSettingProblems('pachyderm.helmValuesFiles', settings.helmValuesFiles),
    ];
    for (const { message } of problems) this.warnOnce(message);
    for (const message of settings.ruleProblems) this.warnOnce(message);
    return settings;
  }

  /** A warning for the user (a notification and a line in the output), shown once per session. */
  warnOnce(message: string): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.connection.console.warn(message);
    // A notification, not `window.showWarningMessage` (a request that rejects when the client cannot show it).
    const shown = { type: MessageType.Warning, message: `Pachyderm: ${message}` };
    void this.connection.sendNotification(ShowMessageNotification.type, shown);
  }

  /** Settings without a document: the workspace scan. */
  global(): Promise<ServerSettings> {
    return this.get('');
  }

  /** A document closed: its resource's settings are read again if it reopens. */
  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** On `didChangeConfiguration`: re-read lazily; push-style clients send the settings along. */
  changed(pushed: unknown): void {
    this.cache.clear();
    const section = (pushed as { pachyderm?: unknown } | undefined)?.pachyderm;
    if (!this.canAsk && section !== undefined) this.fallback = normalizeSettings(section);
  }
}
