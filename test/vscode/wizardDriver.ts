/**
 * Drives the New Secret wizards through the real quick input (createInputBox/createQuickPick in the workbench):
 * each act handles the next prompt the wizard shows. File dialogs are answered by replacing
 * `window.showOpenDialog`/`showSaveDialog` (a test cannot click a native dialog).
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { acceptQuickInput, nextQuickInput, runCommand, waitFor } from './harness';

export type Act =
  | { input: string | ((current: string) => string); step?: number; password?: boolean }
  | { pick: string; step?: number }
  | { back: true }
  | { cancel: true };

type AnyInput = vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox;

export interface DriveResult {
  outcome: 'done' | 'cancel';
  /** What each prompt showed: step counters and masking, no values. */
  seen: {
    step?: number;
    totalSteps?: number;
    title?: string;
    password?: boolean;
    labels?: string[];
    prompt?: string;
    value?: string;
  }[];
}

export async function driveWizard(command: string, args: unknown[], acts: Act[]): Promise<DriveResult> {
  const seen: DriveResult['seen'] = [];
  let next: Promise<AnyInput> | undefined = acts.length
    ? nextQuickInput<AnyInput>({ what: `the first prompt of ${command}` })
    : undefined;
  const result = runCommand<'done' | 'cancel'>(command, ...args);
  for (let i = 0; i < acts.length; i++) {
    const act = acts[i];
    const qi = await next!;
    const isBox = 'password' in qi;
    seen.push({
      step: qi.step,
      totalSteps: qi.totalSteps,
      title: qi.title,
      password: isBox ? (qi as vscode.InputBox).password : undefined,
      labels: isBox ? undefined : (qi as vscode.QuickPick<vscode.QuickPickItem>).items.map((it) => it.label),
      prompt: isBox ? (qi as vscode.InputBox).prompt : (qi as vscode.QuickPick<vscode.QuickPickItem>).placeholder,
      value: isBox && !(qi as vscode.InputBox).password ? qi.value : undefined,
    });
    if ('step' in act && act.step !== undefined) assert.equal(qi.step, act.step, `step of prompt ${i + 1}`);
    // Hook the following prompt before acting, so it cannot be missed.
    next = i + 1 < acts.length ? nextQuickInput<AnyInput>({ what: `prompt ${i + 2} of ${command}` }) : undefined;
    if ('back' in act) {
      await vscode.commands.executeCommand('workbench.action.quickInputBack');
    } else if ('cancel' in act) {
      qi.hide();
    } else if ('input' in act) {
      assert.ok(isBox, `prompt ${i + 1} is a quick pick, expected an input box`);
      if (act.password !== undefined)
        assert.equal((qi as vscode.InputBox).password, act.password, `masking of prompt ${i + 1}`);
      qi.value = typeof act.input === 'function' ? act.input(qi.value) : act.input;
      await acceptQuickInput();
    } else {
      assert.ok(!isBox, `prompt ${i + 1} is an input box, expected a quick pick`);
      const qp = qi as vscode.QuickPick<vscode.QuickPickItem>;
      await selectWithKeyboard(qp, act.pick, i + 1);
      await acceptQuickInput();
    }
  }
  return { outcome: await result, seen };
}

/**
 * Moves the workbench's active item down to the one whose label contains `wanted`, with the commands the
 * keyboard runs (so the renderer, not the test, decides what Enter accepts).
 */
async function selectWithKeyboard(
  qp: vscode.QuickPick<vscode.QuickPickItem>,
  wanted: string,
  promptNo: number,
): Promise<void> {
  const index = qp.items.findIndex((it) => it.label.includes(wanted));
  assert.ok(
    index >= 0,
    `prompt ${promptNo} has no item "${wanted}": ${JSON.stringify(qp.items.map((it) => it.label))}`,
  );
  const activeIndex = () => qp.items.indexOf(qp.activeItems[0]);
  await waitFor(() => activeIndex() >= 0 || undefined, { what: `an active item in prompt ${promptNo}` });
  while (activeIndex() !== index) {
    const from = activeIndex();
    await vscode.commands.executeCommand(
      from < index ? 'workbench.action.quickOpenSelectNext' : 'workbench.action.quickOpenSelectPrevious',
    );
    await waitFor(() => activeIndex() !== from || undefined, {
      what: `the active item of prompt ${promptNo} to move from ${from} towards ${index}`,
    });
  }
}

/** Answers the next open/save dialogs with these paths; returns a restore function. */
export function answerDialogs(open: string[], save: string[] = []): () => void {
  const win = vscode.window as unknown as Record<string, unknown>;
  const originals = { showOpenDialog: win.showOpenDialog, showSaveDialog: win.showSaveDialog };
  win.showOpenDialog = async () => {
    const p = open.shift();
    if (p === undefined) throw new Error('unscripted open dialog');
    return [vscode.Uri.file(p)];
  };
  win.showSaveDialog = async () => {
    const p = save.shift();
    if (p === undefined) throw new Error('unscripted save dialog');
    return vscode.Uri.file(p);
  };
  return () => Object.assign(win, originals);
}
