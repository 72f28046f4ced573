import * as vscode from "vscode";
import { ExecuteCommandRequest, type LanguageClient } from "vscode-languageclient/node";
import { EFFECTIVE_UNIT, type EffectiveUnitArgument, type EffectiveUnitAnswer } from "../../../server/src/protocol";
import {
  CHANGING_COMMANDS,
  serverCommandId,
  type Answer,
  type ArgumentOf,
  type CommandName,
  type HostArgument,
  type ResultOf,
  type Scope,
  type UnitState,
} from "./serverCommands";
import { t } from "../l10n";

/** Something changed in a manager: the views refresh what they show of it. */
export interface ManagerChange {
  scope: Scope;
  /** Another machine's manager; absent for this machine's. */
  host?: HostArgument;
  /** The unit acted on, with its state afterwards when the answer said. */
  unit?: string;
  state?: UnitState;
  /** Set by Install (true) and Uninstall (false): the unit's file was put in place or taken away. */
  installed?: boolean;
}

/** Failures that leave the manager as it was: nothing ran, or nothing could. */
const NOTHING_CHANGED: ReadonlySet<string> = new Set([
  "untrusted-workspace",
  "invalid-argument",
  "needs-privilege",
  "needs-confirmation",
  "no-systemd",
  "command-not-found",
]);

const noAnswer = (error: unknown) =>
  t("The Unitsmith language server did not answer ({0}).", error instanceof Error ? error.message : String(error));

/** Sends the `unitsmith.systemd.*` commands to the server and tells the views when one changed something. */
export class OperationsClient implements vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<ManagerChange>();
  readonly onDidChange = this.changes.event;

  constructor(
    private readonly client: LanguageClient,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async run<K extends CommandName>(name: K, argument: ArgumentOf<K>): Promise<Answer<ResultOf<K>>> {
    let answer: Answer<ResultOf<K>>;
    try {
      answer = (await this.client.sendRequest(ExecuteCommandRequest.type, {
        command: serverCommandId(name),
        arguments: [argument],
      })) as Answer<ResultOf<K>>;
    } catch (error) {
      answer = {
        ok: false,
        reason: "internal-error",
        message: noAnswer(error),
      };
    }
    // The commands that change something, each a line with its time; queries (the status bar polls) are not logged.
    if (CHANGING_COMMANDS.has(name)) {
      this.log.info(
        `${serverCommandId(name)} ${JSON.stringify(argument)}: ${answer.ok ? ("message" in answer && answer.message) || "done" : `${answer.reason}: ${answer.message}`}`,
      );
      if (answer.ok || !NOTHING_CHANGED.has(answer.reason)) this.changed(name, argument, answer);
    }
    return answer;
  }

  /** The unit a file belongs to as systemd would load it, read offline by the server. */
  async effectiveUnit(argument: EffectiveUnitArgument): Promise<EffectiveUnitAnswer> {
    try {
      return (await this.client.sendRequest(ExecuteCommandRequest.type, {
        command: EFFECTIVE_UNIT,
        arguments: [argument],
      })) as EffectiveUnitAnswer;
    } catch (error) {
      return {
        ok: false,
        message: noAnswer(error),
      };
    }
  }

  /** After a command run elsewhere (a sudo terminal) that may have changed the scope's units. */
  changedOutside(scope: Scope): void {
    this.changes.fire({ scope });
  }

  private changed(name: CommandName, argument: unknown, answer: { ok: boolean }): void {
    const fromAnswer = answer.ok ? (answer as { scope?: Scope; unit?: string; state?: UnitState }) : undefined;
    const scope = fromAnswer?.scope ?? (argument as { scope?: Scope }).scope;
    if (!scope) return;
    const unit = fromAnswer?.state?.unit ?? fromAnswer?.unit ?? (argument as { unit?: string }).unit;
    const installed = answer.ok && (name === "install" || name === "uninstall") ? name === "install" : undefined;
    const host = (argument as { host?: HostArgument }).host;
    this.changes.fire({
      scope,
      ...(host && { host }),
      ...(unit && { unit }),
      ...(fromAnswer?.state && { state: fromAnswer.state }),
      ...(installed !== undefined && { installed }),
    });
  }

  dispose(): void {
    this.changes.dispose();
  }
}
