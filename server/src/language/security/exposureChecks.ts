import { CLONE_FLAGS, type BooleanSetting, type SecurityInfo } from "./securityInfo";
import { offendingSyscall } from "./syscallSet";

/** One row of systemd 252's `systemd-analyze security` table (weights and ranges from analyze-security.c). */
export interface ExposureCheck {
  /** The setting as systemd names the row, e.g. "CapabilityBoundingSet=~CAP_SYS_ADMIN". */
  id: string;
  jsonField: string;
  weight: number;
  range: number;
  /** Rows that make no sense for units with DefaultDependencies=no. */
  defaultDependenciesOnly?: boolean;
  /** 0 (good) … range (bad), or undefined when the row does not apply. */
  badness(info: SecurityInfo): number | undefined;
}

function runsPrivileged(info: SecurityInfo): boolean {
  if (info.user === "0" || info.user === "root") return true;
  return !info.dynamicUser && !info.user;
}

const bool = (setting: BooleanSetting, weight: number, extra: Partial<ExposureCheck> = {}): ExposureCheck => ({
  id: `${setting}=`,
  jsonField: setting,
  weight,
  range: 1,
  badness: (info) => (setting === "Delegate" ? Number(info.booleans[setting]) : Number(!info.booleans[setting])),
  ...extra,
});

const CAPS: Record<string, number> = {
  CHOWN: 0,
  DAC_OVERRIDE: 1,
  DAC_READ_SEARCH: 2,
  FOWNER: 3,
  FSETID: 4,
  KILL: 5,
  SETGID: 6,
  SETUID: 7,
  SETPCAP: 8,
  LINUX_IMMUTABLE: 9,
  NET_BIND_SERVICE: 10,
  NET_BROADCAST: 11,
  NET_ADMIN: 12,
  NET_RAW: 13,
  IPC_LOCK: 14,
  IPC_OWNER: 15,
  SYS_MODULE: 16,
  SYS_RAWIO: 17,
  SYS_CHROOT: 18,
  SYS_PTRACE: 19,
  SYS_PACCT: 20,
  SYS_ADMIN: 21,
  SYS_BOOT: 22,
  SYS_NICE: 23,
  SYS_RESOURCE: 24,
  SYS_TIME: 25,
  SYS_TTY_CONFIG: 26,
  MKNOD: 27,
  LEASE: 28,
  AUDIT_WRITE: 29,
  AUDIT_CONTROL: 30,
  SETFCAP: 31,
  MAC_OVERRIDE: 32,
  MAC_ADMIN: 33,
  SYSLOG: 34,
  WAKE_ALARM: 35,
  BLOCK_SUSPEND: 36,
  AUDIT_READ: 37,
  BPF: 39,
};

const capability = (id: string, jsonField: string, weight: number, names: string[]): ExposureCheck => {
  const mask = names.reduce((m, name) => m | (1n << BigInt(CAPS[name]!)), 0n);
  return {
    id: `CapabilityBoundingSet=~${id}`,
    jsonField: `CapabilityBoundingSet_${jsonField}`,
    weight,
    range: 1,
    badness: (info) => Number((info.capabilityBoundingSet & mask) !== 0n),
  };
};

const namespace = (name: string, weight: number): ExposureCheck => ({
  id: `RestrictNamespaces=~${name}`,
  jsonField: `RestrictNamespaces_${name}`,
  weight,
  range: 1,
  badness: (info) => Number((info.restrictNamespaces & CLONE_FLAGS[name]!) !== 0),
});

const family = (id: string, jsonField: string, key: keyof SecurityInfo["addressFamilies"], weight: number): ExposureCheck => ({
  id: `RestrictAddressFamilies=~${id}`,
  jsonField: `RestrictAddressFamilies_${jsonField}`,
  weight,
  range: 1,
  badness: (info) => Number(!info.addressFamilies[key]),
});

const syscalls = (group: string, weight: number): ExposureCheck => ({
  id: `SystemCallFilter=~@${group}`,
  jsonField: `SystemCallFilter_${group.replace("-", "_")}`,
  weight,
  range: 10,
  badness: (info) => {
    const filter = info.systemCallFilter;
    if (!filter.allowList && filter.syscalls.size === 0) return 10;
    const bad = offendingSyscall(filter, `@${group}`) !== undefined;
    return filter.allowList ? (bad ? 9 : 0) : bad ? 10 : 0;
  },
});

const isRootOrEmpty = (path: string | undefined) => !path || path === "/";

