import type { ListedUnit } from "./serverCommands";
import { t } from "../l10n";

/** Units whose name or description contains every word of the filter (case-insensitive). */
export function filterUnits(units: readonly ListedUnit[], filter: string): ListedUnit[] {
  const words = filter
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== "");
  if (words.length === 0) return [...units];
  return units.filter((unit) => {
    const text = `${unit.unit} ${unit.description}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

/** The group's description: "240 units", or "3 of 240" while filtered. */
export function countDescription(shown: number, total: number, filtered: boolean): string {
  if (filtered) return t("{0} of {1}", shown, total);
  return total === 1 ? t("1 unit") : t("{0} units", total);
}

/** The line under a unit in the tree: "active (running) · enabled". */
export function unitDescription(unit: ListedUnit): string {
  if (unit.template) return `${t("template")} · ${unit.unitFileState}`;
  const active = unit.subState && unit.subState !== unit.activeState ? `${unit.activeState} (${unit.subState})` : unit.activeState;
  return [active, unit.unitFileState].filter((part) => part !== "").join(" · ");
}

/** Short words for a failed listing, shown as the group's only item. */
export function listFailureLabel(reason: string): string {
  switch (reason) {
    case "no-systemd":
      return t("No systemd manager to talk to");
    case "untrusted-workspace":
      return t("Not available: the workspace is not trusted");
    case "command-not-found":
      return t("systemctl is not installed");
    case "needs-privilege":
      return t("Listing needs root");
    case "timed-out":
      return t("No answer in time");
    case "host-unreachable":
      return t("Could not reach the host");
    default:
      return t("Could not list the units");
  }
}
