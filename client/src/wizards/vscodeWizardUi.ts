/**
 * The real WizardUi: one `createInputBox`/`createQuickPick` per step, with `step`/`totalSteps`, the Back button,
 * validation on every keystroke (`validationMessage`), and masked input for values. Hiding a prompt (Escape,
 * focus loss) cancels the wizard.
 */
import * as vscode from 'vscode';
import type { ConfirmRequest, FileRequest, InputRequest, PickRequest, StepResult, WizardUi } from './wizardUi';

export class VscodeWizardUi implements WizardUi {
  input(req: InputRequest): Promise<StepResult<string>> {
    const box = vscode.window.createInputBox();
    box.title = req.title;
    box.step = req.step;
    box.totalSteps = req.totalSteps;
    box.prompt = req.prompt;
    box.placeholder = req.placeholder;
    box.value = req.value ?? '';
    box.password = req.password ?? false;
    box.ignoreFocusOut = true;
    box.buttons = req.canGoBack ? [vscode.QuickInputButtons.Back] : [];
    const check = (v: string) => {
      const problem = req.validate(v);
      const warning = problem ? undefined : req.warn?.(v);
      box.validationMessage =
        problem ?? (warning ? { message: warning, severity: vscode.InputBoxValidationSeverity.Warning } : undefined);
    };
    check(box.value);
    return settle<string>(box, (resolve) => [
      box.onDidChangeValue(check),
      box.onDidAccept(() => {
        const problem = req.validate(box.value);
        if (problem) box.validationMessage = problem;
        else resolve({ kind: 'value', value: box.value });
      }),
    ]);
  }

  pick<T>(req: PickRequest<T>): Promise<StepResult<T>> {
    type Item = vscode.QuickPickItem & { value: T };
    const qp = vscode.window.createQuickPick<Item>();
    qp.title = req.title;
    qp.step = req.step;
    qp.totalSteps = req.totalSteps;
    qp.placeholder = req.placeholder;
    qp.ignoreFocusOut = true;
    qp.matchOnDescription = true;
    qp.items = req.items.map((i) => ({ label: i.label, description: i.description, detail: i.detail, value: i.value }));
    qp.buttons = req.canGoBack ? [vscode.QuickInputButtons.Back] : [];
    return settle<T>(qp, (resolve) => [
      qp.onDidAccept(() => {
        const chosen = qp.selectedItems[0] ?? qp.activeItems[0];
        if (chosen) resolve({ kind: 'value', value: chosen.value });
      }),
    ]);
  }

  async chooseFile(req: FileRequest): Promise<string | undefined> {
    const picked = await vscode.window.showOpenDialog({
      title: req.title,
      openLabel: req.openLabel,
      canSelectFiles: !req.folders,
      canSelectFolders: req.folders,
      canSelectMany: false,
      defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    });
    return picked?.[0]?.fsPath;
  }

  async confirm(req: ConfirmRequest): Promise<boolean> {
    const proceed: vscode.MessageItem = { title: req.proceed };
    const back: vscode.MessageItem = { title: req.back, isCloseAffordance: true };
    return (
      (await vscode.window.showWarningMessage(req.message, { modal: true, detail: req.detail }, proceed, back)) ===
      proceed
    );
  }

  showError(message: string): void {
    void vscode.window.showErrorMessage(message);
  }

  showInfo(message: string): void {
    void vscode.window.showInformationMessage(message);
  }
}

/** Shows `input` and resolves once: accepted (by the caller's handler), Back, or hidden (cancel). */
function settle<T>(
  input: vscode.QuickPick<vscode.QuickPickItem & { value: never }> | vscode.InputBox | vscode.QuickInput,
  handlers: (resolve: (r: StepResult<T>) => void) => vscode.Disposable[],
): Promise<StepResult<T>> {
  return new Promise((resolveOuter) => {
    let done = false;
    const subs: vscode.Disposable[] = [];
    const resolve = (r: StepResult<T>) => {
      if (done) return;
      done = true;
      for (const s of subs) s.dispose();
      input.dispose();
      resolveOuter(r);
    };
    subs.push(...handlers(resolve));
    const withButtons = input as vscode.InputBox;
    subs.push(
      withButtons.onDidTriggerButton((b) => {
        if (b === vscode.QuickInputButtons.Back) resolve({ kind: 'back' });
      }),
      input.onDidHide(() => resolve({ kind: 'cancel' })),
    );
    input.show();
  });
}
