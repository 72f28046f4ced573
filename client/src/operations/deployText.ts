/** What Deploy to Hosts offers and shows: the host choices, and the dry run's and the run's outcome per host, as text. */
import type { DeployResult, HostDeployResult, SshHost } from "./serverCommands";
import type { HostEntry } from "./hostsSetting";
import type { Choice } from "./journalChoices";
import { t } from "../l10n";

/** Where a deploy goes: ssh destinations, or a group of an Ansible inventory. */
export type DeployTarget = { hosts: SshHost[] } | { inventory: string; limit: string };

export interface InventoryGroups {
  /** The inventory file's URI and its name as shown. */
  uri: string;
  label: string;
  groups: { name: string; hosts: string[] }[];
}

/** Every host of `unitsmith.hosts` together and each alone (ssh only: machined's containers are not Ansible's), then each inventory group. */
export function deployTargetChoices(entries: readonly HostEntry[], inventories: readonly InventoryGroups[]): Choice<DeployTarget>[] {
  const ssh = entries.flatMap((entry) => ("ssh" in entry.host ? [{ label: entry.label, host: entry.host }] : []));
  const choices: Choice<DeployTarget>[] = [];
  if (ssh.length > 1) {
    choices.push({
      label: t("Every host of unitsmith.hosts"),
      description: ssh.map((entry) => entry.label).join(", "),
      value: { hosts: ssh.map((entry) => entry.host) },
    });
  }
  for (const entry of ssh) choices.push({ label: entry.label, description: t("from unitsmith.hosts"), value: { hosts: [entry.host] } });
  for (const inventory of inventories) {
    for (const group of inventory.groups) {
      choices.push({
        label: t("Group {0}", group.name),
        description: t("{0} — {1}", group.hosts.join(", "), inventory.label),
        value: { inventory: inventory.uri, limit: group.name },
      });
    }
  }
  return choices;
}

function statusWord(result: HostDeployResult, dryRun: boolean): string {
  if (result.status === "failed") return t("failed");
  if (result.status === "unchanged") return t("unchanged");
  return dryRun ? t("would change") : t("changed");
}

/** One section a host: its outcome, the reason it failed, the unit's journal, and the diffs of its files (unindented, so they read as a diff). */
export function deployReport(result: DeployResult, heading: string, displayPath: (path: string) => string): string {
  const dryRun = result.mode === "check";
  const lines = [heading, "", t("Files: {0}", result.files.map(displayPath).join(", ")), ""];
  for (const host of result.hosts) {
    lines.push(`# ${host.host}: ${statusWord(host, dryRun)}${host.reason ? ` — ${host.reason}` : ""}`);
    if (host.journal)
      lines.push(
        t("# its journal:"),
        ...host.journal
          .trimEnd()
          .split("\n")
          .map((line) => `#   ${line}`),
      );
    for (const diff of host.diffs) lines.push(diff.trimEnd());
    lines.push("");
  }
  return lines.join("\n");
}

/** "2 changed, 1 failed" (or "would change"), in the order changed, unchanged, failed. */
export function deploySummary(result: DeployResult): string {
  const dryRun = result.mode === "check";
  const count = (status: HostDeployResult["status"]) => result.hosts.filter((host) => host.status === status).length;
  const parts = [
    count("changed") > 0 ? (dryRun ? t("{0} would change", count("changed")) : t("{0} changed", count("changed"))) : "",
    count("unchanged") > 0 ? t("{0} unchanged", count("unchanged")) : "",
    count("failed") > 0 ? t("{0} failed", count("failed")) : "",
  ];
  return parts.filter((part) => part !== "").join(", ");
}
