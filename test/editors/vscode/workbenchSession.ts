import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Page } from "playwright-core";
import { freshWorkspace } from "../support/workspace";
import { launchChromium } from "./chromium";
import { startCodeServer, type CodeServer } from "./codeServer";
import { extensionUnderTest } from "./extensionPath";
import { extensionTestUrl } from "./extensionTestUrl";
import { Workbench } from "./workbench";

export interface WorkbenchSession {
  page: Page;
  workbench: Workbench;
  /** Runs one step of a test; when it fails, saves `<name>-failure.png` and prints its path first. */
  step<T>(name: string, action: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface WorkbenchOptions {
  /** User settings of the fresh profile. */
  settings?: Record<string, unknown>;
  /** An argv prefix both code-server and Chromium run under (a test's network and mount namespaces). */
  prefix?: string[];
}

/**
 * code-server with the extension under test, a fresh workspace holding `files` (relative path →
 * text), and headless Chromium showing the workbench on it, ready for a user's keys and clicks.
 */
export async function openWorkbench(files: Record<string, string>, options: WorkbenchOptions = {}): Promise<WorkbenchSession> {
  const workspace = freshWorkspace();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(workspace.path, path)), { recursive: true });
    writeFileSync(join(workspace.path, path), text);
  }
  const extension = extensionUnderTest();
  const server = await startCodeServer({ vsixFiles: extension.vsixFiles, settings: options.settings, prefix: options.prefix });
  return showWorkbench(server, workspace.path, extension.extensionDevelopmentPath, () => workspace.remove(), options.prefix);
}

/** Headless Chromium on `server`'s workbench for `folder` with the extension at `extensionDevelopmentPath` (paths where code-server runs). */
export async function showWorkbench(
  server: CodeServer,
  folder: string,
  extensionDevelopmentPath: string,
  cleanUp: () => void = () => undefined,
  prefix?: string[],
): Promise<WorkbenchSession> {
  const browser = await launchChromium(prefix).catch(async (error: unknown) => {
    await server.stop();
    throw error;
  });
  const close = async (): Promise<void> => {
    await browser.close();
    await server.stop();
    cleanUp();
  };
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const workbench = new Workbench(page);
  const step = async <T>(name: string, action: () => Promise<T>): Promise<T> => {
    try {
      return await action();
    } catch (error) {
      console.log(`    failure: ${await workbench.screenshot(`${name}-failure`).catch(() => "none")}`);
      throw error;
    }
  };
  try {
    await step("workbench-start", async () => {
      await page.goto(extensionTestUrl(server.origin, { folder, extensionDevelopmentPath }));
      await workbench.waitUntilReady();
    });
  } catch (error) {
    await close();
    throw error;
  }
  return { page, workbench, step, close };
}
