import * as vscode from "vscode";
import { UNITS_FILTERED } from "./commandIds";
import type { OperationsClient } from "./operationsClient";
import type { Answer, ListedUnit, ListResult, OperationFailure, Scope } from "./serverCommands";
import { TRUST_LABEL } from "./notices";
import { stateDisplay } from "./stateDisplay";
import { countDescription, filterUnits, listFailureLabel, unitDescription } from "./unitsFilter";
import type { UnitRef } from "./unitTarget";
import { t } from "../l10n";

export type UnitsNode =
  | { kind: "group"; scope: Scope }
  /** Carries a UnitRef, so the unit commands take the node as their argument. */
  | ({ kind: "unit"; listed: ListedUnit } & UnitRef)
  | { kind: "message"; scope: Scope; label: string; detail: string; command?: vscode.Command };

const GROUP_LABELS: Record<Scope, string> = { user: "User", system: "System" };

/** The "systemd Units" view: the user and system managers' units, from unitsmith.systemd.list. */
export class UnitsTree implements vscode.TreeDataProvider<UnitsNode>, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<UnitsNode | undefined>();
  readonly onDidChangeTreeData = this.changes.event;
  private readonly groups: Record<Scope, UnitsNode> = {
    user: { kind: "group", scope: "user" },
    system: { kind: "group", scope: "system" },
  };
  private readonly listings = new Map<Scope, Promise<Answer<ListResult>>>();
  /** The answers that arrived, for the groups' descriptions. */
  private readonly listed = new Map<Scope, Answer<ListResult>>();
  private filterText = "";
  private view?: vscode.TreeView<UnitsNode>;

  constructor(private readonly operations: OperationsClient) {}

  /** Makes the view (the tree keeps it to show the filter in its description). */
  createView(id: string): vscode.TreeView<UnitsNode> {
    this.view = vscode.window.createTreeView(id, { treeDataProvider: this, showCollapseAll: true });
    return this.view;
  }

  get filter(): string {
    return this.filterText;
  }

  setFilter(text: string): void {
    this.filterText = text.trim();
    if (this.view) this.view.description = this.filterText ? t("filter: {0}", this.filterText) : undefined;
    void vscode.commands.executeCommand("setContext", UNITS_FILTERED, this.filterText !== "");
    this.changes.fire(undefined);
  }

  /** Lists the scope (or both) again. */
  refresh(scope?: Scope): void {
    for (const each of scope ? [scope] : (["user", "system"] as const)) {
      this.listings.delete(each);
      this.listed.delete(each);
    }
    this.changes.fire(scope ? this.groups[scope] : undefined);
  }

  getTreeItem(node: UnitsNode): vscode.TreeItem {
    switch (node.kind) {
      case "group": {
        const item = new vscode.TreeItem(GROUP_LABELS[node.scope], vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.scope;
        item.contextValue = "group";
        item.description = this.groupDescription(node.scope);
        item.iconPath = new vscode.ThemeIcon(node.scope === "user" ? "account" : "server");
        return item;
      }
      case "message": {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.id = `${node.scope}:message`;
        item.tooltip = node.detail;
        item.iconPath = new vscode.ThemeIcon("info");
        item.contextValue = "message";
        if (node.command) item.command = node.command;
        return item;
      }
      case "unit": {
        const display = stateDisplay(node.listed);
        const item = new vscode.TreeItem(node.unit, vscode.TreeItemCollapsibleState.None);
        item.id = `${node.scope}:${node.unit}`;
        item.description = unitDescription(node.listed);
        item.tooltip = [node.listed.description, item.description, node.listed.fragmentPath].filter(Boolean).join("\n");
        item.iconPath = new vscode.ThemeIcon(display.icon, display.color ? new vscode.ThemeColor(display.color) : undefined);
        // Menus match these words: "unit running file", "unit template".
        item.contextValue = ["unit", display.name === "not installed" ? "missing" : display.name, node.path && "file"]
          .filter(Boolean)
          .join(" ");
        return item;
      }
    }
  }

  async getChildren(node?: UnitsNode): Promise<UnitsNode[]> {
    if (!node) return [this.groups.user, this.groups.system];
    if (node.kind !== "group") return [];
    const answer = await this.list(node.scope);
    if (!answer.ok) return [failureNode(node.scope, answer)];
    const shown = filterUnits(answer.units, this.filterText);
    if (shown.length === 0) {
      const label = this.filterText ? t('No unit matches "{0}"', this.filterText) : t("No units");
      return [{ kind: "message", scope: node.scope, label, detail: label }];
    }
    return shown.map((listed) => ({
      kind: "unit",
      listed,
      unit: listed.unit,
      scope: node.scope,
      template: listed.template,
      ...(listed.fragmentPath && { path: listed.fragmentPath }),
    }));
  }

  private list(scope: Scope): Promise<Answer<ListResult>> {
    const cached = this.listings.get(scope);
    if (cached) return cached;
    const listing: Promise<Answer<ListResult>> = this.operations.run("list", { scope }).then((answer) => {
      if (this.listings.get(scope) === listing) {
        this.listed.set(scope, answer);
        // Once, for the counts in the group's description; the children come from the cache.
        this.changes.fire(this.groups[scope]);
      }
      return answer;
    });
    this.listings.set(scope, listing);
    return listing;
  }

  private groupDescription(scope: Scope): string | undefined {
    const answer = this.listed.get(scope);
    if (!answer?.ok) return undefined;
    return countDescription(filterUnits(answer.units, this.filterText).length, answer.units.length, this.filterText !== "");
  }

  dispose(): void {
    this.changes.dispose();
  }
}

function failureNode(scope: Scope, failure: OperationFailure): UnitsNode {
  return {
    kind: "message",
    scope,
    label: listFailureLabel(failure.reason),
    detail: failure.message,
    ...(failure.reason === "untrusted-workspace" && {
      command: { title: TRUST_LABEL, command: "workbench.trust.manage" },
    }),
  };
}
