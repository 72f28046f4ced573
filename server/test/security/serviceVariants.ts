// Installed services and generated hardening variants, for comparing the exposure score with systemd.
import { existsSync, lstatSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { BOOLEAN_SETTINGS } from "../../src/language/security/securityInfo";
import { picker, seededRandom } from "../values/systemdAnalyze";

const UNIT_DIRECTORIES = ["/lib/systemd/system", "/usr/lib/systemd/system", "/etc/systemd/system"];

/**
 * The .service files installed here that systemd reads alone: symbolic links (aliases, masks) and
 * units with drop-in directories, which the offline tool would merge, are left out.
 */
export function installedServices(): string[] {
  const seen = new Set<string>();
  const paths: string[] = [];
  for (const directory of UNIT_DIRECTORIES) {
    let names: string[];
    try {
      names = readdirSync(directory).filter((name) => name.endsWith(".service"));
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      const path = join(directory, name);
      if (seen.has(name) || lstatSync(path).isSymbolicLink() || !lstatSync(path).isFile()) continue;
      if (UNIT_DIRECTORIES.some((d) => existsSync(join(d, `${name}.d`)))) continue;
      seen.add(name);
      paths.push(path);
    }
  }
  return paths;
}

const BOOLEANS = [...BOOLEAN_SETTINGS, "DynamicUser"];
const GROUPS = [
  "@system-service",
  "@basic-io",
  "@file-system",
  "@network-io",
  "@privileged",
  "@resources",
  "@mount",
  "@clock",
  "@obsolete",
  "@debug",
  "@raw-io",
  "@reboot",
  "@swap",
  "@module",
  "@cpu-emulation",
  "@io-event",
  "@process",
  "@signal",
  "@timer",
  "@known",
];
const CAPABILITIES = [
  "CAP_SYS_ADMIN",
  "CAP_NET_ADMIN",
  "CAP_NET_BIND_SERVICE",
  "CAP_SETUID",
  "CAP_CHOWN",
  "CAP_DAC_OVERRIDE",
  "CAP_SYS_TIME",
  "CAP_KILL",
  "CAP_MKNOD",
  "CAP_SYSLOG",
  "CAP_BPF",
  "CAP_AUDIT_WRITE",
  "CAP_WAKE_ALARM",
  "CAP_SYS_MODULE",
  "CAP_IPC_LOCK",
];
const FAMILIES = ["AF_INET", "AF_INET6", "AF_UNIX", "AF_NETLINK", "AF_PACKET", "AF_BLUETOOTH", "AF_CAN", "AF_LOCAL", "AF_VSOCK"];
const NAMESPACES = ["user", "mnt", "ipc", "pid", "cgroup", "net", "uts"];

/** Service files that switch hardening settings on and off at random, deterministically. */
export function serviceVariants(count: number, seed: number): string[] {
  const { int, pick, chance } = picker(seededRandom(seed));
  const some = (items: readonly string[], max: number) => {
    const chosen = new Set<string>();
    for (let n = int(1, max); n > 0; n--) chosen.add(pick(items));
    return [...chosen].join(" ");
  };
  const yesNo = () => pick(["yes", "no", "true", "off", "1"]);
  const variants: string[] = [];
  for (let i = 0; i < count; i++) {
    const unit: string[] = [];
    const service = [`ExecStart=/usr/bin/sleep ${i}`];
    const add = (line: string) => service.push(line);
    if (chance(0.1)) unit.push("DefaultDependencies=no");
    for (const name of BOOLEANS) if (chance(0.3)) add(`${name}=${yesNo()}`);
    if (chance(0.4)) add(`User=${pick(["nobody", "root", "0", "www-data", "daemon", ""])}`);
    if (chance(0.15)) add(`SupplementaryGroups=${pick(["adm", "audio video", ""])}`);
    if (chance(0.3)) add(`ProtectSystem=${pick(["yes", "no", "full", "strict", "true"])}`);
    if (chance(0.3)) add(`ProtectHome=${pick(["yes", "no", "read-only", "tmpfs"])}`);
    if (chance(0.1)) add(`RootDirectory=${pick(["/", "/srv/root", ""])}`);
    for (let n = chance(0.4) ? int(1, 3) : 0; n > 0; n--)
      add(`CapabilityBoundingSet=${chance(0.4) ? "~" : ""}${chance(0.05) ? "" : some(CAPABILITIES, 4)}`);
    if (chance(0.15)) add(`AmbientCapabilities=${some(CAPABILITIES, 2)}`);
    if (chance(0.2)) add(`UMask=${pick(["0000", "0002", "0022", "0027", "0077", "0007", "0020"])}`);
    if (chance(0.15)) add(`KeyringMode=${pick(["inherit", "private", "shared"])}`);
    if (chance(0.2)) add(`ProtectProc=${pick(["noaccess", "invisible", "ptraceable", "default"])}`);
    if (chance(0.15)) add(`ProcSubset=${pick(["pid", "all"])}`);
    if (chance(0.15)) add(`Type=${pick(["notify", "simple", "exec", "oneshot"])}`);
    if (chance(0.15)) add(`NotifyAccess=${pick(["none", "main", "exec", "all"])}`);
    if (chance(0.08)) add(`WatchdogSec=${pick(["30s", "0", "infinity"])}`);
    if (chance(0.05)) add(`FileDescriptorStoreMax=${pick(["0", "4"])}`);
    if (chance(0.1)) add(`Type=${pick(["notify", "simple"])}`);
    for (let n = chance(0.35) ? int(1, 2) : 0; n > 0; n--) {
      add(`RestrictNamespaces=${chance(0.3) ? yesNo() : `${chance(0.4) ? "~" : ""}${some(NAMESPACES, 3)}`}`);
    }
    for (let n = chance(0.4) ? int(1, 2) : 0; n > 0; n--) {
      add(`RestrictAddressFamilies=${chance(0.1) ? "none" : `${chance(0.3) ? "~" : ""}${some(FAMILIES, 4)}`}`);
    }
    if (chance(0.35)) add(`SystemCallArchitectures=${pick(["native", "x86-64", "native x86", "x86-64 x86-64"])}`);
    for (let n = chance(0.5) ? int(1, 3) : 0; n > 0; n--) {
      const errno = chance(0.2) ? ":EPERM" : "";
      add(`SystemCallFilter=${chance(0.4) ? "~" : ""}${some(GROUPS, 3)}${errno}${chance(0.2) ? " ioprio_set mount" : ""}`);
    }
    if (chance(0.3)) add(`IPAddressDeny=${pick(["any", "0.0.0.0/0", "::/0", "0.0.0.0/0 ::/0", "10.0.0.0/8"])}`);
    if (chance(0.2)) add(`IPAddressAllow=${pick(["localhost", "127.0.0.1", "::1", "10.0.0.0/8", "localhost 192.168.0.0/16"])}`);
    if (chance(0.2)) add(`DevicePolicy=${pick(["auto", "closed", "strict"])}`);
    if (chance(0.15)) add(`DeviceAllow=${pick(["/dev/null rw", "char-rtc r"])}`);
    if (chance(0.05)) add(`RootImage=${pick(["/srv/image.raw", "/"])}`);
    if (chance(0.05)) add(`${pick(["IPIngressFilterPath", "IPEgressFilterPath"])}=/sys/fs/bpf/filter`);
    // An empty assignment resets what came before it.
    if (chance(0.1))
      add(
        `${pick(["SystemCallFilter", "RestrictAddressFamilies", "CapabilityBoundingSet", "IPAddressDeny", "DeviceAllow", "SupplementaryGroups", "RestrictNamespaces"])}=`,
      );
    variants.push(`[Unit]\nDescription=variant ${i}\n${unit.map((l) => `${l}\n`).join("")}\n[Service]\n${service.join("\n")}\n`);
  }
  return variants;
}

/** A variant split between a unit file and drop-ins: some of its [Service] lines moved, in order, to one of two drop-ins. */
export interface SplitVariant {
  fragment: string;
  /** File name → text, in the order systemd reads them (by name). */
  dropIns: [string, string][];
}

export function dropInVariants(count: number, seed: number): SplitVariant[] {
  const { chance } = picker(seededRandom(seed + 1));
  return serviceVariants(count, seed).map((text) => {
    const [head, body = ""] = text.split("[Service]\n");
    const [command, ...settings] = body.trimEnd().split("\n");
    const kept: string[] = [command!];
    const dropIns: string[][] = [[], []];
    for (const line of settings) (chance(0.4) ? kept : chance(0.5) ? dropIns[0]! : dropIns[1]!).push(line);
    return {
      fragment: `${head}[Service]\n${kept.join("\n")}\n`,
      dropIns: dropIns
        .map((lines, i): [string, string] => [`${10 * (i + 1)}-variant.conf`, `[Service]\n${lines.join("\n")}\n`])
        .filter(([, dropIn]) => dropIn !== "[Service]\n\n"),
    };
  });
}
