import type { OperationFailure } from "./serverCommands";
import { t } from "../l10n";

/** A button on a notice, and what it does. */
export type NoticeAction =
  /** Opens a terminal running `sudo <argv>`. */
  | { kind: "sudo"; label: string; argv: string[] }
  /** Runs a VS Code command. */
  | { kind: "command"; label: string; command: string; args?: unknown[] };

export interface Notice {
  severity: "error" | "warning" | "info";
  text: string;
  actions: NoticeAction[];
  /** Notices with the same key say the same thing: one on screen at a time is enough. */
  key: string;
}

export const SUDO_LABEL = t("Run with sudo in a terminal");
export const TRUST_LABEL = t("Manage Workspace Trust");

const asSentence = (text: string): string => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/**
 * What to tell the user when a command failed; `doing` names the attempt ("Start backup.service")
 * for failures whose message does not. Undefined for a cancelled command: the user cancelled it.
 */
export function failureNotice(failure: OperationFailure, doing: string): Notice | undefined {
  switch (failure.reason) {
    case "cancelled":
      return undefined;
    case "untrusted-workspace":
      return {
        severity: "warning",
        text: failure.message,
        actions: [{ kind: "command", label: TRUST_LABEL, command: "workbench.trust.manage" }],
        key: failure.reason,
      };
    case "needs-privilege":
      return {
        severity: "warning",
        text: `${doing}: ${failure.message}`,
        actions: failure.argv ? [{ kind: "sudo", label: SUDO_LABEL, argv: failure.argv }] : [],
        key: `${failure.reason}:${failure.argv?.join(" ") ?? doing}`,
      };
    case "no-systemd":
      return {
        severity: "error",
        text: `${asSentence(failure.message)} ${t("Unitsmith still edits and checks unit files here, but cannot start, stop or query units.")}`,
        actions: [],
        key: failure.reason,
      };
    case "command-not-found":
      return { severity: "error", text: failure.message, actions: [], key: failure.reason };
    default:
      return {
        severity: "error",
        text: t("{0} failed: {1}", doing, failure.message),
        actions: [],
        key: `${failure.reason}:${failure.message}`,
      };
  }
}

export function infoNotice(text: string, actions: NoticeAction[] = []): Notice {
  return { severity: "info", text, actions, key: `info:${text}` };
}
