import * as vscode from "vscode";
import { instantiate } from "../../../server/src/protocol";
import { chooseUnit, pickScope } from "./chooseUnit";
import { UI_COMMANDS } from "./commandIds";
import { failureNotice, infoNotice } from "./notices";
import { report, type OperationsUi } from "./operationsUi";
import type { InstallArgument } from "./serverCommands";
import { fileTarget } from "./unitTarget";
import { withProgress } from "./unitCommands";

const INSTALL_RUN_CHOICES = [
  { label: "Install", description: "put the file in place and reload systemd", value: { enable: false, start: false } },
  { label: "Install and Start", value: { enable: false, start: true } },
  { label: "Install and Enable", description: "start it at boot (or login)", value: { enable: true, start: false } },
  { label: "Install, Enable and Start", value: { enable: true, start: true } },
];

/** The active editor's document, saved: Install and Security Analysis read the file on disk. */
async function savedUnitDocument(ui: OperationsUi, doing: string): Promise<vscode.TextDocument | undefined> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || document.uri.scheme !== "file") {
    ui.notifier.notify(infoNotice(`${doing}: open a saved unit file first.`));
    return undefined;
  }
  if (!document.isDirty) return document;
  const save = "Save and Continue";
  const name = document.uri.path.slice(document.uri.path.lastIndexOf("/") + 1);
  if ((await ui.prompts().ask(`${doing} reads ${name} as it is on disk, and it has unsaved changes.`, [save])) !== save) return undefined;
  return (await document.save()) ? document : undefined;
}

/** Installs the active editor's unit, asking where, which instance, whether to enable and start, and before replacing a file. */
async function install(ui: OperationsUi): Promise<void> {
  const document = await savedUnitDocument(ui, "Install");
  if (!document) return;
  const target = fileTarget(document.uri.fsPath);
  if (target.kind === "none" || target.dropIn) {
    ui.notifier.notify(infoNotice(target.kind === "none" ? target.message : "A drop-in is installed with its unit: use Edit Override."));
    return;
  }
  const prompts = ui.prompts();
  const scope = await pickScope(ui, `Install ${target.unit} for which manager?`);
  if (!scope) return;
  let instance: string | undefined;
  if (target.template) {
    instance = await prompts.input({
      title: `Enable or start an instance of ${target.unit}?`,
      prompt: "An instance name, or nothing to only install the template",
      problem: (text) => {
        const checked = text === "" ? undefined : instantiate(target.unit, text);
        return checked && !checked.ok ? checked.message : undefined;
      },
    });
    if (instance === undefined) return;
  }
  const run =
    instance === "" ? { value: { enable: false, start: false } } : await prompts.pick(`Install ${target.unit}`, INSTALL_RUN_CHOICES);
  if (!run) return;
  const argument: InstallArgument = { uri: document.uri.toString(), scope, ...run.value, ...(instance && { instance }) };
  const doing = `Installing ${target.unit}`;
  let answer = await withProgress(`${doing}…`, () => ui.operations.run("install", argument));
  if (!answer.ok && answer.reason === "needs-confirmation") {
    const replace = await prompts.confirm(`Replace ${answer.path ?? target.unit}?`, answer.message, "Replace");
    if (!replace) return;
    answer = await withProgress(`${doing}…`, () => ui.operations.run("install", { ...argument, overwrite: true }));
  }
  report(ui, answer, doing);
}

/** Edit Override, Install, Uninstall and Security Analysis. */
export function registerFileCommands(ui: OperationsUi): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(UI_COMMANDS.editOverride, async (argument?: unknown) => {
      const ref = await chooseUnit(ui, argument, "template-allowed");
      if (!ref) return;
      const answer = await ui.operations.run("override", { unit: ref.unit, scope: ref.scope });
      if (!answer.ok) return ui.notifier.notify(failureNotice(answer, `Making an override for ${ref.unit}`));
      ui.overrides.add(answer.path);
      await vscode.window.showTextDocument(vscode.Uri.file(answer.path));
      if (answer.created) ui.notifier.notify(infoNotice(`Created ${answer.path}. Saving it reloads systemd.`));
    }),

    vscode.commands.registerCommand(UI_COMMANDS.install, () => install(ui)),

    vscode.commands.registerCommand(UI_COMMANDS.uninstall, async (argument?: unknown) => {
      const ref = await chooseUnit(ui, argument, "template-allowed");
      if (!ref) return;
      const confirmed = await ui
        .prompts()
        .confirm(
          `Uninstall ${ref.unit} from the ${ref.scope} manager?`,
          `Unitsmith stops and disables it, removes its file from the ${ref.scope} unit directory and reloads systemd. Its drop-in directory stays.`,
          "Uninstall",
        );
      if (!confirmed) return;
      const doing = `Uninstalling ${ref.unit}`;
      report(ui, await withProgress(`${doing}…`, () => ui.operations.run("uninstall", { unit: ref.unit, scope: ref.scope })), doing);
    }),

    vscode.commands.registerCommand(UI_COMMANDS.securityAnalysis, async () => {
      const document = await savedUnitDocument(ui, "Security Analysis");
      if (!document) return;
      const answer = await withProgress("systemd-analyze security…", () => ui.operations.run("security", { uri: document.uri.toString() }));
      if (!answer.ok) return ui.notifier.notify(failureNotice(answer, "The security analysis"));
      const failed = answer.findings.filter((finding) => finding.set === false).length;
      const checked = answer.findings.filter((finding) => finding.set !== null).length;
      ui.notifier.notify(
        infoNotice(
          `${answer.unit}: ${failed} of ${checked} security checks failed; each is in the Problems panel, most with a quick fix.`,
          [{ kind: "command", label: "Show Problems", command: "workbench.actions.view.problems" }],
        ),
      );
    }),
  ];
}
