import * as vscode from "vscode";
import { pickScope } from "./chooseUnit";
import { UI_COMMANDS } from "./commandIds";
import { deployReport, deploySummary, deployTargetChoices, type InventoryGroups } from "./deployText";
import { savedUnitDocument } from "./fileCommands";
import { failureNotice, infoNotice } from "./notices";
import type { OperationsUi } from "./operationsUi";
import type { DeployArgument } from "./serverCommands";
import { fileTarget } from "./unitTarget";
import { withProgress } from "./unitCommands";
import { t } from "../l10n";

/** The names Ansible inventories usually go by. */
const INVENTORY_GLOB = "**/{inventory,inventory.ini,inventory.yml,inventory.yaml,hosts,hosts.ini,hosts.yml,hosts.yaml}";

/** The workspace's Ansible inventories with their groups, as ansible-inventory reads them; files it cannot read are left out. */
async function workspaceInventories(ui: OperationsUi): Promise<InventoryGroups[]> {
  const found = await vscode.workspace.findFiles(INVENTORY_GLOB, "**/{node_modules,.git}/**", 10);
  const inventories: InventoryGroups[] = [];
  for (const uri of found.filter((file) => file.scheme === "file")) {
    const answer = await ui.operations.run("inventoryGroups", { inventory: uri.toString() });
    if (answer.ok && answer.groups.length > 0)
      inventories.push({ uri: uri.toString(), label: vscode.workspace.asRelativePath(uri), groups: answer.groups });
  }
  return inventories;
}

const display = (path: string) => vscode.workspace.asRelativePath(path);

/**
 * Deploy to Hosts: the editor's unit with its companions, to hosts of unitsmith.hosts or a group of
 * the workspace's inventory. A dry run first, shown as a diff per host; then, when the user says
 * so, the real run, with a result per host; or the playbook, saved where the user says.
 */
async function deployToHosts(ui: OperationsUi): Promise<void> {
  const document = await savedUnitDocument(ui, t("Deploy to Hosts"));
  if (!document) return;
  const target = fileTarget(document.uri.fsPath);
  if (target.kind === "none" || target.dropIn) {
    const message = target.kind === "none" ? target.message : t("Open the unit file itself: its drop-ins go with it.");
    return ui.notifier.notify(infoNotice(message));
  }
  const unit = target.unit;
  const inventories = await withProgress(t("Reading the workspace's Ansible inventories…"), () => workspaceInventories(ui));
  const choices = deployTargetChoices(await ui.hosts(), inventories);
  if (choices.length === 0) {
    return ui.notifier.notify(
      infoNotice(
        t("Deploy to Hosts needs hosts: name them in the setting unitsmith.hosts, or add an Ansible inventory to the workspace."),
        [{ kind: "command", label: t("Open Settings"), command: "workbench.action.openSettings", args: ["unitsmith.hosts"] }],
      ),
    );
  }
  const prompts = ui.prompts();
  const where = await prompts.pick(t("Deploy {0} to which hosts?", unit), choices);
  if (!where) return;
  const scope = target.scope ?? (await pickScope(ui, t("Deploy {0} for which manager?", unit)));
  if (!scope) return;
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  const argument: DeployArgument = {
    uris: [document.uri.toString()],
    companions: true,
    ...(folder && { root: folder.uri.toString() }),
    ...where.value,
    scope,
    mode: "check",
  };

  const dry = await withProgress(t("Dry run of {0}…", unit), () => ui.operations.run("deploy", argument));
  if (!dry.ok) return ui.notifier.notify(failureNotice(dry, t("The dry run of {0}", unit)));
  const preview = deployReport(dry, t("Dry run of {0}: what would change on each host. Nothing has changed yet.", unit), display);
  await ui.documents.show(`/deploy/${unit}.dry-run.diff`, preview, "diff");

  const apply = t("Apply");
  const save = t("Save as Playbook…");
  const next = await prompts.ask(t("Dry run of {0}: {1}. Apply it?", unit, deploySummary(dry)), [apply, save]);
  if (next === save) {
    const base = folder?.uri.fsPath ?? document.uri.fsPath.slice(0, document.uri.fsPath.lastIndexOf("/"));
    const path = await prompts.input({
      title: t("Save as Playbook"),
      prompt: t("Where to write the playbook, for ansible-playbook"),
      value: `${base}/deploy-${unit.replace(/\.[^.]+$/, "")}.yml`,
      problem: (text) => (text.startsWith("/") ? undefined : t("An absolute path")),
    });
    if (!path) return;
    const written = await ui.operations.run("deploy", { ...argument, mode: "playbook", playbook: vscode.Uri.file(path).toString() });
    if (!written.ok) return ui.notifier.notify(failureNotice(written, t("Writing the playbook")));
    await vscode.window.showTextDocument(vscode.Uri.file(path));
    return;
  }
  if (next !== apply) return;

  const done = await withProgress(t("Deploying {0}…", unit), () => ui.operations.run("deploy", { ...argument, mode: "apply" }));
  // The hosts' units changed: the view reads them again (and a listing of this machine costs little).
  void vscode.commands.executeCommand(UI_COMMANDS.refreshUnits);
  if (!done.ok) return ui.notifier.notify(failureNotice(done, t("Deploying {0}", unit)));
  await ui.documents.show(
    `/deploy/${unit}.result.diff`,
    deployReport(done, t("Deployed {0}: the result on each host.", unit), display),
    "diff",
  );
  const failed = done.hosts.some((host) => host.status === "failed");
  ui.notifier.notify({ ...infoNotice(t("Deployed {0}: {1}.", unit, deploySummary(done))), ...(failed && { severity: "error" as const }) });
}

export function registerDeployCommand(ui: OperationsUi): vscode.Disposable {
  return vscode.commands.registerCommand(UI_COMMANDS.deployToHosts, () => deployToHosts(ui));
}
