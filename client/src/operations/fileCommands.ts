import * as vscode from "vscode";
import { instantiate } from "../../../server/src/protocol";
import { chooseUnit, pickScope } from "./chooseUnit";
import { UI_COMMANDS } from "./commandIds";
import { failureNotice, infoNotice } from "./notices";
import { report, type OperationsUi } from "./operationsUi";
import type { HostArgument, InstallArgument } from "./serverCommands";
import { fileTarget, unitArgument } from "./unitTarget";
import { RemoteOverrides } from "./remoteOverrides";
import { withProgress } from "./unitCommands";
import { t } from "../l10n";

const INSTALL_RUN_CHOICES = [
  { label: t("Install"), description: t("put the file in place and reload systemd"), value: { enable: false, start: false } },
  { label: t("Install and Start"), value: { enable: false, start: true } },
  { label: t("Install and Enable"), description: t("start it at boot (or login)"), value: { enable: true, start: false } },
  { label: t("Install, Enable and Start"), value: { enable: true, start: true } },
];

/** The active editor's document, saved: Install and Security Analysis read the file on disk. */
export async function savedUnitDocument(ui: OperationsUi, doing: string): Promise<vscode.TextDocument | undefined> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || document.uri.scheme !== "file") {
    ui.notifier.notify(infoNotice(t("{0}: open a saved unit file first.", doing)));
    return undefined;
  }
  if (!document.isDirty) return document;
  const save = t("Save and Continue");
  const name = document.uri.path.slice(document.uri.path.lastIndexOf("/") + 1);
  if ((await ui.prompts().ask(t("{0} reads {1} as it is on disk, and it has unsaved changes.", doing, name), [save])) !== save)
    return undefined;
  return (await document.save()) ? document : undefined;
}

/** Installs the active editor's unit, asking where, which instance, whether to enable and start, and before replacing a file. */
async function install(ui: OperationsUi): Promise<void> {
  const document = await savedUnitDocument(ui, "Install");
  if (!document) return;
  const target = fileTarget(document.uri.fsPath);
  if (target.kind === "none" || target.dropIn) {
    ui.notifier.notify(infoNotice(target.kind === "none" ? target.message : t("A drop-in is installed with its unit: use Edit Override.")));
    return;
  }
  const prompts = ui.prompts();
  const hosts = await ui.hosts();
  let host: HostArgument | undefined;
  if (hosts.length > 0) {
    const choices = [{ label: t("This machine"), value: undefined }, ...hosts.map((entry) => ({ label: entry.label, value: entry.host }))];
    const picked = await prompts.pick(t("Install {0} on which host?", target.unit), choices);
    if (!picked) return;
    host = picked.value;
  }
  const scope = await pickScope(ui, t("Install {0} for which manager?", target.unit));
  if (!scope) return;
  let instance: string | undefined;
  if (target.template) {
    instance = await prompts.input({
      title: t("Enable or start an instance of {0}?", target.unit),
      prompt: t("An instance name, or nothing to only install the template"),
      problem: (text) => {
        const checked = text === "" ? undefined : instantiate(target.unit, text);
        return checked && !checked.ok ? checked.message : undefined;
      },
    });
    if (instance === undefined) return;
  }
  const run =
    instance === "" ? { value: { enable: false, start: false } } : await prompts.pick(t("Install {0}", target.unit), INSTALL_RUN_CHOICES);
  if (!run) return;
  const argument: InstallArgument = {
    uri: document.uri.toString(),
    scope,
    ...run.value,
    ...(instance && { instance }),
    ...(host && { host }),
  };
  const doing = t("Installing {0}", target.unit);
  let answer = await withProgress(`${doing}…`, () => ui.operations.run("install", argument));
  if (!answer.ok && answer.reason === "needs-confirmation") {
    const replace = await prompts.confirm(t("Replace {0}?", answer.path ?? target.unit), answer.message, t("Replace"));
    if (!replace) return;
    answer = await withProgress(`${doing}…`, () => ui.operations.run("install", { ...argument, overwrite: true }));
  }
  report(ui, answer, doing);
}

/** Edit Override, Install, Uninstall and Security Analysis. */
export function registerFileCommands(ui: OperationsUi): vscode.Disposable[] {
  const remote = new RemoteOverrides(ui);
  return [
    remote,
    vscode.commands.registerCommand(UI_COMMANDS.editOverride, async (argument?: unknown) => {
      const ref = await chooseUnit(ui, argument, "template-allowed");
      if (!ref) return;
      const answer = await ui.operations.run("override", unitArgument(ref));
      if (!answer.ok) return ui.notifier.notify(failureNotice(answer, t("Making an override for {0}", ref.unit)));
      if (ref.host) return remote.open(ref, answer.text ?? "");
      ui.overrides.add(answer.path);
      await vscode.window.showTextDocument(vscode.Uri.file(answer.path));
      if (answer.created) ui.notifier.notify(infoNotice(t("Created {0}. Saving it reloads systemd.", answer.path)));
    }),

    vscode.commands.registerCommand(UI_COMMANDS.install, () => install(ui)),

    vscode.commands.registerCommand(UI_COMMANDS.uninstall, async (argument?: unknown) => {
      const ref = await chooseUnit(ui, argument, "template-allowed");
      if (!ref) return;
      const confirmed = await ui
        .prompts()
        .confirm(
          t("Uninstall {0} from the {1} manager?", ref.unit, ref.scope),
          t(
            "Unitsmith stops and disables it, removes its file from the {0} unit directory and reloads systemd. Its drop-in directory stays.",
            ref.scope,
          ),
          t("Uninstall"),
        );
      if (!confirmed) return;
      const doing = t("Uninstalling {0}", ref.unit);
      report(ui, await withProgress(`${doing}…`, () => ui.operations.run("uninstall", unitArgument(ref))), doing);
    }),

    vscode.commands.registerCommand(UI_COMMANDS.securityAnalysis, async () => {
      const document = await savedUnitDocument(ui, t("Security Analysis"));
      if (!document) return;
      const answer = await withProgress("systemd-analyze security…", () => ui.operations.run("security", { uri: document.uri.toString() }));
      if (!answer.ok) return ui.notifier.notify(failureNotice(answer, t("The security analysis")));
      const failed = answer.findings.filter((finding) => finding.set === false).length;
      const checked = answer.findings.filter((finding) => finding.set !== null).length;
      ui.notifier.notify(
        infoNotice(
          t("{0}: {1} of {2} security checks failed; each is in the Problems panel, most with a quick fix.", answer.unit, failed, checked),
          [{ kind: "command", label: t("Show Problems"), command: "workbench.actions.view.problems" }],
        ),
      );
    }),
  ];
}
