import * as vscode from "vscode";
import type { ActiveUnitState } from "./activeUnitState";
import { UI_COMMANDS } from "./commandIds";
import { NOT_INSTALLED } from "./stateDisplay";
import { fileTarget, type UnitRef } from "./unitTarget";
import { t } from "../l10n";

/** `● running · Start · Stop · Restart · Logs` on the first line of a unit file; `not installed · Install…` on one that is not. */
export class UnitCodeLens implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(private readonly state: ActiveUnitState) {
    this.onDidChangeCodeLenses = state.onDidChange;
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.isTrusted || document.uri.scheme !== "file") return [];
    const target = fileTarget(document.uri.fsPath);
    if (target.kind === "none") return [];
    const active = this.state.current;
    const display = active?.uri === document.uri.toString() ? active.display : undefined;
    const range = new vscode.Range(0, 0, 0, 0);
    const lens = (title: string, command: string, argument?: unknown) =>
      new vscode.CodeLens(range, { title, command, arguments: argument === undefined ? [] : [argument] });
    const namesake = active?.uri === document.uri.toString() ? active.namesake : undefined;
    const ref: UnitRef | undefined = target.scope
      ? { unit: target.unit, scope: target.scope, template: target.template, path: target.path }
      : display?.name === "not installed"
        ? undefined
        : namesake;
    if (!ref) return target.dropIn ? [] : [lens(`$(${NOT_INSTALLED.icon}) ${NOT_INSTALLED.label} · ${t("Install…")}`, UI_COMMANDS.install)];
    return [
      lens(display ? `$(${display.icon}) ${display.label}` : t("$(info) status"), UI_COMMANDS.showStatus, ref),
      lens(t("Start"), UI_COMMANDS.start, ref),
      lens(t("Stop"), UI_COMMANDS.stop, ref),
      lens(t("Restart"), UI_COMMANDS.restart, ref),
      lens(t("Logs"), UI_COMMANDS.showJournal, { ...ref, journal: {} }),
    ];
  }
}
