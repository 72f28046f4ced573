import type { ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { setTimeout as delay } from "node:timers/promises";
import { scratchDir, spawnGroup, stopGroup, withTimeout } from "../support/processes";
import { xwdToPng } from "./xwdToPng";

export interface VirtualDisplay {
  /** The value for DISPLAY, e.g. ":3". */
  display: string;
  /** The screen as it is now, as an XWD image (Xvfb keeps it in a file). */
  frame(): Buffer;
  /** Writes the screen to path as PNG. */
  screenshot(path: string): void;
  /**
   * Resolves once the screen has stopped changing (two frames settleMs apart are the same) and,
   * when given, differs from `unlike`: what was just asked for has been drawn.
   */
  settled(what: string, timeoutMs: number, unlike?: Buffer, settleMs?: number): Promise<Buffer>;
  stop(): Promise<void>;
}

/**
 * Starts Xvfb on a display number it picks itself (`-displayfd`), with its screen kept in an XWD
 * file under a scratch directory (`-fbdir`) so screenshots need no other tool. No TCP listener,
 * no access control beyond the local socket.
 */
export async function startXvfb(width = 1280, height = 800): Promise<VirtualDisplay> {
  const fbdir = scratchDir("unitsmith-xvfb-");
  const child: ChildProcess = spawnGroup(
    "Xvfb",
    ["-displayfd", "3", "-screen", "0", `${width}x${height}x24`, "-fbdir", fbdir, "-nolisten", "tcp", "-noreset"],
    { stdio: ["ignore", "ignore", "pipe", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const displayFd = child.stdio[3] as Readable;
  const number = await withTimeout(
    new Promise<string>((resolve, reject) => {
      let text = "";
      displayFd.on("data", (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes("\n")) resolve(text.trim());
      });
      child.once("error", (error) => reject(new Error(`Xvfb did not start (${error.message}): run scripts/editors/install-kate.sh`)));
      child.once("exit", (code) => reject(new Error(`Xvfb exited with ${String(code)} before it had a display:\n${stderr}`)));
    }),
    20_000,
    "Xvfb's display number",
  );
  const screenFile = join(fbdir, "Xvfb_screen0");
  const frame = (): Buffer => readFileSync(screenFile);
  return {
    display: `:${number}`,
    frame,
    screenshot: (path) => writeFileSync(path, xwdToPng(frame())),
    async settled(what, timeoutMs, unlike, settleMs = 250) {
      const deadline = Date.now() + timeoutMs;
      let previous = frame();
      for (;;) {
        await delay(settleMs);
        const current = frame();
        if (current.equals(previous) && !(unlike && current.equals(unlike))) return current;
        if (Date.now() >= deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for the screen to show ${what}`);
        previous = current;
      }
    },
    stop: () => stopGroup(child),
  };
}
