import * as vscode from "vscode";
import { instantiate } from "../../../server/src/protocol";
import { UI_COMMANDS } from "./commandIds";
import { infoNotice } from "./notices";
import type { OperationsUi } from "./operationsUi";
import { fileTarget, isUnitRef, type Scope, type UnitRef } from "./unitTarget";
import { t } from "../l10n";

export type InstancePolicy = "instance-required" | "template-allowed";

const scopeChoices = () => [
  { label: t("System"), description: t("the system manager (/etc/systemd/system; changes need root)"), value: "system" as Scope },
  { label: t("User"), description: t("your user's manager (~/.config/systemd/user)"), value: "user" as Scope },
];

export async function pickScope(ui: OperationsUi, title: string): Promise<Scope | undefined> {
  return (await ui.prompts().pick(title, scopeChoices()))?.value;
}

/** Asks which instance of a template to act on, checking the name as it is typed. */
async function chooseInstance(ui: OperationsUi, ref: UnitRef): Promise<UnitRef | undefined> {
  const problem = (text: string) => {
    const checked = instantiate(ref.unit, text);
    return checked.ok ? undefined : checked.message;
  };
  const instance = await ui.prompts().input({
    title: t("Which instance of {0}?", ref.unit),
    prompt: t('The text that goes after "@" ({0})', ref.unit.replace("@.", "@<instance>.")),
    problem,
  });
  if (instance === undefined) return undefined;
  const checked = instantiate(ref.unit, instance);
  return checked.ok ? { ...ref, unit: checked.name, template: false } : undefined;
}

/** The unit of the active editor's file; outside the unit directories, offers to install it first. */
async function unitOfEditor(ui: OperationsUi): Promise<UnitRef | undefined> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document) {
    ui.notifier.notify(infoNotice(t("Open a systemd unit file first, or use the systemd Units view.")));
    return undefined;
  }
  const target = fileTarget(document.uri.scheme === "file" ? document.uri.fsPath : document.uri.path);
  if (target.kind === "none") {
    ui.notifier.notify(infoNotice(target.message));
    return undefined;
  }
  const ref = { unit: target.unit, template: target.template, path: target.path };
  if (target.scope) return { ...ref, scope: target.scope };

  const [install, askSystem, askUser] = [t("Install…"), t("Ask the System Manager"), t("Ask the User Manager")];
  const buttons = [...(target.dropIn ? [] : [install]), askSystem, askUser];
  const answer = await ui
    .prompts()
    .ask(
      t(
        "{0} is not in a systemd unit directory, so systemd does not read it from here. Install it first, or ask the system or user manager about a unit named {1}, if it has one?",
        document.uri.path.slice(document.uri.path.lastIndexOf("/") + 1),
        target.unit,
      ),
      buttons,
    );
  if (answer === install) {
    await vscode.commands.executeCommand(UI_COMMANDS.install);
    return undefined;
  }
  if (answer === askSystem) return { ...ref, scope: "system" };
  if (answer === askUser) return { ...ref, scope: "user" };
  return undefined;
}

/**
 * The unit a command acts on: the one its argument names (a units view item, a CodeLens), or the
 * active editor's. A template asks for an instance when the command needs a unit that can run.
 */
export async function chooseUnit(ui: OperationsUi, argument: unknown, policy: InstancePolicy): Promise<UnitRef | undefined> {
  const ref = isUnitRef(argument) ? argument : await unitOfEditor(ui);
  if (!ref) return undefined;
  return ref.template && policy === "instance-required" ? chooseInstance(ui, ref) : ref;
}
