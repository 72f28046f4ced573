import * as vscode from "vscode";
import { chooseUnit, pickScope } from "./chooseUnit";
import { UI_COMMANDS } from "./commandIds";
import { report, type OperationsUi } from "./operationsUi";
import { fileTarget, isUnitRef, type Scope } from "./unitTarget";

const ACTIONS = {
  start: "Starting",
  stop: "Stopping",
  restart: "Restarting",
  reload: "Reloading",
  enable: "Enabling",
  disable: "Disabling",
  enableNow: "Enabling and starting",
  resetFailed: "Resetting the failed state of",
} as const;

type Action = keyof typeof ACTIONS;

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
  return pickScope(ui, "Reload which manager's unit files?");
}

/** Start, Stop, Restart, Reload, Enable, Disable, Enable and Start, Reset Failed, and Daemon Reload. */
export function registerUnitCommands(ui: OperationsUi): vscode.Disposable[] {
  const actions = (Object.keys(ACTIONS) as Action[]).map((action) =>
    vscode.commands.registerCommand(UI_COMMANDS[action], async (argument?: unknown) => {
      const ref = await chooseUnit(ui, argument, "instance-required");
      if (!ref) return;
      const doing = `${ACTIONS[action]} ${ref.unit}`;
      const answer = await withProgress(`${doing}…`, () => ui.operations.run(action, { unit: ref.unit, scope: ref.scope }));
      report(ui, answer, doing);
    }),
  );
  const daemonReload = vscode.commands.registerCommand(UI_COMMANDS.daemonReload, async (argument?: unknown) => {
    const scope = await chooseScope(ui, argument);
    if (!scope) return;
    const doing = `Reloading the ${scope} manager`;
    report(ui, await withProgress(`${doing}…`, () => ui.operations.run("daemonReload", { scope })), doing);
  });
  return [...actions, daemonReload];
}
