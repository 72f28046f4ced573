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

  /** Opens a workspace file through Quick Open and waits for its editor to have focus. */
  async openFile(name: string): Promise<Locator> {
    await this.page.keyboard.press("Control+P");
    const input = this.page.locator(".quick-input-widget input[type=text]");
    await input.waitFor();
    await input.fill(name);
    await this.page.locator(".quick-input-list .monaco-list-row", { hasText: name }).first().waitFor();
    await this.page.keyboard.press("Enter");
    const editor = this.page.locator(".editor-instance .monaco-editor").first();
    await this.page.locator(".tab.active", { hasText: name }).waitFor();
    await editor.locator(".view-lines").waitFor();
    return editor;
  }

  /** The language mode shown in the status bar for the active editor. */
  languageMode(): Locator {
    return this.page.locator("[id='status.editor.mode']");
  }

  /** Types text at the end of the active editor and dismisses any suggestion widget. */
  async typeAtEnd(editor: Locator, text: string): Promise<void> {
    await editor.locator(".view-lines").click();
    await this.page.keyboard.press("Control+End");
    await this.page.keyboard.type(text, { delay: 10 });
    await this.page.keyboard.press("Escape");
  }

  /** Opens the Problems panel and returns its rows. */
  async problems(): Promise<Locator> {
    await this.page.keyboard.press("Control+Shift+M");
    const panel = this.page.locator(".markers-panel");
    await panel.waitFor();
    return panel.locator(".monaco-list-row");
  }

  async screenshot(name: string): Promise<string> {
    const path = join(artifactsDir("screenshots"), `${name}.png`);
    await this.page.screenshot({ path, timeout: 15_000 });
    return path;
  }
}
