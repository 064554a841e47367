/**
 * Driving the real VS Code 1.100 workbench the way a user does: clicks, keys, the command palette, quick inputs.
 * Selectors are the workbench's own classes and ARIA roles (verified against code-server 4.100.3).
 * The stage (code-server, the local cluster, the browser) is set by scripts/vscode/run-ui-smoke.mjs, which passes
 * it through the JSON file named by PACHYDERM_UI_ENV.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export interface UiEnv {
  url: string;
  workspace: string;
  browserWsEndpoint: string;
  screenshots: string;
  kubeconfig: string;
  cluster: { server: string; token: string; caPem: string; adminUrl: string; adminToken: string; namespace: string };
  /** code-server's user-data folder (settings, workspace storage, backups, logs). */
  userDataDir: string;
  /** When the run began (ms since the epoch): temp files written since are this run's. */
  startedAt: number;
}

export function uiEnv(): UiEnv {
  const file = process.env.PACHYDERM_UI_ENV;
  if (!file) throw new Error('PACHYDERM_UI_ENV is not set: run the UI smoke test with `npm test -- ui`');
  return JSON.parse(readFileSync(file, 'utf8')) as UiEnv;
}

/** The few DOM calls `hoverText` makes inside the page (this project compiles without the DOM library). */
interface PageDocument {
  createTreeWalker(root: unknown, whatToShow: number): { nextNode(): PageTextNode | null };
  createRange(): {
    setStart(node: PageTextNode, offset: number): void;
    setEnd(node: PageTextNode, offset: number): void;
    getBoundingClientRect(): { x: number; y: number; width: number; height: number };
  };
}
interface PageTextNode {
  textContent: string | null;
}

/** Generous: the first language-server and cluster round trips share two cores with the whole workbench. */
export const UI_TIMEOUT_MS = 60_000;

export class Workbench {
  private constructor(
    readonly browser: Browser,
    readonly page: Page,
    private readonly env: UiEnv,
  ) {}

  static async open(env: UiEnv): Promise<Workbench> {
    const browser = await chromium.connect(env.browserWsEndpoint);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    await page.goto(env.url);
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
    return new Workbench(browser, page, env);
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  /** Opens a workspace file by clicking through the Explorer (folders first), and waits for its editor tab. */
  async openFile(relativePath: string): Promise<void> {
    const parts = relativePath.split('/');
    const explorer = this.page.locator('.explorer-folders-view');
    for (const folder of parts.slice(0, -1)) {
      const row = explorer.getByRole('treeitem', { name: folder, exact: true });
      if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
    }
    const file = parts[parts.length - 1];
    await explorer.getByRole('treeitem', { name: file, exact: true }).dblclick();
    await this.page.locator('.tabs-container .tab.active', { hasText: file }).waitFor();
    await this.activeEditor().locator('.view-lines').waitFor();
  }

  activeEditor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /** The text of the visible lines of the active editor (Monaco renders spaces as U+00A0). */
  async editorText(): Promise<string> {
    return (await this.activeEditor().locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
  }

  /** Polls the active editor's visible text until it matches (Monaco re-renders lines asynchronously). */
  async waitForEditorText(expected: RegExp): Promise<void> {
    const deadline = Date.now() + UI_TIMEOUT_MS;
    let text = '';
    while (Date.now() < deadline) {
      text = await this.editorText();
      if (expected.test(text)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the editor never showed ${expected}; it shows:\n${text}`);
  }

  /** Moves the mouse over the first occurrence of `text` in the active editor's visible lines (Monaco splits
   *  lines into token spans, so the text's own box is measured with a DOM Range). */
  async hoverText(text: string): Promise<void> {
    const box = await this.activeEditor()
      .locator('.view-lines')
      .evaluate((lines, wanted) => {
        const doc = (lines as unknown as { ownerDocument: PageDocument }).ownerDocument;
        const walker = doc.createTreeWalker(lines, 4 /* NodeFilter.SHOW_TEXT */);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = String(node.textContent).indexOf(wanted);
          if (at < 0) continue;
          const range = doc.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + wanted.length);
          const r = range.getBoundingClientRect();
          return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
        }
        return undefined;
      }, text);
    if (!box) throw new Error(`"${text}" is not on the visible lines of the editor`);
    await this.page.mouse.move(box.x, box.y);
  }

  /** Moves the cursor with Go to Line/Column (Ctrl+G), 1-based like the status bar. */
  async goTo(line: number, column: number): Promise<void> {
    await this.activeEditor().locator('.view-lines').click();
    await this.page.keyboard.press('Control+g');
    await this.quickInput().waitFor();
    await this.page.keyboard.type(`${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.statusbar', { hasText: `Ln ${line}, Col ${column}` }).waitFor();
  }

  quickInput(): Locator {
    return this.page.locator('.quick-input-widget').filter({ visible: true });
  }

  /** Runs a command from the palette by its title as the palette shows it ("Pachyderm: …"). */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    await this.quickInput().locator('input').waitFor();
    await this.page.keyboard.type(title);
    await this.quickInput().locator('.monaco-list-row', { hasText: title }).first().waitFor();
    await this.page.keyboard.press('Enter');
  }

  /**
   * Waits until the visible quick input's title, prompt, rows or placeholder (an attribute, so not in its text)
   * match `expect`: each wizard step reuses the same widget, so this is how a test knows the next step is up.
   */
  async waitForQuickInput(expect: RegExp): Promise<Locator> {
    const qi = this.quickInput();
    const deadline = Date.now() + UI_TIMEOUT_MS;
    let seen = '';
    while (Date.now() < deadline) {
      seen = await qi
        .evaluate(
          (el) =>
            `${(el as unknown as { innerText: string }).innerText}\n` +
            `${el.querySelector('input')?.getAttribute('placeholder') ?? ''}`,
        )
        .catch(() => '(no quick input)');
      if (expect.test(seen)) return qi;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no quick input matching ${expect} appeared; the last one showed:\n${seen}`);
  }

  /** Waits for the quick input step matching `expect`, types `text` and presses Enter. */
  async answerInput(expect: RegExp, text: string): Promise<void> {
    const qi = await this.waitForQuickInput(expect);
    await qi.locator('.quick-input-box input').fill(text);
    await this.page.keyboard.press('Enter');
  }

  /** Waits for the quick pick step matching `expect`, then clicks the row with that label. */
  async pick(expect: RegExp, label: string | RegExp): Promise<void> {
    const qi = await this.waitForQuickInput(expect);
    await qi.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().click();
  }

  notification(text: string | RegExp): Locator {
    return this.page.locator('.notifications-toasts .notification-toast', { hasText: text });
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: path.join(this.env.screenshots, `${name}.png`) });
  }
}
