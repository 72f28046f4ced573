import type { TargetSystemd } from "../language/rules/rule";
import { parseTargetList, targetSystemdOf } from "../language/targets/targetList";
import type { Settings } from "../settings/settings";
import { detectInstalledSystemd } from "../systemd/installedSystemd";

/**
 * The systemd the diagnostics aim at. "auto" asks the installed systemd once (only when running
 * processes is allowed); a version, distribution or list of them in the settings wins.
 */
export class TargetResolver {
  private installed: Promise<TargetSystemd> | undefined;

  async resolve(settings: Settings, mayRunProcesses: boolean): Promise<TargetSystemd> {
    if (settings.systemdVersion !== "auto") {
      const parsed = parseTargetList(settings.systemdVersion);
      // The settings schema refuses anything else; an unreadable value falls back to no target.
      return "targets" in parsed ? targetSystemdOf(parsed.targets) : {};
    }
    if (!mayRunProcesses) return {};
    this.installed ??= detectInstalledSystemd();
    return this.installed;
  }
}
