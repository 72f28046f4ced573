// New Unit, Convert a Cron Line, Add a Timer and Add a Socket in a real extension host, answered through the extension's
// prompts hook. This machine runs no systemd: installing ends in the one clear "no systemd" notice.
import assert from "node:assert/strict";
import { setup, suite, suiteSetup, teardown, test } from "mocha";
import * as vscode from "vscode";
import { accessSync, chmodSync, constants } from "node:fs";
import { findProgram, generateUnits, type NewUnitOptions } from "../../../../server/src/language/generate";
import { cronTimes } from "../../../../server/test/calendar/cronReference";
import { runAnalyze } from "../../../../server/test/values/systemdAnalyze";
import type { UnitsmithExports } from "../../../../client/src/extension";
import { invocationOf } from "../../../../client/src/newUnit/invocation";
import type { NoticeRecord } from "../../../../client/src/operations/notifier";
import { extensionId, languageId } from "./manifest";
import { scriptedUser, type Question } from "./newUnitUser";
import { hasNoDiagnostics } from "./newUnitWaiting";
import { until } from "./waiting";
import { writeWorkspaceFile } from "./workspaceFiles";

const NO_SYSTEMD = /There is no systemd (user|system) manager .*to talk to/;
const SERVICE_TEXT = "[Unit]\nDescription=Backs up\n\n[Service]\nExecStart=/usr/bin/true\n\n[Install]\nWantedBy=multi-user.target\n";

/** What `unitsmith new` writes for `options`, header included. */
function generated(options: NewUnitOptions): { name: string; text: string }[] {
  const folder = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
  const result = generateUnits({ ...options, invocation: invocationOf(options) }, (name) =>
    findProgram(name, folder, process.env.PATH, (path) => {
      try {
        accessSync(path, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    }),
  );
  assert.ok(result.ok, JSON.stringify(result));
  return result.files;
}

const read = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));

const BASE = "2026-12-02 10:07:00 UTC";

/** The first five times any of a timer's OnCalendar= lines elapses after BASE, per systemd-analyze calendar, in seconds. */
async function timerElapses(timer: string): Promise<number[]> {
  const calendars = [...timer.matchAll(/^OnCalendar=(.+)$/gm)].map((m) => m[1]!);
  const analyzed = await runAnalyze("calendar", calendars, ["--iterations=5", `--base-time=${BASE}`]);
  assert.equal(analyzed.code, 0, analyzed.stderr);
  const elapses = [...analyzed.stdout.matchAll(/\w{3} (\S+) (\S+) UTC$/gm)].map((m) => Date.parse(`${m[1]}T${m[2]}Z`) / 1000);
  return [...new Set(elapses)].sort((a, b) => a - b).slice(0, 5);
}

