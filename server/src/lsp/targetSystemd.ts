import type { TargetSystemd } from "../language/rules/rule";
import type { Settings } from "../settings/settings";
import { detectInstalledSystemd } from "../systemd/installedSystemd";

/**
 * The systemd the diagnostics aim at. "auto" asks the installed systemd once (only when running
 * processes is allowed); a number in the settings wins.
 */
export class TargetResolver {
  private installed: Promise<TargetSystemd> | undefined;

  async resolve(settings: Settings, mayRunProcesses: boolean): Promise<TargetSystemd> {
    if (settings.systemdVersion !== "auto") return { version: Number(settings.systemdVersion) };
    if (!mayRunProcesses) return {};
    this.installed ??= detectInstalledSystemd();
    return this.installed;
  }
}
