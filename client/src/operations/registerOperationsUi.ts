import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { LANGUAGE_ID } from "../../../server/src/protocol";
import { ActiveUnitState } from "./activeUnitState";
import { reactToSaves } from "./afterSave";
import { registerDeployCommand } from "./deployCommand";
import { UNITS_VIEW } from "./commandIds";
import { registerFileCommands } from "./fileCommands";
import { registerInspectCommands } from "./inspectCommands";
import { Notifier, type NoticeRecord } from "./notifier";
import type { NoticeAction } from "./notices";
import { OperationsClient } from "./operationsClient";
import type { OperationsUi } from "./operationsUi";
import { vscodePrompts, type Prompts } from "./prompts";
import { ReadOnlyDocuments } from "./readOnlyDocuments";
import { createUnitStatusBar } from "./statusBar";
import { runWithSudo } from "./terminals";
import { registerUnitCommands } from "./unitCommands";
import { UnitCodeLens } from "./unitCodeLens";
import { UnitsTree } from "./unitsTree";
import { registerUnitsViewCommands } from "./unitsViewCommands";

/**
 * What the extension exports for its editor tests: the views' state as a user sees it, the
 * notices shown, and a way to answer the questions the commands ask.
 */
export interface OperationsTestApi {
  unitsTree: UnitsTree;
  statusBarItem: vscode.StatusBarItem;
  onDidNotify: vscode.Event<NoticeRecord>;
  /** Answers every question with `prompts` until the returned disposable is disposed. */
  answerWith(prompts: Prompts): vscode.Disposable;
}

/** The commands, the units view, the status bar item, the CodeLens and the after-save reaction. */
export function registerOperationsUi(
  context: vscode.ExtensionContext,
  client: LanguageClient,
  log: vscode.LogOutputChannel,
): OperationsTestApi {
  const operations = new OperationsClient(client, log);
  let prompts = vscodePrompts;
  const act = (action: NoticeAction): void => {
    if (action.kind === "command") {
      void vscode.commands.executeCommand(action.command, ...(action.args ?? []));
      return;
    }
    // Whatever the terminal ran, the system manager may have changed: refresh what shows it.
    const terminal = runWithSudo(action.argv);
    const closed = vscode.window.onDidCloseTerminal((ended) => {
      if (ended !== terminal) return;
      closed.dispose();
      operations.changedOutside("system");
    });
    context.subscriptions.push(closed);
  };
  const notifier = new Notifier(act, log);
  const documents = new ReadOnlyDocuments();
  const tree = new UnitsTree(operations);
  const ui: OperationsUi = { operations, notifier, prompts: () => prompts, documents, overrides: new Set(), hosts: () => tree.hosts() };

  const state = new ActiveUnitState(operations);
  const statusBar = createUnitStatusBar(state);
  context.subscriptions.push(
    operations,
    notifier,
    documents,
    tree,
    tree.createView(UNITS_VIEW),
    state,
    statusBar,
    ...registerUnitCommands(ui),
    ...registerInspectCommands(ui),
    ...registerFileCommands(ui),
    registerDeployCommand(ui),
    ...registerUnitsViewCommands(ui, tree),
    vscode.languages.registerCodeLensProvider({ language: LANGUAGE_ID, scheme: "file" }, new UnitCodeLens(state)),
    reactToSaves(ui),
    operations.onDidChange((change) => {
      tree.refresh(change.scope, change.host);
      // The status bar and the lenses show this machine's units.
      if (!change.host) state.changed(change);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration("unitsmith.hosts")) tree.refresh();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => state.refresh()),
    vscode.workspace.onDidSaveTextDocument(() => state.refresh()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      tree.refresh();
      state.refresh();
    }),
  );
  state.refresh();

  return {
    unitsTree: tree,
    statusBarItem: statusBar.item,
    onDidNotify: notifier.onDidNotify,
    answerWith(answers) {
      prompts = answers;
      return new vscode.Disposable(() => (prompts = vscodePrompts));
    },
  };
}
