import * as vscode from "vscode";
import { t } from "../l10n";

/**
 * Runs a program in an integrated terminal from its argv: the terminal's "shell" is the program
 * itself, so no shell ever parses a unit name or any other text.
 */
function runInTerminal(name: string, argv: readonly string[]): vscode.Terminal {
  const [program, ...args] = argv;
  if (!program) throw new Error("an empty command line");
  const terminal = vscode.window.createTerminal({ name, shellPath: program, shellArgs: args, isTransient: true });
  terminal.show();
  return terminal;
}

/** `sudo <argv>` where the password prompt can be seen and answered. */
export function runWithSudo(argv: readonly string[]): vscode.Terminal {
  return runInTerminal(`sudo ${argv[0] ?? ""}`, ["sudo", ...argv]);
}

/** journalctl --follow with the server's argv. */
export function followJournal(unit: string, argv: readonly string[]): vscode.Terminal {
  return runInTerminal(t("journal: {0}", unit), argv);
}