/** The rows in systemd 252's order. */
export const EXPOSURE_CHECKS: readonly ExposureCheck[] = [
  {
    id: "User=/DynamicUser=",
    jsonField: "UserOrDynamicUser",
    weight: 2000,
    range: 10,
    badness: (info) => {
      if (info.user === "nobody") return 9;
      if (info.dynamicUser && info.user !== "0" && info.user !== "root") return 0;
      return info.user && !["0", "root"].includes(info.user) ? 0 : 10;
    },
  },
  {
    id: "SupplementaryGroups=",
    jsonField: "SupplementaryGroups",
    weight: 200,
    range: 1,
    badness: (info) => (runsPrivileged(info) ? undefined : Number(info.supplementaryGroups.length > 0)),
  },
  bool("PrivateDevices", 1000),
  bool("PrivateMounts", 1000),
  bool("PrivateNetwork", 2500),
  bool("PrivateTmp", 1000, { defaultDependenciesOnly: true }),
  bool("PrivateUsers", 1000),
  bool("ProtectControlGroups", 1000),
  bool("ProtectKernelModules", 1000),
  bool("ProtectKernelTunables", 1000),
  bool("ProtectKernelLogs", 1000),
  bool("ProtectClock", 1000),
  {
    id: "ProtectHome=",
    jsonField: "ProtectHome",
    weight: 1000,
    range: 10,
    defaultDependenciesOnly: true,
    badness: (info) => ({ yes: 0, "read-only": 5, tmpfs: 1 })[info.protectHome] ?? 10,
  },
  bool("ProtectHostname", 50),
  {
    id: "ProtectSystem=",
    jsonField: "ProtectSystem",
    weight: 1000,
    range: 10,
    defaultDependenciesOnly: true,
    badness: (info) => ({ yes: 5, full: 3, strict: 0 })[info.protectSystem] ?? 10,
  },
  {
    id: "RootDirectory=/RootImage=",
    jsonField: "RootDirectoryOrRootImage",
    weight: 200,
    range: 1,
    defaultDependenciesOnly: true,
    badness: (info) => Number(isRootOrEmpty(info.rootDirectory) && isRootOrEmpty(info.rootImage)),
  },
  bool("LockPersonality", 100),
  bool("MemoryDenyWriteExecute", 100),
  bool("NoNewPrivileges", 1000),
  capability("CAP_SYS_ADMIN", "CAP_SYS_ADMIN", 1500, ["SYS_ADMIN"]),
  capability("CAP_SET(UID|GID|PCAP)", "CAP_SET_UID_GID_PCAP", 1500, ["SETUID", "SETGID", "SETPCAP"]),
  capability("CAP_SYS_PTRACE", "CAP_SYS_PTRACE", 1500, ["SYS_PTRACE"]),
  capability("CAP_SYS_TIME", "CAP_SYS_TIME", 1000, ["SYS_TIME"]),
  capability("CAP_NET_ADMIN", "CAP_NET_ADMIN", 1000, ["NET_ADMIN"]),
  capability("CAP_SYS_RAWIO", "CAP_SYS_RAWIO", 1000, ["SYS_RAWIO"]),
  capability("CAP_SYS_MODULE", "CAP_SYS_MODULE", 1000, ["SYS_MODULE"]),
  capability("CAP_AUDIT_*", "CAP_AUDIT", 500, ["AUDIT_CONTROL", "AUDIT_READ", "AUDIT_WRITE"]),
  capability("CAP_SYSLOG", "CAP_SYSLOG", 500, ["SYSLOG"]),
  capability("CAP_SYS_(NICE|RESOURCE)", "CAP_SYS_NICE_RESOURCE", 500, ["SYS_NICE", "SYS_RESOURCE"]),
  capability("CAP_MKNOD", "CAP_MKNOD", 500, ["MKNOD"]),
  capability("CAP_(CHOWN|FSETID|SETFCAP)", "CAP_CHOWN_FSETID_SETFCAP", 1000, ["CHOWN", "FSETID", "SETFCAP"]),
  capability("CAP_(DAC_*|FOWNER|IPC_OWNER)", "CAP_DAC_FOWNER_IPC_OWNER", 1000, ["DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER", "IPC_OWNER"]),
  capability("CAP_KILL", "CAP_KILL", 500, ["KILL"]),
  // systemd 252 spells this JSON field with a stray ")".
  capability("CAP_NET_(BIND_SERVICE|BROADCAST|RAW)", "CAP_NET_BIND_SERVICE_BROADCAST_RAW)", 500, [
    "NET_BIND_SERVICE",
    "NET_BROADCAST",
    "NET_RAW",
  ]),
  capability("CAP_SYS_BOOT", "CAP_SYS_BOOT", 100, ["SYS_BOOT"]),
  capability("CAP_MAC_*", "CAP_MAC", 100, ["MAC_ADMIN", "MAC_OVERRIDE"]),
  capability("CAP_LINUX_IMMUTABLE", "CAP_LINUX_IMMUTABLE", 75, ["LINUX_IMMUTABLE"]),
  capability("CAP_IPC_LOCK", "CAP_IPC_LOCK", 50, ["IPC_LOCK"]),
  capability("CAP_SYS_CHROOT", "CAP_SYS_CHROOT", 50, ["SYS_CHROOT"]),
  capability("CAP_BLOCK_SUSPEND", "CAP_BLOCK_SUSPEND", 25, ["BLOCK_SUSPEND"]),
  capability("CAP_WAKE_ALARM", "CAP_WAKE_ALARM", 25, ["WAKE_ALARM"]),
  capability("CAP_LEASE", "CAP_LEASE", 25, ["LEASE"]),
  capability("CAP_SYS_TTY_CONFIG", "CAP_SYS_TTY_CONFIG", 25, ["SYS_TTY_CONFIG"]),
  capability("CAP_SYS_PACCT", "CAP_SYS_PACCT", 25, ["SYS_PACCT"]),
  capability("CAP_BPF", "CAP_BPF", 25, ["BPF"]),
  {
    id: "UMask=",
    jsonField: "UMask",
    weight: 100,
    range: 10,
    badness: ({ umask }) => (!(umask & 0o002) ? 10 : !(umask & 0o004) ? 5 : !(umask & 0o020) ? 2 : !(umask & 0o040) ? 1 : 0),
  },
  { id: "KeyringMode=", jsonField: "KeyringMode", weight: 1000, range: 1, badness: (info) => Number(info.keyringMode !== "private") },
  {
    id: "ProtectProc=",
    jsonField: "ProtectProc",
    weight: 1000,
    range: 3,
    badness: (info) => (info.protectProc === "noaccess" ? 1 : ["invisible", "ptraceable"].includes(info.protectProc) ? 0 : 3),
  },
  { id: "ProcSubset=", jsonField: "ProcSubset", weight: 10, range: 1, badness: (info) => Number(info.procSubset !== "pid") },
  { id: "NotifyAccess=", jsonField: "NotifyAccess", weight: 1000, range: 1, badness: (info) => Number(info.notifyAccess === "all") },
  {
    id: "RemoveIPC=",
    jsonField: "RemoveIPC",
    weight: 100,
    range: 1,
    badness: (info) => (runsPrivileged(info) ? undefined : Number(!info.booleans.RemoveIPC)),
  },
  bool("Delegate", 100),
  bool("RestrictRealtime", 500),
  bool("RestrictSUIDSGID", 1000),
  namespace("user", 1500),
  namespace("mnt", 500),
  namespace("ipc", 500),
  namespace("pid", 500),
  namespace("cgroup", 500),
  namespace("net", 500),
  namespace("uts", 100),
  family("AF_(INET|INET6)", "AF_INET_INET6", "inet", 1500),
  family("AF_UNIX", "AF_UNIX", "unix", 25),
  family("AF_NETLINK", "AF_NETLINK", "netlink", 200),
  family("AF_PACKET", "AF_PACKET", "packet", 1000),
  family("…", "OTHER", "other", 1250),
  {
    id: "SystemCallArchitectures=",
    jsonField: "SystemCallArchitectures",
    weight: 1000,
    range: 10,
    badness: ({ systemCallArchitectures: archs }) => (archs.length === 0 ? 10 : archs.length === 1 && archs[0] === "native" ? 0 : 8),
  },
  syscalls("swap", 1000),
  syscalls("obsolete", 250),
  syscalls("clock", 1000),
  syscalls("cpu-emulation", 250),
  syscalls("debug", 1000),
  syscalls("mount", 1000),
  syscalls("module", 1000),
  syscalls("raw-io", 1000),
  syscalls("reboot", 1000),
  syscalls("privileged", 700),
  syscalls("resources", 700),
  {
    id: "IPAddressDeny=",
    jsonField: "IPAddressDeny",
    weight: 1000,
    range: 10,
    badness: (info) =>
      info.ipCustomFilters ? 0 : !info.ipAddressDenyAll ? 10 : info.ipAddressAllowOther ? 5 : info.ipAddressAllowLocalhost ? 2 : 0,
  },
  {
    id: "DeviceAllow=",
    jsonField: "DeviceAllow",
    weight: 1000,
    range: 10,
    badness: (info) => (["strict", "closed"].includes(info.devicePolicy) ? (info.deviceAllow.length > 0 ? 5 : 0) : 10),
  },
  {
    id: "AmbientCapabilities=",
    jsonField: "AmbientCapabilities",
    weight: 500,
    range: 1,
    badness: (info) => Number(info.ambientCapabilities !== 0n),
  },
];
