import { readFile } from "node:fs/promises";
import { arch, hostname, release, userInfo } from "node:os";
import { posix } from "node:path";
import type { HostFacts } from "../language/specifierExpansion";

/** Node's architecture names → systemd's (ConditionArchitecture=, %a). */
const ARCHITECTURES: Readonly<Record<string, string>> = {
  x64: "x86-64",
  ia32: "x86",
  arm64: "arm64",
  arm: "arm",
  ppc64: "ppc64-le",
  s390x: "s390x",
  riscv64: "riscv64",
  loong64: "loongarch64",
  mips: "mips",
  mipsel: "mips-le",
};

const readText = (path: string) => readFile(path, "utf8").catch(() => undefined);

/** KEY=value lines with optional quotes, as in os-release and machine-info. */
export function parseEnvironmentFile(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const match = /^\s*([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line);
    if (match) fields[match[1]!] = match[2]!.trim().replace(/^(["'])(.*)\1$/, "$2");
  }
  return fields;
}

/** What specifiers such as %H, %m, %b, %v, %a, %o and the user manager's directories are on this machine. */
export async function readHostFacts(env: Readonly<Record<string, string | undefined>> = process.env): Promise<HostFacts> {
  const [machineId, bootId, osRelease, machineInfo] = await Promise.all([
    readText("/etc/machine-id"),
    readText("/proc/sys/kernel/random/boot_id"),
    readText("/etc/os-release").then((text) => text ?? readText("/usr/lib/os-release")),
    readText("/etc/machine-info"),
  ]);
  const facts: HostFacts = { hostname: hostname(), kernelRelease: release() };
  if (ARCHITECTURES[arch()]) facts.architecture = ARCHITECTURES[arch()];
  if (machineId?.trim()) facts.machineId = machineId.trim();
  if (bootId?.trim()) facts.bootId = bootId.trim().replace(/-/g, "");
  if (osRelease) facts.osRelease = parseEnvironmentFile(osRelease);
  const pretty = machineInfo && parseEnvironmentFile(machineInfo).PRETTY_HOSTNAME;
  if (pretty) facts.prettyHostname = pretty;
  try {
    const user = userInfo();
    const home = env.HOME?.startsWith("/") ? env.HOME : user.homedir;
    const xdg = (name: string, fallback: string) => (env[name]?.startsWith("/") ? env[name]! : posix.join(home, fallback));
    facts.user = { name: user.username, uid: user.uid, gid: user.gid, home, ...(user.shell && { shell: user.shell }) };
    facts.userDirectories = {
      runtime: env.XDG_RUNTIME_DIR?.startsWith("/") ? env.XDG_RUNTIME_DIR : `/run/user/${user.uid}`,
      state: xdg("XDG_STATE_HOME", ".local/state"),
      cache: xdg("XDG_CACHE_HOME", ".cache"),
      config: xdg("XDG_CONFIG_HOME", ".config"),
    };
  } catch {
    // No passwd entry for this uid: the user manager's values stay unknown.
  }
  return facts;
}
