import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { suite, test } from "mocha";
import * as vscode from "vscode";
import { openUnit } from "./openUnit";
import { until } from "./waiting";

/** Pids of the Unitsmith servers this extension host started (their command line names its pid). */
function serverPids(): number[] {
  const client = `--clientProcessId=${process.pid}`;
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
        return argv.some((arg) => arg.endsWith("server/dist/server.js")) && argv.includes(client);
      } catch {
        return false; // gone in between
      }
    })
    .map(Number);
}

async function hoverMentions(uri: vscode.Uri, text: string): Promise<boolean> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", uri, new vscode.Position(1, 3));
  return hovers.flatMap((h) => h.contents).some((c) => (typeof c === "string" ? c : c.value).includes(text));
}

export function serverRestartSuite(): void {
  suite("a server that dies", () => {
    test("is started again and answers as before", async () => {
      const editor = await openUnit("restart.service", "[Service]\nExecStart=/usr/bin/true\n");
      assert.ok(await hoverMentions(editor.document.uri, "ExecStart="), "hover works before");
      const before = serverPids();
      assert.equal(before.length, 1, `servers of this extension host: ${before.join(", ")}`);
      process.kill(before[0]!, "SIGKILL");

      await until(() => serverPids().some((pid) => !before.includes(pid)), "a new server process");
      // The restarted server has the document again once a hover on it is answered.
      const deadline = Date.now() + 30_000;
      while (!(await hoverMentions(editor.document.uri, "ExecStart="))) {
        assert.ok(Date.now() < deadline, "the restarted server never answered a hover");
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    });
  });
}
