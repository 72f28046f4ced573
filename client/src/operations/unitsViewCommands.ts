import * as vscode from "vscode";
import { UI_COMMANDS } from "./commandIds";
import type { OperationsUi } from "./operationsUi";
import type { UnitsTree } from "./unitsTree";
import { isUnitRef } from "./unitTarget";
import { t } from "../l10n";

/** Refresh, Filter, Clear Filter and Open File of the units view. */
export function registerUnitsViewCommands(ui: OperationsUi, tree: UnitsTree): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(UI_COMMANDS.refreshUnits, () => tree.refresh()),
    vscode.commands.registerCommand(UI_COMMANDS.filterUnits, async () => {
      const text = await ui.prompts().input({
        title: t("Filter the systemd units"),
        prompt: t("Words the unit's name or description contains; empty shows every unit"),
        value: tree.filter,
      });
      if (text !== undefined) tree.setFilter(text);
    }),
    vscode.commands.registerCommand(UI_COMMANDS.clearUnitsFilter, () => tree.setFilter("")),
    vscode.commands.registerCommand(UI_COMMANDS.openUnitFile, async (argument?: unknown) => {
      if (isUnitRef(argument) && argument.path) await vscode.window.showTextDocument(vscode.Uri.file(argument.path));
    }),
  ];
}
