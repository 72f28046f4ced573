import * as vscode from "vscode";
import { UNITS_FILTERED } from "./commandIds";
import type { OperationsClient } from "./operationsClient";
import { machineEntry, parseHostsSetting, type HostEntry } from "./hostsSetting";
import { TRUST_LABEL } from "./notices";
import type { Answer, HostArgument, ListedUnit, ListResult, OperationFailure, Scope } from "./serverCommands";
import { stateDisplay } from "./stateDisplay";
import { countDescription, filterUnits, listFailureLabel, unitDescription } from "./unitsFilter";
import { hostKey, type UnitRef } from "./unitTarget";
import { t } from "../l10n";

export type UnitsNode =
  /** Another machine, or this one (no entry), when there are other hosts to show. */
  | { kind: "host"; entry?: HostEntry }
  | { kind: "group"; scope: Scope; host?: HostArgument }
  /** Carries a UnitRef, so the unit commands take the node as their argument. */
  | ({ kind: "unit"; listed: ListedUnit } & UnitRef)
  | { kind: "message"; scope: Scope; host?: HostArgument; label: string; detail: string; command?: vscode.Command };

const GROUP_LABELS: Record<Scope, string> = { user: "User", system: "System" };
const SCOPES = ["user", "system"] as const;

/**
 * The "systemd Units" view: the user and system managers' units, from unitsmith.systemd.list;
 * with hosts in `unitsmith.hosts` or containers in `machinectl list`, a group per host holds them.
 */
export class UnitsTree implements vscode.TreeDataProvider<UnitsNode>, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<UnitsNode | undefined>();
  readonly onDidChangeTreeData = this.changes.event;
  /** One node per host and scope, so that a refresh names the node the view shows. */
  private readonly groups = new Map<string, UnitsNode>();
  private readonly listings = new Map<string, Promise<Answer<ListResult>>>();
  /** The answers that arrived, for the groups' descriptions. */
  private readonly listed = new Map<string, Answer<ListResult>>();
  private machines?: Promise<string[]>;
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

  /** Lists the scope of the host (this machine when absent) again; with no scope, every host and the hosts themselves. */
  refresh(scope?: Scope, host?: HostArgument): void {
    if (!scope) {
      this.listings.clear();
      this.listed.clear();
      this.machines = undefined;
      this.changes.fire(undefined);
      return;
    }
    const key = groupKey(scope, host);
    this.listings.delete(key);
    this.listed.delete(key);
    this.changes.fire(this.group(scope, host));
  }

  getTreeItem(node: UnitsNode): vscode.TreeItem {
    switch (node.kind) {
      case "host": {
        // Other hosts open when asked: nothing connects to them before.
        const state = node.entry ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded;
        const item = new vscode.TreeItem(node.entry?.label ?? t("This machine"), state);
        item.id = `host:${hostKey(node.entry?.host)}`;
        item.contextValue = "host";
        item.iconPath = new vscode.ThemeIcon(!node.entry ? "vm" : "machine" in node.entry.host ? "package" : "remote");
        return item;
      }
      case "group": {
        const item = new vscode.TreeItem(GROUP_LABELS[node.scope], vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.host ? `${hostKey(node.host)}/${node.scope}` : node.scope;
        item.contextValue = "group";
        item.description = this.groupDescription(groupKey(node.scope, node.host));
        item.iconPath = new vscode.ThemeIcon(node.scope === "user" ? "account" : "server");
        return item;
      }
      case "message": {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.id = `${node.host ? `${hostKey(node.host)}/` : ""}${node.scope}:message`;
        item.tooltip = node.detail;
        item.iconPath = new vscode.ThemeIcon("info");
        item.contextValue = "message";
        if (node.command) item.command = node.command;
        return item;
      }
      case "unit": {
        const display = stateDisplay(node.listed);
        const item = new vscode.TreeItem(node.unit, vscode.TreeItemCollapsibleState.None);
        item.id = `${node.host ? `${hostKey(node.host)}/` : ""}${node.scope}:${node.unit}`;
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

  /** The hosts besides this machine: `unitsmith.hosts`, then machined's containers. */
  async hosts(): Promise<HostEntry[]> {
    const setting = parseHostsSetting(vscode.workspace.getConfiguration("unitsmith").get<string>("hosts") ?? "");
    this.machines ??= this.operations.run("machines", {}).then((answer) => (answer.ok ? answer.machines : []));
    return [...setting.hosts, ...(await this.machines).map(machineEntry)];
  }

  async getChildren(node?: UnitsNode): Promise<UnitsNode[]> {
    if (!node) {
      const hosts = await this.hosts();
      if (hosts.length === 0) return SCOPES.map((scope) => this.group(scope));
      return [{ kind: "host" }, ...hosts.map((entry): UnitsNode => ({ kind: "host", entry }))];
    }
    if (node.kind === "host") return SCOPES.map((scope) => this.group(scope, node.entry?.host));
    if (node.kind !== "group") return [];
    const { scope, host } = node;
    const answer = await this.list(scope, host);
    if (!answer.ok) return [failureNode(scope, host, answer)];
    const shown = filterUnits(answer.units, this.filterText);
    if (shown.length === 0) {
      const label = this.filterText ? t('No unit matches "{0}"', this.filterText) : t("No units");
      return [{ kind: "message", scope, ...(host && { host }), label, detail: label }];
    }
    return shown.map((listed) => ({
      kind: "unit",
      listed,
      unit: listed.unit,
      scope,
      ...(host && { host }),
      template: listed.template,
      // A file on another host cannot be opened as a local one.
      ...(listed.fragmentPath && !host && { path: listed.fragmentPath }),
    }));
  }

  private group(scope: Scope, host?: HostArgument): UnitsNode {
    const key = groupKey(scope, host);
    let node = this.groups.get(key);
    if (!node) {
      node = { kind: "group", scope, ...(host && { host }) };
      this.groups.set(key, node);
    }
    return node;
  }

  private list(scope: Scope, host?: HostArgument): Promise<Answer<ListResult>> {
    const key = groupKey(scope, host);
    const cached = this.listings.get(key);
    if (cached) return cached;
    const listing: Promise<Answer<ListResult>> = this.operations.run("list", { scope, ...(host && { host }) }).then((answer) => {
      if (this.listings.get(key) === listing) {
        this.listed.set(key, answer);
        // Once, for the counts in the group's description; the children come from the cache.
        this.changes.fire(this.group(scope, host));
      }
      return answer;
    });
    this.listings.set(key, listing);
    return listing;
  }

  private groupDescription(key: string): string | undefined {
    const answer = this.listed.get(key);
    if (!answer?.ok) return undefined;
    return countDescription(filterUnits(answer.units, this.filterText).length, answer.units.length, this.filterText !== "");
  }

  dispose(): void {
    this.changes.dispose();
  }
}

const groupKey = (scope: Scope, host?: HostArgument) => `${hostKey(host)}/${scope}`;

function failureNode(scope: Scope, host: HostArgument | undefined, failure: OperationFailure): UnitsNode {
  return {
    kind: "message",
    scope,
    ...(host && { host }),
    label: listFailureLabel(failure.reason),
    detail: failure.message,
    ...(failure.reason === "untrusted-workspace" && {
      command: { title: TRUST_LABEL, command: "workbench.trust.manage" },
    }),
  };
}