export function newUnitSuite(): void {
  suite("generating units", () => {
    let api: UnitsmithExports["operations"];
    let folder: vscode.Uri;
    const questions: Question[] = [];
    const notices: NoticeRecord[] = [];
    let answering: vscode.Disposable | undefined;

    /** Runs `command` with the scripted user answering. */
    async function run(command: string, answers: readonly (readonly [RegExp, string | boolean])[]): Promise<void> {
      answering = api.answerWith(scriptedUser(answers, questions));
      await vscode.commands.executeCommand(command);
    }
    const asked = (title: RegExp) => questions.find((question) => title.test(question.title));

    suiteSetup(async () => {
      folder = vscode.workspace.workspaceFolders![0]!.uri;
      await vscode.window.showTextDocument(await writeWorkspaceFile("first.service", SERVICE_TEXT));
      const extension = vscode.extensions.getExtension<UnitsmithExports>(extensionId);
      assert.ok(extension);
      await until(() => extension.isActive, "activation");
      api = extension.exports.operations;
      api.onDidNotify((record) => notices.push(record));
    });

    setup(() => {
      questions.length = 0;
      notices.length = 0;
    });

    teardown(() => answering?.dispose());

    test("New Unit opens the unit unitsmith new writes for the same answers, and the server finds nothing wrong with it", async () => {
      await run("unitsmith.newUnit", [
        [/command it runs/, "echo Hello from systemd"],
        [/its name/, "hello"],
        [/where should the files go/, "Unsaved editors"],
      ]);
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor);
      assert.equal(editor.document.uri.scheme, "untitled");
      assert.equal(editor.document.languageId, languageId);
      const [service] = generated({ name: "hello", command: "echo Hello from systemd", scope: "system", type: "exec" });
      assert.equal(editor.document.getText(), service!.text);
      assert.match(editor.document.getText(), /^ExecStart=\/\S+\/echo Hello from systemd$/m);
      assert.match(asked(/unsaved editor/)?.title ?? "", /hello\.service is in an unsaved editor; save it under its name to install it/);
      await hasNoDiagnostics(editor);
    });

    test("New Unit's input boxes refuse, as it is typed, what unitsmith new refuses", async () => {
      await run("unitsmith.newUnit", [[/command it runs/, "echo hi"]]);
      const problem = (title: RegExp, text: string) => asked(title)?.problem?.(text);
      assert.match(problem(/command it runs/, "no-such-program-here --now") ?? "", /"no-such-program-here" was not found on PATH/);
      assert.match(problem(/its name/, "bad/name") ?? "", /"\/" is not allowed/);
      assert.match(problem(/longest it may run/, "5 parsecs") ?? "", /^The longest it may run "5 parsecs"/);
      assert.doesNotMatch(
        problem(/command it runs/, "no-such-program-here --now") ?? "",
        /--/,
        "no command-line flag in the wizard's words",
      );
      assert.match(asked(/command it runs/)?.title ?? "", /^New unit \(1 of 10\): the command it runs$/);
      assert.match(asked(/its name/)?.title ?? "", /^New unit \(2 of 10\): its name$/);
      assert.equal(problem(/longest it may run/, ""), undefined, "an optional question can be left empty");
    });

    test("New Unit finds a system unit's program on systemd's search path, a user unit's on the editor's PATH", async () => {
      // A shim directory first on the editor's PATH, as a version manager puts it there.
      const shims = vscode.Uri.joinPath(folder, "shims");
      await writeWorkspaceFile("shims/python3", '#!/bin/sh\nexec /usr/bin/python3 "$@"\n');
      chmodSync(vscode.Uri.joinPath(shims, "python3").fsPath, 0o755);
      const path = process.env.PATH;
      process.env.PATH = `${shims.fsPath}:${path}`;
      try {
        for (const [scope, program] of [
          ["System", "/usr/bin/python3"],
          ["User", vscode.Uri.joinPath(shims, "python3").fsPath],
        ] as const) {
          await run("unitsmith.newUnit", [
            [/command it runs/, "python3 -m http.server 8080"],
            [/its name/, `web-${scope.toLowerCase()}`],
            [/for which manager/, scope],
            [/where should the files go/, "Unsaved editors"],
          ]);
          answering?.dispose();
          assert.match(
            vscode.window.activeTextEditor?.document.getText() ?? "",
            new RegExp(`^ExecStart=${program} -m http\\.server 8080$`, "m"),
          );
        }
      } finally {
        process.env.PATH = path;
      }
    });

    test("New Unit writes a service and its timer into the folder and offers to install them", async () => {
      await run("unitsmith.newUnit", [
        [/command it runs/, "echo nightly run"],
        [/its name/, "nightly"],
        [/what starts it/, "A schedule"],
        [/when does it run/, "Daily"],
        [/where should the files go/, `Into ${vscode.workspace.workspaceFolders![0]!.name}`],
        [/^Wrote/, "Install…"],
        [/^Install \S+ for which manager/, "User"],
        [/^Install \S+$/, "Install and Start"],
      ]);
      const files = generated({ name: "nightly", command: "echo nightly run", scope: "system", every: "daily" });
      for (const file of files) assert.equal(await read(vscode.Uri.joinPath(folder, file.name)), file.text);
      assert.equal(
        asked(/^Wrote/)?.title,
        "Wrote nightly.service and nightly.timer. Enable nightly.timer, not nightly.service: it starts the service.",
      );
      assert.deepEqual(
        questions.filter((question) => /^Install \S+$/.test(question.title)).map((question) => question.title),
        ["Install nightly.service", "Install nightly.timer"],
      );
      assert.ok(
        notices.some((record) => NO_SYSTEMD.test(record.notice.text)),
        JSON.stringify(notices),
      );
    });

    test("New Unit asks before replacing a file, and when told no leaves it and opens the units unsaved", async () => {
      const mine = await writeWorkspaceFile("mine.service", "# my own\n");
      await run("unitsmith.newUnit", [
        [/command it runs/, "echo mine"],
        [/its name/, "mine"],
        [/where should the files go/, `Into ${vscode.workspace.workspaceFolders![0]!.name}`],
      ]);
      assert.ok(asked(/^Replace mine\.service\?$/), "no question before replacing");
      assert.equal(await read(mine), "# my own\n");
      assert.equal(vscode.window.activeTextEditor?.document.uri.scheme, "untitled");
      assert.match(vscode.window.activeTextEditor?.document.getText() ?? "", /^ExecStart=\S+ mine$/m);
    });

    test("Convert a Cron Line writes what unitsmith new --cron writes, and the timer elapses when cron runs the line", async () => {
      // Cron runs this on the first of the month and on weekdays: the timer needs a line for each.
      const cron = "0 3 1 * 1-5";
      await run("unitsmith.convertCron", [
        [/the crontab line/, `${cron} echo nightly report`],
        [/its name/, "report"],
        [/for which manager/, "System"],
        [/where should the files go/, `Into ${vscode.workspace.workspaceFolders![0]!.name}`],
      ]);
      const files = generated({ name: "report", command: "echo nightly report", cron, scope: "system" });
      assert.deepEqual(
        files.map((file) => file.name),
        ["report.service", "report.timer"],
      );
      for (const file of files) assert.equal(await read(vscode.Uri.joinPath(folder, file.name)), file.text);
      const timer = await read(vscode.Uri.joinPath(folder, "report.timer"));
      assert.equal(timer.match(/^OnCalendar=/gm)?.length, 2, timer);
      assert.deepEqual(await timerElapses(timer), cronTimes(cron, Date.parse("2026-12-02T10:07:00Z") / 1000, 5));
      assert.match(timer, /^# Generated by: unitsmith new .*--cron '0 3 1 \* 1-5'$/m);
      assert.equal(
        asked(/the command it runs/)?.title,
        "Convert a cron line (2 of 4): the command it runs",
        "the command is taken from the line and shown to be checked",
      );
      assert.match(asked(/^Wrote/)?.title ?? "", /^Wrote report\.service and report\.timer\. Enable report\.timer/);
    });

    test("Convert a Cron Line says, as it is typed, what is not a cron line a timer can follow", async () => {
      await run("unitsmith.convertCron", [
        [/the crontab line/, "@hourly /usr/bin/true"],
        [/where should the files go/, "Unsaved editors"],
      ]);
      const problem = (text: string) => asked(/the crontab line/)?.problem?.(text) ?? "";
      assert.match(problem("0 3 * *"), /^This is not a cron line that a timer can follow: a cron line starts with five fields/);
      assert.match(problem("61 3 * * * /usr/bin/true"), /minute 61 is out of range \(0-59\)\.$/);
      assert.match(problem("@reboot /usr/bin/true"), /OnBootSec=/);
      assert.equal(problem("*/15 * * * mon-fri /usr/bin/true"), "");
      assert.match(asked(/the command it runs/)?.problem?.("no-such-program-here") ?? "", /"no-such-program-here" was not found on PATH/);
    });

    test("Convert a Cron Line asks before replacing a unit, and when told no leaves it and opens the units unsaved", async () => {
      const mine = await writeWorkspaceFile("sync.timer", "# my own timer\n");
      await run("unitsmith.convertCron", [
        [/the crontab line/, "@daily echo sync"],
        [/its name/, "sync"],
        [/where should the files go/, `Into ${vscode.workspace.workspaceFolders![0]!.name}`],
      ]);
      assert.ok(asked(/^Replace sync\.timer\?$/), "no question before replacing");
      assert.equal(await read(mine), "# my own timer\n");
      assert.equal(vscode.window.activeTextEditor?.document.uri.scheme, "untitled");
      assert.match(vscode.window.activeTextEditor?.document.getText() ?? "", /^ExecStart=\S+ sync$/m);
    });

    test("Add a Timer writes NAME.timer beside the service and removes its WantedBy= only when asked", async () => {
      const service = await writeWorkspaceFile("units/backup.service", SERVICE_TEXT);
      await vscode.window.showTextDocument(service);
      await run("unitsmith.addTimer", [
        [/calendar event\)$/, "Mon..Fri 09:00"],
        [/when does it run/, "Another calendar event…"],
        [/has WantedBy=/, "Remove WantedBy=multi-user.target from backup.service"],
      ]);
      const timer = await read(vscode.Uri.joinPath(folder, "units", "backup.timer"));
      assert.match(timer, /^OnCalendar=Mon\.\.Fri 09:00$/m);
      assert.match(timer, /^Persistent=true$/m);
      assert.match(asked(/calendar event\)$/)?.problem?.("every full moon") ?? "", /every full moon/);
      assert.match(asked(/has WantedBy=/)?.title ?? "", /would also start at boot, not only through backup\.timer/);
      const document = vscode.workspace.textDocuments.find((open) => open.uri.toString() === service.toString());
      assert.ok(document?.isDirty, "the service's change is left for the user to save");
      assert.doesNotMatch(document.getText(), /WantedBy=/);
      assert.equal(await read(service), SERVICE_TEXT, "the file on disk is untouched until saved");
      await vscode.commands.executeCommand("workbench.action.files.revert");
    });

    test("Add a Socket writes NAME.socket beside the service and leaves the service alone when the user says nothing", async () => {
      const service = await writeWorkspaceFile("units/proxy.service", SERVICE_TEXT);
      await vscode.window.showTextDocument(service);
      await run("unitsmith.addSocket", [[/where does it listen/, "127.0.0.1:8080"]]);
      const socket = await read(vscode.Uri.joinPath(folder, "units", "proxy.socket"));
      assert.match(socket, /^ListenStream=127\.0\.0\.1:8080$/m);
      assert.match(socket, /^WantedBy=sockets\.target$/m);
      assert.match(asked(/where does it listen/)?.problem?.("99999") ?? "", /a port is a number from 1 to 65535/);
      assert.ok(asked(/proxy\.service has WantedBy=multi-user\.target/));
      const document = vscode.workspace.textDocuments.find((open) => open.uri.toString() === service.toString());
      assert.equal(document?.isDirty, false);
    });

    test("Add a Timer does not replace an existing timer unless the user confirms", async () => {
      const service = await writeWorkspaceFile("units/report.service", SERVICE_TEXT);
      const existing = await writeWorkspaceFile("units/report.timer", "# hand-written\n");
      await vscode.window.showTextDocument(service);
      await run("unitsmith.addTimer", [[/when does it run/, "Weekly"]]);
      assert.ok(asked(/^Replace report\.timer\?$/));
      assert.equal(await read(existing), "# hand-written\n");
      assert.match(notices.at(-1)?.notice.text ?? "", /report\.timer was left as it was/);

      questions.length = 0;
      answering?.dispose();
      await run("unitsmith.addTimer", [
        [/when does it run/, "Weekly"],
        [/^Replace report\.timer\?$/, true],
      ]);
      assert.match(await read(existing), /^OnCalendar=weekly$/m);
    });

    test("Add a Timer on something other than a service says what it needs", async () => {
      await vscode.window.showTextDocument(await writeWorkspaceFile("units/web.socket", "[Socket]\nListenStream=8080\n"));
      await run("unitsmith.addTimer", []);
      assert.deepEqual(questions, []);
      assert.match(notices.at(-1)?.notice.text ?? "", /^Add a Timer: open the \.service file itself/);
    });
  });
}
