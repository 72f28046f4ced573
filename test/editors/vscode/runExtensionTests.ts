import { join } from "node:path";
import { artifactsDir } from "../support/paths";
import { withTimeout } from "../support/processes";
import { launchChromium } from "./chromium";
import { startCodeServer } from "./codeServer";
import { extensionTestUrl } from "./extensionTestUrl";
import { extensionHostLines } from "./consoleLine";

export interface ExtensionTestRun {
  /** Names the screenshot: .artifacts/screenshots/<name>.png */
  name: string;
  extensionDevelopmentPath: string;
  /** The bundled suite (a CommonJS file exporting run(): Promise<void>). */
  extensionTestsPath: string;
  /** The folder the window opens. */
  folder: string;
  /** .vsix files installed into the fresh profile first. */
  vsixFiles?: string[];
  timeoutMs?: number;
  /** Gets each line the extension host prints (mocha's report among them). */
  onOutput?: (line: string) => void;
}

export interface ExtensionTestResult {
  exitCode: number;
  /** The extension host's output, one line per entry. */
  output: string[];
  screenshot: string;
}

/**
 * Runs an extension's test suite inside code-server, driven by headless Chromium: the same
 * mechanism as desktop VS Code's extension tests, and the same exit code (0 when every test passed).
 */
export async function runExtensionTests(run: ExtensionTestRun): Promise<ExtensionTestResult> {
  const timeoutMs = run.timeoutMs ?? 180_000;
  const output: string[] = [];
  const print = (line: string): void => {
    output.push(line);
    run.onOutput?.(line);
  };
  const server = await startCodeServer({ vsixFiles: run.vsixFiles });
  const browser = await launchChromium().catch(async (error: unknown) => {
    await server.stop();
    throw error;
  });
  const screenshot = join(artifactsDir("screenshots"), `${run.name}.png`);
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    let reportExit: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => (reportExit = resolve));
    // The workbench calls this when the extension host has finished running the suite.
    await page.exposeFunction("codeAutomationExit", (code: number) => reportExit(code));
    page.on("console", (message) => extensionHostLines(message.text()).forEach(print));
    page.on("pageerror", (error) => print(`[page error] ${error.message}`));
    await page.goto(extensionTestUrl(server.origin, run), { timeout: 60_000 });
    let exitCode: number;
    try {
      exitCode = await withTimeout(exited, timeoutMs, `extension tests "${run.name}"`);
    } catch (error) {
      print(String((error as Error).message));
      exitCode = 1;
    }
    await page.screenshot({ path: screenshot, timeout: 15_000 }).catch(() => undefined);
    if (exitCode !== 0) print(`--- code-server output ---\n${server.output()}`);
    return { exitCode, output, screenshot };
  } finally {
    await browser.close();
    await server.stop();
  }
}
