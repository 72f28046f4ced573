import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { test } from "node:test";
import { artifactsDir, repoRoot } from "../support/paths";
import { scratchDir, spawnGroup, stopGroup } from "../support/processes";
import { kateProfile } from "./kateProfile";
import { clientMessages, readLog, responseTo, serverNotifications, summarise, type LogEntry, type LspMessage } from "./lspLog";
import { pollUntil } from "./poll";
import { XInput } from "./xdotool";
import { startXvfb } from "./xvfb";

const server = join(repoRoot, "server/bin/unitsmith-language-server.js");
const install = "run `bash scripts/editors/install-kate.sh`";

/** Kate's version line, or undefined when there is no `kate` on PATH. */
function kateVersion(): string | undefined {
  const probe = spawnSync("kate", ["--version"], {
    encoding: "utf8",
    timeout: 15_000,
    env: { ...process.env, QT_QPA_PLATFORM: "offscreen" },
  });
  if ((probe.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") return undefined;
  if (probe.error) throw new Error(`kate --version failed: ${probe.error.message}`);
  return probe.stdout.trim();
}

const version = kateVersion();

const unit = [
  "[Unit]",
  "Description=Unitsmith in Kate",
  "",
  "[Service]",
  "this line has no equals sign",
  "ExecStrat=/usr/bin/true",
  "",
].join("\n");

interface Diagnostic {
  code?: string | number;
  message: string;
}

test(
  "Kate's LSP client, set up as docs/editors.md says, starts Unitsmith and shows its diagnostics, hover and completion",
  { timeout: 180_000, skip: version === undefined && `kate is not installed: ${install}` },
  async (t) => {
    assert.ok(existsSync(join(repoRoot, "server/dist/server.js")), "server/dist/server.js is missing: run `npm run build`");
    console.log(`    ${version ?? ""}`);
    const started = Date.now();
    const shots = artifactsDir("screenshots");
    const profile = kateProfile(server);
    const workspace = scratchDir("unitsmith-kate-workspace-");
    const file = join(workspace, "kate-demo.service");
    writeFileSync(file, unit);
    const uri = pathToFileURL(file).href;
    let kateOutput = "";
    const log = (): LogEntry[] => readLog(profile.lspLog);
    const explain = (): string =>
      `what Kate and the server exchanged so far:\n${summarise(log())}\nKate's output:\n${kateOutput.slice(-4000)}`;

    // The recorded traffic outlives the scratch profile, for reading after a failure.
    t.after(() => {
      if (existsSync(profile.lspLog)) copyFileSync(profile.lspLog, join(artifactsDir("logs"), "kate-lsp.jsonl"));
    });
    const display = await startXvfb();
    t.after(() => display.stop());
    const kate = spawnGroup("kate", ["--new", file], {
      cwd: workspace,
      env: { ...profile.env, DISPLAY: display.display },
      stdio: ["ignore", "pipe", "pipe"],
    });
    t.after(() => stopGroup(kate));
    kate.stdout?.on("data", (chunk: Buffer) => (kateOutput += chunk.toString()));
    kate.stderr?.on("data", (chunk: Buffer) => (kateOutput += chunk.toString()));
    kate.once("error", (error) => (kateOutput += `kate did not start (${error.message}): ${install}\n`));
    const stillRunning = (): void => {
      // Kate gone (a crash, no display) fails at once instead of at the deadline.
      const ended = kate.exitCode ?? kate.signalCode;
      if (ended !== null && ended !== undefined) throw new Error(`Kate exited (${ended})\n${explain()}`);
    };

    // 1. Kate starts the server for the unit file and the server's diagnostics come back.
    const initialize = await pollUntil(
      `Kate to start the server and send initialize (if Kate asked whether to start ${profile.serverCommandLine}, the allow list in katerc did not match)`,
      60_000,
      () => (stillRunning(), clientMessages(log(), "initialize")[0]),
      explain,
    );
    const didOpen = await pollUntil(
      `Kate to send textDocument/didOpen for ${uri}`,
      30_000,
      () => clientMessages(log(), "textDocument/didOpen").find((m) => textDocument(m)?.uri === uri),
      explain,
    );
    assert.equal(textDocument(didOpen)?.text, unit, "didOpen carries the file as it is on disk");
    assert.ok(responseTo(log(), initialize.id)?.result, `the server answered initialize\n${explain()}`);
    const diagnostics = await pollUntil(
      "publishDiagnostics with malformed-line and unknown-directive",
      30_000,
      () => {
        const published = serverNotifications(log(), "textDocument/publishDiagnostics")
          .map((m) => m.params as { uri: string; diagnostics: Diagnostic[] })
          .filter((p) => p.uri === uri);
        const last = published.at(-1)?.diagnostics;
        const codes = new Set(last?.map((d) => d.code));
        return codes.has("malformed-line") && codes.has("unknown-directive") ? last : undefined;
      },
      explain,
    );
    console.log(
      `    Kate got ${diagnostics.length} diagnostics after ${((Date.now() - started) / 1000).toFixed(1)} s: ${diagnostics.map((d) => d.code).join(", ")}`,
    );
    console.log(`    didOpen languageId: ${String(textDocument(didOpen)?.languageId)}`);

    const input = await XInput.forWindow(display.display, "kate", 30_000);
    await input.resize(1280, 800);
    let frame = await display.settled("Kate with the diagnostics underlined", 20_000);
    // LSP Client > Switch to Diagnostics Tab lists them; a click in the text puts the focus back.
    await input.key("ctrl+alt+i");
    frame = await display.settled("the command bar", 20_000, frame);
    await input.type("switch to diagnostics");
    frame = await display.settled("Switch to Diagnostics Tab in the command bar", 20_000, frame);
    await input.key("Return");
    frame = await display.settled("the Diagnostics tab", 20_000, frame);
    display.screenshot(join(shots, "kate-diagnostics.png"));
    await input.click(600, 300);

    // 2. Hover: the cursor on Description, then LSP Client > Symbol Info through Kate's command bar
    //    (Ctrl+Alt+I), which asks for the hover at the cursor, as pointing at the word with the mouse does.
    const hoversBefore = clientMessages(log(), "textDocument/hover").length;
    await input.key("ctrl+Home", "Down", "Right");
    await input.key("ctrl+alt+i");
    frame = await display.settled("the command bar", 20_000, frame);
    await input.type("symbol info");
    frame = await display.settled("Symbol Info in the command bar", 20_000, frame);
    await input.key("Return");
    const hover = await pollUntil(
      "Kate to send textDocument/hover",
      20_000,
      () => clientMessages(log(), "textDocument/hover")[hoversBefore],
      explain,
    );
    assert.deepEqual((hover.params as { position: unknown }).position, { line: 1, character: 1 });
    const hoverAnswer = await pollUntil("the server's hover", 20_000, () => responseTo(log(), hover.id), explain);
    const hoverText = JSON.stringify(hoverAnswer.result);
    assert.match(hoverText, /Description=/, `the hover explains Description=: ${hoverText}`);
    frame = await display.settled("the hover", 20_000, frame);
    display.screenshot(join(shots, "kate-hover.png"));
    await input.key("Escape");

    // 3. Completion: on a new last line, type ExecSta, ask for completion (Ctrl+Space), pick the first.
    const completionsBefore = clientMessages(log(), "textDocument/completion").length;
    await input.key("ctrl+End");
    await input.type("ExecSta");
    await input.key("ctrl+space");
    const completion = await pollUntil(
      "Kate to send textDocument/completion",
      20_000,
      () => clientMessages(log(), "textDocument/completion")[completionsBefore],
      explain,
    );
    assert.equal((completion.params as { position: { line: number } }).position.line, 6);
    const completionAnswer = await pollUntil("the server's completion items", 20_000, () => responseTo(log(), completion.id), explain);
    const items = completionItems(completionAnswer);
    assert.ok(
      items.some((i) => i.label === "ExecStart"),
      `ExecStart is offered: ${items.map((i) => i.label).join(", ")}`,
    );
    frame = await display.settled("the completion list", 20_000, frame);
    display.screenshot(join(shots, "kate-completion.png"));
    const changesBefore = clientMessages(log(), "textDocument/didChange").length;
    await input.key("Return");
    await pollUntil(
      "Kate to send the line with ExecStart picked",
      20_000,
      () =>
        clientMessages(log(), "textDocument/didChange")
          .slice(changesBefore)
          .find((m) => JSON.stringify(m.params).includes("ExecStart=")),
      explain,
    );
    await display.settled("the picked completion", 20_000, frame);
    display.screenshot(join(shots, "kate-completed.png"));

    const errors = log().filter((e) => e.message?.error);
    assert.deepEqual(errors, [], `no request failed\n${explain()}`);
    console.log(`    Kate run took ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots: .artifacts/screenshots/kate-*.png`);
  },
);

function textDocument(message: LspMessage): { uri: string; text?: string; languageId?: string } | undefined {
  return (message.params as { textDocument?: { uri: string; text?: string; languageId?: string } } | undefined)?.textDocument;
}

function completionItems(answer: LspMessage): { label: string }[] {
  const result = answer.result as { items: { label: string }[] } | { label: string }[] | null;
  if (!result) return [];
  return Array.isArray(result) ? result : result.items;
}
