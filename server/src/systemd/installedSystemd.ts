import type { TargetSystemd } from "../language/rules/rule";
import { runProcess } from "./processRunner";

const SYSTEMD_BINARY = "/usr/lib/systemd/systemd";

/** `systemd 252 (252.38-1~deb12u1)` → 252. */
export function parseSystemctlVersion(stdout: string): number | undefined {
  const match = /^systemd (\d+)/m.exec(stdout);
  return match ? Number(match[1]) : undefined;
}

/** `[Unit]` headers and `Name=TYPE` lines → section → names. */
export function parseConfigurationItems(stdout: string): Map<string, Set<string>> {
  const items = new Map<string, Set<string>>();
  let section: Set<string> | undefined;
  for (const line of stdout.split("\n")) {
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      section = items.get(header[1]!) ?? items.set(header[1]!, new Set()).get(header[1]!)!;
      continue;
    }
    const equals = line.indexOf("=");
    if (section && equals > 0) section.add(line.slice(0, equals));
  }
  return items;
}

/**
 * What the systemd on this machine is: its version from `systemctl --version`, and the unit file
 * items its manager accepts. Either is undefined when it cannot be found out.
 */
export async function detectInstalledSystemd(signal?: AbortSignal): Promise<TargetSystemd> {
  const [version, items] = await Promise.all([
    runProcess(["systemctl", "--version"], { timeoutMs: 5000, ...(signal && { signal }) }),
    runProcess([SYSTEMD_BINARY, "--dump-configuration-items"], { timeoutMs: 5000, ...(signal && { signal }) }),
  ]);
  const target: TargetSystemd = {};
  if (version.ok && version.code === 0) {
    const parsed = parseSystemctlVersion(version.stdout);
    if (parsed !== undefined) target.version = parsed;
  }
  if (items.ok && items.code === 0) {
    const parsed = parseConfigurationItems(items.stdout);
    if (parsed.size > 0) target.knownItems = parsed;
  }
  return target;
}
