import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { artifactsDir } from "../support/paths";

/** What a user does in the VS Code workbench, as Playwright steps on code-server's page. */
export class Workbench {
  constructor(private readonly page: Page) {}

  async waitUntilReady(): Promise<void> {
    await this.page.locator(".monaco-workbench .part.editor").waitFor({ timeout: 60_000 });
    await this.page.locator(".explorer-folders-view").waitFor({ timeout: 60_000 });
  }

  /**
   * Brings a workspace file forward (by its tab when it is open, else through Quick Open) and waits for its editor to have focus and, when
   * `mode` is given, for the status bar to show that language mode (the extension has claimed it).
   */
  async openFile(name: string, mode?: string | RegExp): Promise<Locator> {
    // The file's own row and tab, not another whose name starts the same (web.service.result.diff).
    const exactly = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`);
    const named = this.page.locator(".label-name", { hasText: exactly });
    const tab = this.page.locator(".tab.active", { has: named });
    const alreadyOpen = this.page.locator(".tabs-container .tab", { has: named });
    if ((await alreadyOpen.count()) > 0) {
      // A file open in a tab is brought forward by its tab, as a user does; Quick Open ranks the
      // recently opened diffs whose names start the same above it.
      await alreadyOpen.first().click();
      await tab.waitFor({ timeout: 10_000 });
      return this.shownEditor(mode);
    }
    // Clicked rather than Enter: while the list still shows the previous results, Enter opens those.
    // The list reuses its rows as results arrive, so a click can still land on another file: a user
    // sees that and opens the right one again, and so does this, three times at most.
    for (let attempt = 1; ; attempt++) {
      await (await this.quickInput("Control+P", name, named)).click();
      try {
        await tab.waitFor({ timeout: 10_000 });
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
    return this.shownEditor(mode);
  }

  /** The active editor once its text shows, and its language mode is `mode` when given. */
  private async shownEditor(mode?: string | RegExp): Promise<Locator> {
    const editor = this.page.locator(".editor-instance .monaco-editor").first();
    await editor.locator(".view-lines").waitFor();
    if (mode !== undefined) await this.languageMode().filter({ hasText: mode }).waitFor({ timeout: 30_000 });
    return editor;
  }

  /** The language mode shown in the status bar for the active editor. */
  languageMode(): Locator {
    return this.page.locator("[id='status.editor.mode']");
  }

  /**
   * Clicks into the editor's text, goes to its end and types `text` key by key, as a user does. Any
   * suggest widget the keys open stays open: a test that wants it gone presses Escape.
   */
  async typeAtEnd(editor: Locator, text: string): Promise<void> {
    await editor.locator(".view-lines").click();
    await this.page.keyboard.press("Control+End");
    await this.page.keyboard.type(text, { delay: 20 });
  }

  /**
   * Opens the Problems panel and returns its rows; with `filter`, typed into the panel's filter box
   * first, only the rows it lets through (the list draws only the rows that fit).
   */
  async problems(filter?: string): Promise<Locator> {
    await this.page.keyboard.press("Control+Shift+M");
    const panel = this.page.locator(".markers-panel");
    await panel.waitFor();
    if (filter !== undefined) await this.page.getByPlaceholder(/^Filter \(e\.g\. text/).fill(filter);
    return panel.locator(".monaco-list-row");
  }

  /** Types `>title` into the command palette and waits until the command is listed (Enter runs it). */
  async findCommand(title: string): Promise<void> {
    await this.quickInput("F1", `>${title}`, title);
  }

  /**
   * Opens the quick input with `key`, types `text` and returns the first row that shows `row` (or
   * holds it, given a locator).
   * The quick input closes when something else takes the focus as it opens (a view that has just
   * refreshed): a user opens it again, and so does this, three times at most.
   */
  private async quickInput(key: string, text: string, row: string | Locator): Promise<Locator> {
    const input = this.page.locator(".quick-input-widget input[type=text]");
    const rows = this.page.locator(".quick-input-list .monaco-list-row");
    const found = (typeof row === "string" ? rows.filter({ hasText: row }) : rows.filter({ has: row })).first();
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press(key);
      try {
        await input.fill(text, { timeout: 10_000 });
        await found.waitFor({ timeout: 20_000 });
        return found;
      } catch (error) {
        if (attempt === 3) throw error;
        await this.page.keyboard.press("Escape");
      }
    }
  }

  /** Runs a command from the palette by its title. */
  async runCommand(title: string): Promise<void> {
    await this.findCommand(title);
    await this.page.keyboard.press("Enter");
  }

  /**
   * A row of the suggest widget, once it shows one whose text contains `label`. When the list a
   * trigger character should open does not come (VS Code can drop that request while the list of
   * the word typed before it is still closing), the user asks for it with Ctrl+Space, as a person
   * would.
   */
  async suggestion(label: string): Promise<Locator> {
    const row = this.page.locator(".suggest-widget.visible .monaco-list-row", { hasText: label }).first();
    try {
      await row.waitFor({ timeout: 10_000 });
    } catch {
      await this.page.keyboard.press("Control+Space");
      await row.waitFor({ timeout: 30_000 });
    }
    return row;
  }

  /** A notification toast, once one whose text contains `text` has finished fading in. */
  async notification(text: string): Promise<Locator> {
    const toast = this.page.locator(".notification-toast.notification-fade-in-done", { hasText: text });
    await toast.waitFor({ timeout: 30_000 });
    return toast;
  }

  /**
   * Moves the mouse over the first piece of editor text equal to `word` (or matching it, given a
   * pattern) and returns the hover once it shows `expected`.
   */
  async hover(editor: Locator, word: string | RegExp, expected: string): Promise<Locator> {
    await editor
      .locator(".view-line span span", { hasText: typeof word === "string" ? new RegExp(`^${word}$`) : word })
      .first()
      .hover();
    const hover = this.page.locator(".monaco-hover:not(.hidden)", { hasText: expected }).first();
    await hover.waitFor({ timeout: 30_000 });
    return hover;
  }

  /**
   * What Developer: Inspect Editor Tokens and Scopes shows for the cursor placed in the first piece
   * of editor text equal to `word`, once it names `scope` (or after 30 s, for the failure message);
   * the widget is closed after.
   */
  async tokenScopes(editor: Locator, word: string, scope: string): Promise<string> {
    await editor
      .locator(".view-line span span", { hasText: new RegExp(`^${word.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`) })
      .first()
      .click();
    await this.runCommand("Developer: Inspect Editor Tokens and Scopes");
    const widget = this.page.locator(".token-inspect-widget");
    await widget.waitFor({ timeout: 30_000 });
    let text = "";
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await this.page.waitForTimeout(250)) {
      text = await widget.innerText();
      if (text.includes(scope)) break;
    }
    await this.page.keyboard.press("Escape");
    return text;
  }

  /** The text of the editor's line that contains `text`, as rendered (spaces normalised). */
  async lineContaining(editor: Locator, text: string): Promise<string> {
    const line = editor.locator(".view-line", { hasText: text }).first();
    await line.waitFor({ timeout: 30_000 });
    return (await line.innerText()).replace(/\u00a0/g, " ");
  }

  /**
   * Puts the cursor on the line containing `text`, opens the quick fix menu (Ctrl+.), screenshots it
   * as `shot` and picks the entry titled `title` with the arrow keys and Enter, as a keyboard user
   * does. Returns the screenshot's path and the titles the menu offered. With `menuCommand` (such
   * as "Refactor..."), the menu is that palette command's instead.
   */
  async applyQuickFix(
    editor: Locator,
    text: string,
    title: string,
    shot: string,
    menuCommand?: string,
  ): Promise<{ shot: string; offered: string[] }> {
    const rows = this.page.locator(".action-widget .monaco-list-row.action");
    // Right after an edit the menu has opened with "No code actions available" while the problem
    // was on the line; a user presses the keys again, and so does this, three times at most.
    for (let attempt = 1; ; attempt++) {
      await editor.locator(".view-line", { hasText: text }).first().click();
      await this.page.keyboard.press("End");
      if (menuCommand === undefined) await this.page.keyboard.press("Control+.");
      else await this.runCommand(menuCommand);
      try {
        await rows.filter({ hasText: title }).first().waitFor({ timeout: 10_000 });
        break;
      } catch (error) {
        if (attempt === 3) throw error;
        await this.page.keyboard.press("Escape");
      }
    }
    const path = await this.screenshot(shot);
    const offered = await rows.allInnerTexts();
    for (let tries = await rows.count(); tries > 0; tries--) {
      if (((await this.page.locator(".action-widget .monaco-list-row.action.focused").textContent()) ?? "").includes(title)) break;
      await this.page.keyboard.press("ArrowDown");
    }
    await this.page.keyboard.press("Enter");
    await this.page.locator(".action-widget").waitFor({ state: "hidden" });
    return { shot: path, offered };
  }

  /** The status bar item whose text contains `text`, once it shows. */
  async statusBarItem(text: string | RegExp): Promise<Locator> {
    const item = this.page.locator(".statusbar-item", { hasText: text }).first();
    await item.waitFor({ timeout: 60_000 });
    return item;
  }

  /** Shows a log output channel in the panel and returns its text once it matches `containing` (or after 30 s). */
  async outputChannel(name: string, containing: string | RegExp): Promise<string> {
    await this.runCommand("Output: Show Output Channels...");
    const input = this.page.locator(".quick-input-widget input[type=text]");
    await input.fill(name);
    await this.page.locator(".quick-input-list .monaco-list-row", { hasText: name }).first().click();
    const lines = this.page.locator(".part.panel .monaco-editor .view-lines").first();
    await lines.waitFor({ timeout: 30_000 });
    // The editor renders spaces as no-break spaces and wraps long lines; the text is compared with
    // the spaces normalised and the wrapped lines joined (each log line starts with its date).
    for (const deadline = Date.now() + 30_000; ; await this.page.waitForTimeout(250)) {
      const text = (await lines.innerText()).replace(/\u00a0/g, " ").replace(/\n(?!\d{4}-\d\d-\d\d )/g, "");
      if (text.match(containing) || Date.now() > deadline) return text;
    }
  }

  async screenshot(name: string): Promise<string> {
    const path = join(artifactsDir("screenshots"), `${name}.png`);
    await this.page.screenshot({ path, timeout: 15_000 });
    return path;
  }
}
