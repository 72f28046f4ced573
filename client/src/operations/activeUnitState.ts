import * as vscode from "vscode";
import type { ManagerChange, OperationsClient } from "./operationsClient";
import { failureDisplay, namesakeFailureDisplay, NOT_INSTALLED, QUERYING, stateDisplay, TEMPLATE, type StateDisplay } from "./stateDisplay";
import { fileTarget, unitKey, type Scope, type UnitRef } from "./unitTarget";

/** The same unit is asked about at most this often (saves and editor switches come in bursts). */
const MIN_INTERVAL_MS = 3_000;
/** While the window has focus, the state is asked again this often (it changes behind our back). */
const POLL_MS = 15_000;

export interface ActiveUnit {
  /** The editor's document. */
  uri: string;
  unit: string;
  /** Set when the file is in a unit directory: the unit systemd reads from it. */
  installed?: UnitRef;
  /** For a file elsewhere: the unit of its name that Install would have put in place, asked about in its scope. */
  namesake?: UnitRef;
  display: StateDisplay;
}

/**
 * The state of the active editor's unit, for the status bar and the CodeLens. Nothing is asked
 * in an untrusted workspace, nor for a file outside the unit directories ("not installed").
 */
export class ActiveUnitState implements vscode.Disposable {
  private active?: ActiveUnit;
  private readonly changes = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changes.event;
  private last = { key: "", at: 0 };
  private timer?: NodeJS.Timeout;
  private querying = false;
  private queryAgain = false;
  private readonly poll = setInterval(() => vscode.window.state.focused && this.refresh(), POLL_MS);
  /** The scope each unit was last installed into from this window. */
  private readonly installedScopes = new Map<string, Scope>();

  constructor(private readonly operations: OperationsClient) {}

  get current(): ActiveUnit | undefined {
    return this.active;
  }

  /** Reads the active editor again and asks for its unit's state (not more often than every few seconds). */
  refresh(): void {
    const next = this.editorUnit();
    const same = next && this.active && next.uri === this.active.uri && next.unit === this.active.unit;
    this.active = same ? { ...next, display: this.active!.display } : next;
    if (!same) this.changes.fire();
    const asked = next?.installed ?? next?.namesake;
    if (asked && !asked.template) this.schedule();
  }

  /** After an operation: shows the state its answer carried, or asks again. */
  changed(change: ManagerChange): void {
    if (change.unit && change.installed !== undefined) {
      if (change.installed) this.installedScopes.set(change.unit, change.scope);
      else this.installedScopes.delete(change.unit);
      this.refresh();
    }
    const installed = this.active?.installed ?? this.active?.namesake;
    if (!installed || installed.template || installed.scope !== change.scope) return;
    if (change.state && change.unit === installed.unit) {
      this.last = { key: unitKey(installed), at: Date.now() };
      this.show(installed, stateDisplay(change.state));
      return;
    }
    this.last = { key: "", at: 0 };
    this.schedule();
  }

  private editorUnit(): ActiveUnit | undefined {
    const document = vscode.window.activeTextEditor?.document;
    if (!vscode.workspace.isTrusted || document?.uri.scheme !== "file") return undefined;
    const target = fileTarget(document.uri.fsPath);
    if (target.kind === "none") return undefined;
    const base = { uri: document.uri.toString(), unit: target.unit };
    if (!target.scope) {
      const scope = this.installedScopes.get(target.unit) ?? "system";
      return { ...base, namesake: { unit: target.unit, scope, template: target.template }, display: NOT_INSTALLED };
    }
    const installed: UnitRef = { unit: target.unit, scope: target.scope, template: target.template, path: target.path };
    return { ...base, installed, display: target.template ? TEMPLATE : QUERYING };
  }

  private schedule(): void {
    if (this.querying) {
      this.queryAgain = true;
      return;
    }
    const installed = this.active?.installed ?? this.active?.namesake;
    if (!installed) return;
    const wait = this.last.key === unitKey(installed) ? Math.max(0, this.last.at + MIN_INTERVAL_MS - Date.now()) : 0;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.query(installed), wait);
  }

  private async query(ref: UnitRef): Promise<void> {
    this.querying = true;
    this.last = { key: unitKey(ref), at: Date.now() };
    try {
      const answer = await this.operations.run("status", { unit: ref.unit, scope: ref.scope });
      const namesake = this.active?.namesake !== undefined;
      this.show(ref, answer.ok ? stateDisplay(answer.state) : namesake ? namesakeFailureDisplay(answer) : failureDisplay(answer));
    } finally {
      this.querying = false;
      if (this.queryAgain) {
        this.queryAgain = false;
        this.schedule();
      }
    }
  }

  private show(ref: UnitRef, display: StateDisplay): void {
    const shown = this.active?.installed ?? this.active?.namesake;
    if (!this.active || !shown || unitKey(shown) !== unitKey(ref)) return;
    this.active = { ...this.active, display };
    this.changes.fire();
  }

  dispose(): void {
    clearInterval(this.poll);
    clearTimeout(this.timer);
    this.changes.dispose();
  }
}
