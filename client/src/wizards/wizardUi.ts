/**
 * What a wizard needs from the screen, with no `vscode` import: the flows in this folder are driven through this
 * interface, so node tests run them with scripted answers and the extension runs them with vscodeWizardUi.ts
 * (createInputBox/createQuickPick with step counter, Back button and as-you-type validation).
 */
export type StepResult<T> = { kind: 'value'; value: T } | { kind: 'back' } | { kind: 'cancel' };

export interface StepPosition {
  title: string;
  step: number;
  totalSteps: number;
  /** Offer the Back button (false on the first step). */
  canGoBack: boolean;
}

export interface InputRequest extends StepPosition {
  prompt: string;
  value?: string;
  placeholder?: string;
  /** Masks what is typed (secret values). */
  password?: boolean;
  /** Runs on every keystroke; a message blocks accepting. */
  validate: (value: string) => string | undefined;
  /** Runs on every keystroke when `validate` passes; a message is shown as a warning and does not block. */
  warn?: (value: string) => string | undefined;
}

export interface PickItem<T> {
  label: string;
  description?: string;
  detail?: string;
  value: T;
}

export interface PickRequest<T> extends StepPosition {
  placeholder: string;
  items: PickItem<T>[];
}

export interface FileRequest {
  title: string;
  folders: boolean;
  openLabel: string;
}

/** A modal question with one way on; dismissing it (or the close button) means go back. */
export interface ConfirmRequest {
  message: string;
  detail: string;
  proceed: string;
  back: string;
}

export interface WizardUi {
  input(req: InputRequest): Promise<StepResult<string>>;
  pick<T>(req: PickRequest<T>): Promise<StepResult<T>>;
  /** An open dialog; undefined when dismissed. Returns a local path. */
  chooseFile(req: FileRequest): Promise<string | undefined>;
  /** True when the user chose `proceed`. */
  confirm(req: ConfirmRequest): Promise<boolean>;
  showError(message: string): void;
  showInfo(message: string): void;
}

/** Where a finished manifest can go; each is an explicit user choice on the last step. */
export interface ManifestSinks {
  /** An unsaved editor holding the manifest (kept away from the language server). */
  openEditor(json: string): Promise<void>;
  /** Asks for a path and writes the file with mode 0600. */
  saveFile(json: string, suggestedName: string): Promise<SaveResult>;
  /** Creates the secret in the connected cluster; ok false keeps the wizard open with the answers. */
  create(json: string): Promise<SinkResult>;
  serverDryRun(json: string): Promise<SinkResult>;
}

export type SinkResult = { ok: true; message: string } | { ok: false; message: string };

/** A failed save names the path and the cause in words; the wizard stays open so another path can be chosen. */
export type SaveResult =
  { kind: 'saved'; path: string } | { kind: 'cancelled' } | { kind: 'failed'; path: string; reason: string };
