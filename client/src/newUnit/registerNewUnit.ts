import { statSync } from "node:fs";
import { homedir } from "node:os";
import * as vscode from "vscode";
import { findProgram, type ResolveProgram } from "../../../server/src/language/generate";
import type { NoticeRecord } from "../operations/notifier";
import { Notifier } from "../operations/notifier";
import { vscodePrompts, type Prompts } from "../operations/prompts";
import type { OperationsTestApi } from "../operations/registerOperationsUi";
import { NEW_UNIT_COMMANDS } from "./commandIds";
import { addCompanion } from "./companionCommands";
import { convertCron } from "./convertCron";
import { newUnit } from "./newUnitCommand";

/**
 * The search path systemd's system manager runs programs with (its compiled-in default, with the
 * directories of a system whose /bin is not merged into /usr); the editor's PATH (a version
 * manager's shims, ~/bin) means nothing to it.
 */
const SYSTEM_MANAGER_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/**
 * Finds a program named without an absolute path, as a shell in the first workspace folder (or the
 * home directory) would: on the system manager's search path for a system unit, on the editor's
 * PATH for a user unit (a user manager's environment is the user's).
 */
function resolveProgramFor(scope: string | undefined): ResolveProgram {
  const searchPath = scope === "user" ? process.env.PATH : SYSTEM_MANAGER_PATH;
  const executable = (path: string) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    return stat !== undefined && stat.isFile() && (stat.mode & 0o111) !== 0;
  };
  return (name) => findProgram(name, vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? homedir(), searchPath, executable);
}

/**
 * Registers New Unit, Convert a Cron Line, Add a Timer and Add a Socket. They ask through the same prompts as the
 * operations UI, so the returned test API (the operations one, extended) answers both, and reports
 * the notices of both.
 */
export function registerNewUnit(
  context: vscode.ExtensionContext,
  operations: OperationsTestApi,
  log: vscode.LogOutputChannel,
): OperationsTestApi {
  let prompts: Prompts = vscodePrompts;
  // These notices only tell what happened: they carry no buttons to act on.
  const notifier = new Notifier(() => undefined, log);
  context.subscriptions.push(
    notifier,
    vscode.commands.registerCommand(NEW_UNIT_COMMANDS.newUnit, () => newUnit(prompts, notifier, resolveProgramFor)),
    vscode.commands.registerCommand(NEW_UNIT_COMMANDS.convertCron, () => convertCron(prompts, notifier, resolveProgramFor)),
    vscode.commands.registerCommand(NEW_UNIT_COMMANDS.addTimer, () => addCompanion(prompts, notifier, "timer")),
    vscode.commands.registerCommand(NEW_UNIT_COMMANDS.addSocket, () => addCompanion(prompts, notifier, "socket")),
  );
  const onDidNotify: vscode.Event<NoticeRecord> = (listener, thisArgs, disposables) => {
    const both = vscode.Disposable.from(operations.onDidNotify(listener, thisArgs), notifier.onDidNotify(listener, thisArgs));
    disposables?.push(both);
    return both;
  };
  return {
    ...operations,
    onDidNotify,
    answerWith(answers) {
      prompts = answers;
      const restoreOperations = operations.answerWith(answers);
      return new vscode.Disposable(() => {
        prompts = vscodePrompts;
        restoreOperations.dispose();
      });
    },
  };
}
