import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { pollUntil } from "./poll";

const run = promisify(execFile);

/** Sends keyboard input to one X window through xdotool (argv, no shell; every call with a timeout). */
export class XInput {
  private constructor(
    private readonly display: string,
    readonly window: string,
  ) {}

  /** Waits for a visible window of this X class to appear on the display, and gives it the focus. */
  static async forWindow(display: string, windowClass: string, timeoutMs: number): Promise<XInput> {
    const window = await pollUntil(`a visible ${windowClass} window on ${display}`, timeoutMs, async () => {
      const found = await xdotool(display, ["search", "--onlyvisible", "--class", windowClass]).catch(() => "");
      return found.split("\n").find(Boolean);
    });
    const input = new XInput(display, window);
    await input.run(["windowfocus", "--sync", window]);
    return input;
  }

  /** Resizes the window (there is no window manager to size it). */
  resize(width: number, height: number): Promise<string> {
    return this.run(["windowsize", this.window, String(width), String(height)]);
  }

  /** Presses keys in turn, e.g. "ctrl+Home", "Down", "Return"; they go to the focused window. */
  key(...keys: string[]): Promise<string> {
    return this.run(["key", "--delay", "40", ...keys]);
  }

  /** Clicks the left mouse button at x, y in the window. */
  click(x: number, y: number): Promise<string> {
    return this.run(["mousemove", "--window", this.window, String(x), String(y), "click", "1"]);
  }

  /** Types text as a user would, one key at a time. */
  type(text: string): Promise<string> {
    return this.run(["type", "--delay", "40", text]);
  }

  private run(args: string[]): Promise<string> {
    return xdotool(this.display, args);
  }
}

async function xdotool(display: string, args: string[]): Promise<string> {
  const { stdout } = await run("xdotool", args, { env: { ...process.env, DISPLAY: display }, timeout: 15_000 });
  return stdout;
}
