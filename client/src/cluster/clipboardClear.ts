/**
 * Clears a copied secret value from the clipboard after `pachyderm.clipboardClearSeconds`, as password managers
 * do, but only while the clipboard still holds what was copied: whatever the user copied since is theirs.
 *
 * Only a SHA-256 digest of the copied text is kept until the check, never the text, so this object holds nothing
 * a heap snapshot could reveal.
 */
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';

/** The part of `vscode.env.clipboard` this needs. */
export interface Clipboard {
  readText(): Thenable<string>;
  writeText(text: string): Thenable<void>;
}

/** What the check found when its time came: the value was cleared, or the user had copied something else. */
export type ClearResult = 'cleared' | 'changed';

export const CLIPBOARD_CLEAR_SETTING = 'clipboardClearSeconds';
const DEFAULT_SECONDS = 60;

/** The setting in seconds: 0 (never clear) or a positive number; anything else is the default. */
export function clipboardClearSeconds(): number {
  const seconds = vscode.workspace.getConfiguration('pachyderm').get<number>(CLIPBOARD_CLEAR_SETTING);
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? seconds : DEFAULT_SECONDS;
}

function digest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export class ClipboardClearer implements vscode.Disposable {
  private timer: NodeJS.Timeout | undefined;
  private pendingDigest: string | undefined;
  private readonly checked = new vscode.EventEmitter<ClearResult>();
  /** Fires when a scheduled check has run (tests wait on it rather than on time). */
  readonly onDidCheck = this.checked.event;

  constructor(private readonly clipboard: Clipboard = vscode.env.clipboard) {}

  /**
   * Puts `text` on the clipboard and schedules its clearing after `seconds` (0: never). A later copy replaces
   * the schedule of an earlier one. Returns the seconds, for the notification.
   */
  async copy(text: string, seconds = clipboardClearSeconds()): Promise<number> {
    this.cancel();
    await this.clipboard.writeText(text);
    if (seconds <= 0) return 0;
    this.pendingDigest = digest(text);
    this.timer = setTimeout(() => void this.check(), seconds * 1000);
    return seconds;
  }

  /** Clears the clipboard now if it still holds the copied value; the schedule ends either way. */
  async check(): Promise<ClearResult | undefined> {
    const expected = this.pendingDigest;
    this.cancel();
    if (expected === undefined) return undefined;
    const result: ClearResult = digest(await this.clipboard.readText()) === expected ? 'cleared' : 'changed';
    if (result === 'cleared') await this.clipboard.writeText('');
    this.checked.fire(result);
    return result;
  }

  private cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pendingDigest = undefined;
  }

  /** When the extension stops (window closed or reloaded), a value still on the clipboard is cleared at once. */
  dispose(): void {
    if (this.pendingDigest !== undefined) void this.check().catch(() => undefined);
    this.checked.dispose();
  }
}
