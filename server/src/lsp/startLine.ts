import type { TargetSystemd } from "../language/rules/rule";
import type { Settings } from "../settings/settings";
import type { ManPageLibrary } from "../systemd/manPages";

/** The pages hovers quote most; the start line says whether this machine has them. */
const KEY_PAGES = ["systemd.unit", "systemd.service", "systemd.exec"];

/**
 * Renders the key pages' directive entries one after another, parsed in slices that let requests
 * in (see manPages.ts), so that the first hovers find them ready: a hover that waits for the parse
 * of systemd.exec(5) waits 20 to 200 ms, by the machine's load.
 */
export async function prepareKeyPages(manPages: ManPageLibrary): Promise<void> {
  for (const name of KEY_PAGES) await manPages.prepare(name, "5");
}

/** The log's first line: "Unitsmith 0.4.0: checking for systemd 252 (installed); man pages: systemd.unit(5), … found". */
export async function startLine(version: string, settings: Settings, target: TargetSystemd, manPages: ManPageLibrary): Promise<string> {
  const systemd =
    target.version === undefined
      ? "systemd version unknown (not asked: no processes run here, or systemd-analyze is missing)"
      : settings.systemdVersion === "auto"
        ? `systemd ${target.version} (installed)`
        : `${(target.targets ?? []).map((t) => (t.name.startsWith("systemd ") ? t.name : `${t.name} (systemd ${t.systemd})`)).join(", ")} (unitsmith.systemdVersion)`;
  // Found, not parsed: parsing the three pages would hold up the first requests.
  const found = await Promise.all(KEY_PAGES.map(async (name) => ((await manPages.installed(name, "5")) ? `${name}(5)` : undefined)));
  const present = found.filter((page) => page !== undefined);
  const pages = present.length > 0 ? `${present.join(", ")} found` : "none of systemd's man pages found (hovers give the summary only)";
  return `Unitsmith ${version}: checking for ${systemd}; man pages: ${pages}.`;
}
