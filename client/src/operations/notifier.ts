import * as vscode from "vscode";
import type { Notice, NoticeAction } from "./notices";

export interface NoticeRecord {
  notice: Notice;
  /** False when the same notice was still on screen, so it was not shown again. */
  shown: boolean;
}

/**
 * Shows notices without waiting for the user: a command ends when it has said what happened, and a
 * button press runs later. A notice still on screen is not stacked again (no systemd says so once).
 */
export class Notifier implements vscode.Disposable {
  private readonly visible = new Set<string>();
  private readonly notified = new vscode.EventEmitter<NoticeRecord>();
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

  dispose(): void {
    this.notified.dispose();
  }
}
