import * as vscode from "vscode";
import type { Notifier } from "../operations/notifier";
import { infoNotice } from "../operations/notices";
import type { Prompts } from "../operations/prompts";
import { fileTarget, type Scope } from "../operations/unitTarget";
import { bootInstall, companionFile, type Trigger } from "../../../server/src/language/generate";
import { askSchedule } from "./scheduleQuestion";
import { listed, writeUnitFiles } from "./unitFiles";
import { t } from "../l10n";

interface Service {
  document: vscode.TextDocument;
  /** "backup.service", "greet@.service". */
  unit: string;
  scope: Scope;
}

/** The active editor's service file, or why there is none. */
function activeService(): Service | string {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || document.uri.scheme !== "file") return t("open a saved .service file first.");
  const target = fileTarget(document.uri.fsPath);
  if (target.kind === "none" || target.dropIn || !target.unit.endsWith(".service")) {
    return t("open the .service file itself (not a drop-in or another kind of unit).");
  }
  return { document, unit: target.unit, scope: target.scope ?? "system" };
}

const problemOf = (service: Service, trigger: Trigger): string | undefined => {
  const file = companionFile(service.unit, service.scope, trigger);
  return "errors" in file ? file.errors.join(" ") : undefined;
};

async function askTrigger(prompts: Prompts, service: Service, kind: Trigger["kind"]): Promise<Trigger | undefined> {
  if (kind === "timer") {
    const problem = (every: string) => problemOf(service, { kind, every });
    const every = await askSchedule(prompts, t("A timer for {0}: when does it run?", service.unit), problem);
    return every === undefined ? undefined : { kind, every };
  }
  const address = await prompts.input({
    title: t("A socket for {0}: where does it listen?", service.unit),
    prompt: t("A port (8080), an address with a port (127.0.0.1:8080) or a socket path; the program must accept the socket from systemd"),
    problem: (text) => problemOf(service, { kind, address: text }),
  });
  return address === undefined ? undefined : { kind, address };
}

/**
 * A service enabled for a target also starts at boot, not only when its timer or socket says.
 * Says so, and removes those [Install] lines only when the user agrees; the change is left unsaved.
 */
async function offerInstallEdit(prompts: Prompts, notifier: Notifier, service: Service, companion: string): Promise<void> {
  const found = bootInstall(service.document.getText());
  if (!found) return;
  const remove = t("Remove {0} from {1}", listed(found.entries), service.unit);
  const answer = await prompts.ask(
    t(
      "{0} has {1}: enabled, it would also start at boot, not only through {2}. Enable {2} instead.",
      service.unit,
      listed(found.entries),
      companion,
    ),
    [remove],
  );
  if (answer !== remove) return;
  const edit = new vscode.WorkspaceEdit();
  for (const span of found.deletions) {
    edit.delete(service.document.uri, new vscode.Range(service.document.positionAt(span.start), service.document.positionAt(span.end)));
  }
  if (await vscode.workspace.applyEdit(edit)) {
    await vscode.window.showTextDocument(service.document, { preview: false });
    notifier.notify(infoNotice(t("{0} no longer says {1}; save it to keep the change.", service.unit, listed(found.entries))));
  }
}

/** Unitsmith: Add a Timer / a Socket for This Service: writes NAME.timer or NAME.socket beside the open service. */
export async function addCompanion(prompts: Prompts, notifier: Notifier, kind: Trigger["kind"]): Promise<void> {
  const doing = kind === "timer" ? t("Add a Timer") : t("Add a Socket");
  const service = activeService();
  if (typeof service === "string") return notifier.notify(infoNotice(`${doing}: ${service}`));
  const trigger = await askTrigger(prompts, service, kind);
  if (!trigger) return;
  const file = companionFile(service.unit, service.scope, trigger);
  if ("errors" in file) {
    return notifier.notify({ severity: "error", text: `${doing}: ${file.errors.join(" ")}`, actions: [], key: `${kind}-refused` });
  }
  const folder = vscode.Uri.joinPath(service.document.uri, "..");
  const written = await writeUnitFiles(prompts, folder, [file]);
  if (!written) return notifier.notify(infoNotice(t("{0}: {1} was left as it was.", doing, file.name)));
  await vscode.window.showTextDocument(written[0]!, { preview: false });
  notifier.notify(infoNotice(t("Wrote {0} beside {1}.", file.name, service.unit)));
  await offerInstallEdit(prompts, notifier, service, file.name);
}
