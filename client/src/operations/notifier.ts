import * as vscode from "vscode";
import type { Notice, NoticeAction } from "./notices";
import { t } from "../l10n";

export interface NoticeRecord {
  notice: Notice;
  /** False when the same notice was still on screen, so it was not shown again. */
  shown: boolean;
}

/**
 * Shows notices without waiting for the user: a command ends when it has said what happened, and a
 * button press runs later. A notice still on screen is not stacked again (no systemd says so once),
 * so the last warning or error also stays in the status bar with its time and how often it came.
 */
export class Notifier implements vscode.Disposable {
  private readonly visible = new Set<string>();
  private readonly notified = new vscode.EventEmitter<NoticeRecord>();
  readonly problemItem = vscode.window.createStatusBarItem("unitsmith.lastProblem", vscode.StatusBarAlignment.Left, 9);
  private lastProblem = { key: "", count: 0 };
  /** For tests and the log: every notice, shown or not. */
  readonly onDidNotify = this.notified.event;

  constructor(
    private readonly act: (action: NoticeAction) => void,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  notify(notice: Notice | undefined): void {
    if (!notice) return;
    const shown = !this.visible.has(notice.key);
    this.notified.fire({ notice, shown });
    if (notice.severity === "info") this.log.info(notice.text);
    else if (notice.severity === "warning") this.log.warn(notice.text);
    else this.log.error(notice.text);
    if (notice.severity !== "info") this.showProblem(notice);
    if (!shown) return;
    this.visible.add(notice.key);
    const show = {
      error: vscode.window.showErrorMessage,
      warning: vscode.window.showWarningMessage,
      info: vscode.window.showInformationMessage,
    }[notice.severity];
    const labels = notice.actions.map((action) => action.label);
    void Promise.resolve(show(notice.text, ...labels)).then(
      (picked) => {
        this.visible.delete(notice.key);
        const action = notice.actions.find((candidate) => candidate.label === picked);
        if (action) this.act(action);
      },
      () => this.visible.delete(notice.key),
    );
  }

  private showProblem(notice: Notice): void {
    const count = this.lastProblem.key === notice.key ? this.lastProblem.count + 1 : 1;
    this.lastProblem = { key: notice.key, count };
    const time = new Date().toLocaleTimeString(undefined, { hour12: false });
    const short = notice.text.length > 60 ? `${notice.text.slice(0, 59)}…` : notice.text;
    this.problemItem.name = t("Unitsmith: last problem");
    this.problemItem.text = `$(${notice.severity}) ${short}${count > 1 ? ` (${count}×)` : ""} ${time}`;
    this.problemItem.tooltip = `${notice.text}\n\n${count > 1 ? t("Last at {0}, {1} times in a row. The Unitsmith output channel has every one.", time, count) : t("Last at {0}. The Unitsmith output channel has every one.", time)}`;
    this.problemItem.command = { title: t("Show Output"), command: "workbench.action.output.toggleOutput" };
    this.problemItem.show();
  }

  dispose(): void {
    this.problemItem.dispose();
    this.notified.dispose();
  }
}
