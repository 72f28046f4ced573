import type { HostEntry } from "./hostsSetting";
import type { Notifier } from "./notifier";
import { failureNotice, infoNotice } from "./notices";
import type { OperationsClient } from "./operationsClient";
import type { Prompts } from "./prompts";
import type { ReadOnlyDocuments } from "./readOnlyDocuments";
import type { Answer } from "./serverCommands";

/** What the command handlers share. */
export interface OperationsUi {
  operations: OperationsClient;
  notifier: Notifier;
  /** The current way to ask the user (VS Code's dialogs, or a test's answers). */
  prompts(): Prompts;
  documents: ReadOnlyDocuments;
  /** Overrides opened with Edit Override: saving one reloads systemd. */
  overrides: Set<string>;
  /** The other hosts the units view shows. */
  hosts(): Promise<HostEntry[]>;
}

/**
 * Tells the user how a command went: the server's message on success (a warning when the manager
 * could not be reached for some of its steps), a failure notice otherwise.
 */
export function report(ui: OperationsUi, answer: Answer<{ ok: true; message: string; managerUnreachable?: true }>, doing: string): void {
  if (!answer.ok) return ui.notifier.notify(failureNotice(answer, doing));
  const notice = infoNotice(answer.message);
  ui.notifier.notify(answer.managerUnreachable ? { ...notice, severity: "warning" } : notice);
}
