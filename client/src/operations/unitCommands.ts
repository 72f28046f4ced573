import * as vscode from "vscode";
import { chooseUnit, pickScope } from "./chooseUnit";
import { UI_COMMANDS } from "./commandIds";
import { report, type OperationsUi } from "./operationsUi";
import { fileTarget, isUnitRef, unitArgument, type Scope } from "./unitTarget";
import { t } from "../l10n";

/** What each command is doing to a unit, in words for progress notes and failures. */
const DOING = {
  start: (unit: string) => t("Starting {0}", unit),
  stop: (unit: string) => t("Stopping {0}", unit),
  restart: (unit: string) => t("Restarting {0}", unit),
  reload: (unit: string) => t("Reloading {0}", unit),
  enable: (unit: string) => t("Enabling {0}", unit),
  disable: (unit: string) => t("Disabling {0}", unit),
  enableNow: (unit: string) => t("Enabling and starting {0}", unit),
  resetFailed: (unit: string) => t("Resetting the failed state of {0}", unit),
} as const;

type Action = keyof typeof DOING;

/** Runs a server command with a progress note in the status bar. */
export function withProgress<T>(title: string, work: () => Thenable<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, work);
}

/** The scope of a command argument, or of the active editor's file, or the user's pick. */
async function chooseScope(ui: OperationsUi, argument: unknown): Promise<Scope | undefined> {
  if (isUnitRef(argument)) return argument.scope;
  if (typeof argument === "object" && argument !== null) {
    const { scope } = argument as { scope?: unknown };
    if (scope === "system" || scope === "user") return scope;
  }
  const document = vscode.window.activeTextEditor?.document;
  const target = document?.uri.scheme === "file" ? fileTarget(document.uri.fsPath) : undefined;
  if (target?.kind === "unit" && target.scope) return target.scope;
  return pickScope(ui, t("Reload which manager's unit files?"));
}

/** Start, Stop, Restart, Reload, Enable, Disable, Enable and Start, Reset Failed, and Daemon Reload. */
export function registerUnitCommands(ui: OperationsUi): vscode.Disposable[] {
  const actions = (Object.keys(DOING) as Action[]).map((action) =>
    vscode.commands.registerCommand(UI_COMMANDS[action], async (argument?: unknown) => {
      const ref = await chooseUnit(ui, argument, "instance-required");
      if (!ref) return;
      const doing = DOING[action](ref.unit);
      const answer = await withProgress(`${doing}…`, () => ui.operations.run(action, unitArgument(ref)));
      report(ui, answer, doing);
    }),
  );
  const daemonReload = vscode.commands.registerCommand(UI_COMMANDS.daemonReload, async (argument?: unknown) => {
    const scope = await chooseScope(ui, argument);
    if (!scope) return;
    const doing = t("Reloading the {0} manager", scope);
    report(ui, await withProgress(`${doing}…`, () => ui.operations.run("daemonReload", { scope })), doing);
  });
  return [...actions, daemonReload];
}
