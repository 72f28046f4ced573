// The operations UI in a real extension host. This machine runs no systemd, so every command that
// needs a manager must end in the one clear "no systemd" notice; starting and stopping a live unit
// is tested against a real systemd in test/systemd, not here. Files are installed for the user
// manager only, whose directory ($XDG_CONFIG_HOME/systemd/user) is inside code-server's scratch profile.
import assert from "node:assert/strict";
import { setup, suite, suiteSetup, test } from "mocha";
import * as vscode from "vscode";
import type { UnitsmithExports } from "../../../../client/src/extension";
import type { NoticeRecord } from "../../../../client/src/operations/notifier";
import type { UnitsNode } from "../../../../client/src/operations/unitsTree";
import { extensionId } from "./manifest";
import { scriptedPrompts, type Asked } from "./operationsPrompts";
import { until } from "./waiting";
import { writeWorkspaceFile } from "./workspaceFiles";

const UNIT = "notes-sync.service";
const UNIT_PATH = `config/systemd/user/${UNIT}`;
const UNIT_TEXT = "[Unit]\nDescription=Sync notes\n\n[Service]\nExecStart=/usr/bin/true\n";
const NO_SYSTEMD = /There is no systemd user manager .*to talk to.*cannot start, stop or query units/;

export function operationsSuite(): void {
  suite("operating units", () => {
    let api: UnitsmithExports["operations"];
    let unitUri: vscode.Uri;
    const notices: NoticeRecord[] = [];
    /** Every notice of the suite (`notices` holds the current test's). */
    const allNotices: NoticeRecord[] = [];
    const asked: Asked[] = [];

    suiteSetup(async () => {
      const scratch = process.env.XDG_CONFIG_HOME ?? "";
      assert.match(scratch, /unitsmith-code-server-/, "the user unit directory must be in code-server's scratch profile");
      unitUri = await writeWorkspaceFile(UNIT_PATH, UNIT_TEXT);
      await vscode.window.showTextDocument(unitUri);
      const extension = vscode.extensions.getExtension<UnitsmithExports>(extensionId);
      assert.ok(extension);
      await until(() => extension.isActive, "activation");
      api = extension.exports.operations;
      api.onDidNotify((record) => {
        notices.push(record);
        allNotices.push(record);
      });
      api.answerWith(scriptedPrompts({ picks: [/^User$/, /^Install and Start$/, /^All messages$/], typed: "ssh", asked }));
    });

    setup(async () => {
      notices.length = 0;
      asked.length = 0;
      await vscode.window.showTextDocument(unitUri);
    });

    const lastNotice = () => notices.at(-1)?.notice;

    test("shows the User and System groups, each with the reason it cannot list units", async () => {
      const groups = await api.unitsTree.getChildren();
      const labels = groups.map((group) => api.unitsTree.getTreeItem(group).label);
      assert.deepEqual(labels, ["User", "System"]);
      for (const group of groups) {
        const children: UnitsNode[] = await api.unitsTree.getChildren(group);
        assert.equal(children.length, 1);
        const item = api.unitsTree.getTreeItem(children[0]!);
        assert.equal(item.label, "No systemd manager to talk to");
        assert.match(String(item.tooltip), /There is no systemd (user|system) manager/);
      }
      assert.deepEqual(notices, [], "listing shows no pop-up");
    });

    test("the filter command filters the view and Clear Units Filter clears it", async () => {
      await vscode.commands.executeCommand("unitsmith.units.filter");
      assert.equal(api.unitsTree.filter, "ssh");
      await vscode.commands.executeCommand("unitsmith.units.clearFilter");
      assert.equal(api.unitsTree.filter, "");
    });

    test("the status bar says a unit in the workspace folder is not installed", async () => {
      const uri = await writeWorkspaceFile("app.service", UNIT_TEXT);
      await vscode.window.showTextDocument(uri);
      await until(() => api.statusBarItem.text === "$(circle-slash) app.service not installed", `status bar "${api.statusBarItem.text}"`);
    });

    test("the status bar says there is no systemd for an installed unit", async () => {
      await until(() => api.statusBarItem.text === `$(debug-disconnect) ${UNIT} no systemd`, `status bar "${api.statusBarItem.text}"`);
    });

    const managerCommands = [
      "start",
      "stop",
      "restart",
      "reload",
      "enable",
      "disable",
      "enableNow",
      "resetFailed",
      "daemonReload",
      "showStatus",
      "showEffectiveConfiguration",
    ];
    for (const name of managerCommands) {
      test(`Unitsmith: ${name} says there is no systemd`, async () => {
        await vscode.commands.executeCommand(`unitsmith.${name}`);
        assert.match(lastNotice()?.text ?? "(no notice)", NO_SYSTEMD);
        assert.equal(lastNotice()?.severity, "error");
      });
    }

    test("no systemd is shown once, however many commands run into it", () => {
      // The tests above ran a dozen commands; the first notice stays on screen, so no other pops up.
      const noSystemd = allNotices.filter((record) => NO_SYSTEMD.test(record.notice.text));
      assert.equal(noSystemd.length, managerCommands.length);
      assert.equal(noSystemd.filter((record) => record.shown).length, 1);
    });

    test("Uninstall and Install with no user manager do the file's part and say what they could not", async () => {
      await vscode.commands.executeCommand("unitsmith.uninstall");
      assert.match(
        lastNotice()?.text ?? "",
        /^There is no notes-sync\.service in .+ Not done: stop, disable and reload the user manager\. There is no systemd user manager/,
      );
      assert.equal(lastNotice()?.severity, "warning");
      await vscode.commands.executeCommand("unitsmith.install");
      assert.match(
        lastNotice()?.text ?? "",
        /^Wrote \S+\/systemd\/user\/notes-sync\.service\. Not done: .*There is no systemd user manager/,
      );
      assert.equal(lastNotice()?.severity, "warning");
      await vscode.commands.executeCommand("unitsmith.uninstall");
      assert.match(lastNotice()?.text ?? "", /^Removed \S+\/systemd\/user\/notes-sync\.service\. Not done: /);
    });

    test("Uninstall asks first; Install asks for the manager and what to run", async () => {
      await vscode.commands.executeCommand("unitsmith.uninstall");
      assert.deepEqual(asked, [{ kind: "confirm", title: `Uninstall ${UNIT} from the user manager?` }]);
      asked.length = 0;
      await vscode.commands.executeCommand("unitsmith.install");
      assert.deepEqual(
        asked.map((question) => question.kind),
        ["pick", "pick"],
      );
    });

    test("Show Journal asks priority, time and format, and opens the journal read-only", async () => {
      await vscode.commands.executeCommand("unitsmith.showJournal");
      assert.deepEqual(
        asked.map((question) => question.title),
        ["Journal: which messages?", "Journal: from when?", "Journal: output format"],
      );
      const document = vscode.window.activeTextEditor?.document;
      assert.equal(document?.uri.scheme, "unitsmith-output", lastNotice()?.text);
      assert.equal(document.uri.path, `/user/journal/${UNIT}.log`);
    });

    test("Follow Journal runs the server's journalctl argv in a terminal, without a shell", async () => {
      const opened = new Promise<vscode.Terminal>((resolve) => vscode.window.onDidOpenTerminal(resolve));
      await vscode.commands.executeCommand("unitsmith.followJournal");
      const terminal = await opened;
      const options = terminal.creationOptions as vscode.TerminalOptions;
      assert.equal(options.shellPath, "journalctl");
      assert.ok(Array.isArray(options.shellArgs));
      assert.ok(
        options.shellArgs.includes("--follow") && options.shellArgs.includes(`--unit=${UNIT}`) && options.shellArgs.includes("--user"),
      );
      terminal.dispose();
    });

    test("Edit Override opens the drop-in systemctl edit uses", async () => {
      await vscode.commands.executeCommand("unitsmith.editOverride");
      const path = vscode.window.activeTextEditor?.document.uri.fsPath ?? "";
      assert.equal(path, `${process.env.XDG_CONFIG_HOME}/systemd/user/${UNIT}.d/override.conf`);
    });

    test("Security Analysis shows its findings as diagnostics", async () => {
      await vscode.commands.executeCommand("unitsmith.securityAnalysis");
      assert.match(lastNotice()?.text ?? "", new RegExp(`${UNIT}: \\d+ of \\d+ security checks failed`));
      await until(
        () => vscode.languages.getDiagnostics(unitUri).some((d) => d.source === "systemd-analyze security"),
        "security diagnostics",
      );
    });

    test("saving an installed unit asks to reload and restart it", async () => {
      const editor = await vscode.window.showTextDocument(unitUri);
      await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), "# edited\n"));
      await editor.document.save();
      await until(() => asked.some((question) => question.title === `Reload and restart ${UNIT}?`), "the question after saving");
      await until(() => NO_SYSTEMD.test(lastNotice()?.text ?? ""), "the answer to Reload and Restart");
    });

    test("a unit view item opens its file", async () => {
      await vscode.commands.executeCommand("unitsmith.units.openFile", {
        unit: "app.service",
        scope: "user",
        template: false,
        path: unitUri.fsPath,
      });
      assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, unitUri.fsPath);
    });
  });
}
