import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { scratchDir } from "../support/processes";

export interface HeadlessChromium {
  context: BrowserContext;
  close(): Promise<void>;
}

const executablePath = process.env.CHROMIUM_BIN ?? "/usr/bin/chromium";

/**
 * Debian's Chromium, headless, with a throwaway profile and no background traffic. With `prefix`
 * (nsenter into a test's namespaces) it runs under it, through a wrapper script, since Playwright
 * starts one executable.
 */
export async function launchChromium(prefix?: string[]): Promise<HeadlessChromium> {
  if (!existsSync(executablePath)) {
    throw new Error(`${executablePath} not found: run scripts/editors/install-deps.sh (or set CHROMIUM_BIN)`);
  }
  const profile = scratchDir("unitsmith-chromium-");
  let executable = executablePath;
  if (prefix) {
    executable = join(scratchDir("unitsmith-chromium-wrapper-"), "chromium");
    const words = [...prefix, executablePath].map((word) => `'${word.replaceAll("'", `'\\''`)}'`);
    writeFileSync(executable, `#!/bin/sh\nexec ${words.join(" ")} "$@"\n`, { mode: 0o755 });
  }
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: executable,
    headless: true,
    timeout: 60_000,
    viewport: { width: 1400, height: 900 },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
