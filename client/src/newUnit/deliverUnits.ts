import * as vscode from "vscode";
import { generateUnits, type GeneratedFile, type NewUnitOptions, type ResolveProgram } from "../../../server/src/language/generate";
import { UI_COMMANDS } from "../operations/commandIds";
import type { Notifier } from "../operations/notifier";
import { infoNotice } from "../operations/notices";
import type { Prompts } from "../operations/prompts";
import { invocationOf } from "./invocation";
import { inWizardWords } from "./wizardWords";
import { listed, openUntitled, writeUnitFiles } from "./unitFiles";
import { t } from "../l10n";

/** Where the generated units go: files in a folder, or unsaved editors. */
async function askDestination(prompts: Prompts): Promise<vscode.Uri | "untitled" | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) return "untitled";
  const picked = await prompts.pick<vscode.Uri | "untitled">(t("New unit: where should the files go?"), [
    ...folders.map((folder) => ({ label: t("Into {0}", folder.name), description: folder.uri.fsPath, value: folder.uri })),
    { label: t("Unsaved editors"), description: t("save them where you like"), value: "untitled" },
  ]);
  return picked?.value;
}

/** What to enable: the timer or socket when there is one (the service starts with it), else the service. */
const enableHint = (files: readonly GeneratedFile[]) =>
  files.length > 1 ? ` ${t("Enable {0}, not {1}: it starts the service.", files[1]!.name, files[0]!.name)}` : "";

/** Installs each file with the Install command (which asks for the manager and whether to start it), the service first. */
async function installEach(uris: readonly vscode.Uri[]): Promise<void> {
  for (const uri of uris) {
    await vscode.window.showTextDocument(uri, { preview: false });
    await vscode.commands.executeCommand(UI_COMMANDS.install);
  }
}

async function offerInstall(prompts: Prompts, files: readonly GeneratedFile[], uris: readonly vscode.Uri[]): Promise<void> {
  const install = t("Install…");
  const answer = await prompts.ask(`${t("Wrote {0}.", listed(files.map((file) => file.name)))}${enableHint(files)}`, [install]);
  if (answer === install) await installEach(uris);
}

/** Unsaved editors can be installed once saved: each is saved (VS Code asks where) before it is installed. */
async function offerSaveAndInstall(prompts: Prompts, files: readonly GeneratedFile[], documents: readonly vscode.TextDocument[]) {
  const install = t("Save and Install…");
  const answer = await prompts.ask(
    `${files.length === 1 ? t("{0} is in an unsaved editor; save it under its name to install it.", files[0]!.name) : t("{0} are in unsaved editors; save each under its name to install it.", listed(files.map((file) => file.name)))}${enableHint(files)}`,
    [install],
  );
  if (answer !== install) return;
  const saved: vscode.Uri[] = [];
  for (const document of documents) {
    const uri = await vscode.workspace.save(document.uri);
    if (!uri) return;
    saved.push(uri);
  }
  await installEach(saved);
}

/**
 * What `unitsmith new` writes for `options` (their flags in each file's header), or undefined after
 * telling the user, in the wizard's words, why it refused them.
 */
export function generateOrExplain(
  options: NewUnitOptions,
  resolveProgram: ResolveProgram,
  notifier: Notifier,
): GeneratedFile[] | undefined {
  const result = generateUnits({ ...options, invocation: invocationOf(options) }, resolveProgram);
  if (result.ok) return result.files;
  notifier.notify({
    severity: "error",
    text: t("The unit was not generated: {0}", inWizardWords(result.errors.join(" "))),
    actions: [],
    key: "new-unit-refused",
  });
  return undefined;
}

/**
 * Puts generated units where the user says: into a workspace folder (asking before replacing a
 * file, and opening the units unsaved when told not to) or into unsaved editors, then offers to
 * install them.
 */
export async function deliverUnits(prompts: Prompts, notifier: Notifier, files: readonly GeneratedFile[]): Promise<void> {
  const destination = await askDestination(prompts);
  if (!destination) return;
  if (destination !== "untitled") {
    const uris = await writeUnitFiles(prompts, destination, files);
    if (uris) {
      await vscode.window.showTextDocument(uris[0]!, { preview: false });
      return offerInstall(prompts, files, uris);
    }
    notifier.notify(infoNotice(t("Nothing was replaced: the generated units are in unsaved editors instead.")));
  }
  await offerSaveAndInstall(prompts, files, await openUntitled(files));
}
