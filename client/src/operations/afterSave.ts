import * as vscode from "vscode";
import { afterSavePlan, afterSaveSetting, type AfterSaveStep } from "./afterSavePlan";
import { report, type OperationsUi } from "./operationsUi";
import { fileTarget, unitArgument, type UnitRef } from "./unitTarget";
import { t } from "../l10n";

/** Runs the steps in order, stops at the first failure, and says how the last one went; false after a failure. */
async function runSteps(ui: OperationsUi, ref: UnitRef, steps: readonly AfterSaveStep[]): Promise<boolean> {
  for (const [index, step] of steps.entries()) {
    const reload = step === "reload";
    const doing = reload ? t("Reloading the {0} manager", ref.scope) : t("Restarting {0}", ref.unit);
    const answer = reload
      ? await ui.operations.run("daemonReload", { scope: ref.scope })
      : await ui.operations.run("restart", unitArgument(ref));
    if (!answer.ok || index === steps.length - 1) report(ui, answer, doing);
    if (!answer.ok) return false;
  }
  return true;
}

/**
 * After a unit file in a unit directory (or a drop-in of one) is saved: reload systemd and restart
 * the unit, as `unitsmith.operations.afterSave` says (by default, asking first).
 */
export function reactToSaves(ui: OperationsUi): vscode.Disposable {
  return vscode.workspace.onDidSaveTextDocument(async (document) => {
    if (!vscode.workspace.isTrusted || document.uri.scheme !== "file") return;
    const target = fileTarget(document.uri.fsPath);
    if (target.kind === "none" || !target.scope) return;
    const ref: UnitRef = { unit: target.unit, scope: target.scope, template: target.template };
    const setting = afterSaveSetting(vscode.workspace.getConfiguration("unitsmith", document.uri).get("operations.afterSave"));
    const plan = afterSavePlan({ setting, unit: target.unit, template: target.template, override: ui.overrides.has(document.uri.fsPath) });
    if (!(await runSteps(ui, ref, plan.now)) || !plan.ask) return;
    const picked = await ui.prompts().ask(
      plan.ask.text,
      plan.ask.choices.map((choice) => choice.label),
    );
    const choice = plan.ask.choices.find((candidate) => candidate.label === picked);
    if (choice) await runSteps(ui, ref, choice.steps);
  });
}
