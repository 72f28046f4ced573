import * as vscode from "vscode";
import { LANGUAGE_ID } from "../../../server/src/protocol";
import { chooseUnit } from "./chooseUnit";
import { UI_COMMANDS } from "./commandIds";
import { journalFields, OUTPUT_CHOICES, PRIORITY_CHOICES, SINCE_CHOICES, sinceProblem, type JournalChoices } from "./journalChoices";
import { failureNotice, infoNotice } from "./notices";
import type { OperationsUi } from "./operationsUi";
import { followJournal } from "./terminals";
import { withProgress } from "./unitCommands";
import { hostKey, unitArgument, type UnitRef } from "./unitTarget";

/** The host part of an output document's path: nothing for this machine. */
const hostPath = (ref: UnitRef) => (ref.host ? `/${hostKey(ref.host)}` : "");
import { t } from "../l10n";

/** Lines of history the followed journal starts with. */
const FOLLOW_LINES = 50;

/** A units view item or a CodeLens may say which journal to show; then nothing is asked. */
function presetJournal(argument: unknown): JournalChoices | undefined {
  const journal = (argument as { journal?: unknown } | undefined)?.journal;
  return typeof journal === "object" && journal !== null ? (journal as JournalChoices) : undefined;
}

/** Asks priority, time span and output mode; undefined when the user dismissed a question. */
async function askJournalChoices(ui: OperationsUi): Promise<JournalChoices | undefined> {
  const prompts = ui.prompts();
  const priority = await prompts.pick(t("Journal: which messages?"), PRIORITY_CHOICES);
  if (!priority) return undefined;
  const sincePick = await prompts.pick(t("Journal: from when?"), SINCE_CHOICES);
  if (!sincePick) return undefined;
  let since = sincePick.value;
  if (since === "custom") {
    since = await prompts.input({
      title: t("Journal: since when?"),
      prompt: t('As journalctl --since reads it: "2024-05-01 12:00", "3 days ago"'),
      problem: sinceProblem,
    });
    if (since === undefined) return undefined;
  }
  const output = await prompts.pick(t("Journal: output format"), OUTPUT_CHOICES);
  if (!output) return undefined;
  return { ...(priority.value && { priority: priority.value }), ...(since && { since }), output: output.value };
}

/** The editor's file when it is the unit's own: the server then puts the error on its line there. */
function editorFileOf(path: string | undefined): { uri: string } | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document && path !== undefined && document.uri.scheme === "file" && document.uri.fsPath === path
    ? { uri: document.uri.toString() }
    : undefined;
}

/** Show Status, Show Effective Configuration, Show Journal, Follow Journal and Explain Failure. */
export function registerInspectCommands(ui: OperationsUi): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(UI_COMMANDS.showStatus, async (argument?: unknown) => {
      const ref = await chooseUnit(ui, argument, "instance-required");
      if (!ref) return;
      const answer = await withProgress(`systemctl status ${ref.unit}…`, () => ui.operations.run("status", unitArgument(ref)));
      if (!answer.ok) return ui.notifier.notify(failureNotice(answer, t("Reading the status of {0}", ref.unit)));
      await ui.documents.show(`${hostPath(ref)}/${ref.scope}/status/${ref.unit}.status`, answer.output, "log");
    }),

    vscode.commands.registerCommand(UI_COMMANDS.showEffectiveConfiguration, async (argument?: unknown) => {
      const ref = await chooseUnit(ui, argument, "template-allowed");
      if (!ref) return;
      const answer = await withProgress(`systemctl cat ${ref.unit}…`, () => ui.operations.run("cat", unitArgument(ref)));
      if (!answer.ok) return ui.notifier.notify(failureNotice(answer, t("Reading the configuration of {0}", ref.unit)));
      // Named like the unit, so the language server reads it as one (the drop-ins follow the file).
      await ui.documents.show(`${hostPath(ref)}/${ref.scope}/effective/${ref.unit}`, answer.text, LANGUAGE_ID);
    }),

    vscode.commands.registerCommand(UI_COMMANDS.showEffectiveUnit, async () => {
      const document = vscode.window.activeTextEditor?.document;
      if (!document) return ui.notifier.notify(infoNotice(t("Open a unit file or a drop-in to show its unit as systemd loads it.")));
      const answer = await ui.operations.effectiveUnit({ uri: document.uri.toString() });
      if (!answer.ok) return ui.notifier.notify(infoNotice(answer.message));
      // Named like the unit, so the language server reads it as one.
      await ui.documents.show(`/${answer.scope}/loaded/${answer.unit}`, answer.text, LANGUAGE_ID);
    }),

    vscode.commands.registerCommand(UI_COMMANDS.showJournal, async (argument?: unknown) => {
      const ref = await chooseUnit(ui, argument, "instance-required");
      if (!ref) return;
      const choices = presetJournal(argument) ?? (await askJournalChoices(ui));
      if (!choices) return;
      const answer = await withProgress(`journalctl --unit=${ref.unit}…`, () =>
        ui.operations.run("journal", { ...unitArgument(ref), ...journalFields(choices) }),
      );
      if (!answer.ok) return ui.notifier.notify(failureNotice(answer, t("Reading the journal of {0}", ref.unit)));
      const json = choices.output?.startsWith("json") === true;
      await ui.documents.show(
        `${hostPath(ref)}/${ref.scope}/journal/${ref.unit}.${json ? "json" : "log"}`,
        answer.output,
        json ? "json" : "log",
      );
    }),

    vscode.commands.registerCommand(UI_COMMANDS.explainFailure, async (argument?: unknown) => {
      const ref = await chooseUnit(ui, argument, "instance-required");
      if (!ref) return;
      const answer = await withProgress(`Why ${ref.unit} failed…`, () =>
        ui.operations.run("explainFailure", { ...unitArgument(ref), ...editorFileOf(ref.path) }),
      );
      if (!answer.ok) return ui.notifier.notify(failureNotice(answer, `Explaining ${ref.unit}`));
      ui.notifier.notify({ ...infoNotice(answer.message), ...(answer.failed && { severity: "error" as const }) });
    }),

    vscode.commands.registerCommand(UI_COMMANDS.followJournal, async (argument?: unknown) => {
      const ref = await chooseUnit(ui, argument, "instance-required");
      if (!ref) return;
      const answer = await ui.operations.run("journal", { ...unitArgument(ref), lines: FOLLOW_LINES });
      if (!answer.ok) return ui.notifier.notify(failureNotice(answer, t("Following the journal of {0}", ref.unit)));
      followJournal(ref.unit, answer.followArgv);
    }),
  ];
}
