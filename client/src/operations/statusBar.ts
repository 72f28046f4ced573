import * as vscode from "vscode";
import type { ActiveUnitState } from "./activeUnitState";
import { UI_COMMANDS } from "./commandIds";
import { statusBarText } from "./stateDisplay";
import { t } from "../l10n";

/** The status bar item for the active editor's unit: "● backup.service running", "failed", "not installed". */
export function createUnitStatusBar(state: ActiveUnitState): vscode.Disposable & { item: vscode.StatusBarItem } {
  const item = vscode.window.createStatusBarItem("unitsmith.unitState", vscode.StatusBarAlignment.Left, 10);
  item.name = t("systemd Unit State");
  const update = () => {
    const active = state.current;
    if (!active) {
      item.hide();
      return;
    }
    item.text = statusBarText(active.unit, active.display);
    item.backgroundColor = active.display.name === "failed" ? new vscode.ThemeColor("statusBarItem.errorBackground") : undefined;
    const asked = active.installed ?? (active.display.name === "not installed" ? undefined : active.namesake);
    if (asked) {
      item.tooltip = t("{0} ({1} manager): {2}. Click for its status.", active.unit, asked.scope, active.display.label);
      item.command = { title: t("Show Status"), command: UI_COMMANDS.showStatus, arguments: [asked] };
    } else {
      item.tooltip = t("This file is not in a systemd unit directory, so systemd does not read it from here. Click to install it.");
      item.command = { title: t("Install"), command: UI_COMMANDS.install };
    }
    item.show();
  };
  const subscription = state.onDidChange(update);
  update();
  return {
    item,
    dispose: () => {
      subscription.dispose();
      item.dispose();
    },
  };
}
