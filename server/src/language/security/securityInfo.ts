import type { UnitFile } from "../parser";
import { parseBoolean } from "../values/boolean";
import { capabilityFromName } from "../values/capability";
import { parseIpPrefixes } from "../values/ipPrefix";
import { splitWords } from "../values/words";
import { syscallFilterOf, type SyscallFilterState } from "./syscallSet";

/** The settings of a service that systemd 252's exposure score looks at, after systemd's own defaults and implications. */
export interface SecurityInfo {
  defaultDependencies: boolean;
  user?: string;
  dynamicUser: boolean;
  supplementaryGroups: string[];
  booleans: Record<BooleanSetting, boolean>;
  protectHome: string;
  protectSystem: string;
  rootDirectory?: string;
  rootImage?: string;
  /** Bit n = capability n. */
  capabilityBoundingSet: bigint;
  ambientCapabilities: bigint;
  umask: number;
  keyringMode: string;
  protectProc: string;
  procSubset: string;
  notifyAccess: string;
  /** Namespace types the service may create (CLONE_* flags). */
  restrictNamespaces: number;
  addressFamilies: Record<"inet" | "unix" | "netlink" | "packet" | "other", boolean>;
  systemCallArchitectures: string[];
  systemCallFilter: SyscallFilterState;
  ipAddressDenyAll: boolean;
  ipAddressAllowLocalhost: boolean;
  ipAddressAllowOther: boolean;
  ipCustomFilters: boolean;
  devicePolicy: string;
  deviceAllow: string[];
}

export const BOOLEAN_SETTINGS = [
  "PrivateDevices",
  "PrivateMounts",
  "PrivateNetwork",
  "PrivateTmp",
  "PrivateUsers",
  "ProtectControlGroups",
  "ProtectKernelModules",
  "ProtectKernelTunables",
  "ProtectKernelLogs",
  "ProtectClock",
  "ProtectHostname",
  "LockPersonality",
  "MemoryDenyWriteExecute",
  "NoNewPrivileges",
  "RemoveIPC",
  "RestrictRealtime",
  "RestrictSUIDSGID",
  "Delegate",
] as const;
export type BooleanSetting = (typeof BOOLEAN_SETTINGS)[number];

const ALL_CAPABILITIES = (1n << 64n) - 1n;
export const CLONE_FLAGS: Record<string, number> = {
  cgroup: 0x02000000,
  ipc: 0x08000000,
  net: 0x40000000,
  mnt: 0x00020000,
  pid: 0x20000000,
  user: 0x10000000,
  uts: 0x04000000,
};
const ALL_NAMESPACES = Object.values(CLONE_FLAGS).reduce((a, b) => a | b, 0);
/** Not set at all: every namespace allowed, and the next list replaces rather than merges. */
const NAMESPACES_INITIAL = -1;

/** Address family names systemd knows (from <sys/socket.h>), and the ones the score looks at. */
const AF_NAMES = new Set(
  (
    "AF_LOCAL AF_UNIX AF_FILE AF_INET AF_AX25 AF_IPX AF_APPLETALK AF_NETROM AF_BRIDGE AF_ATMPVC AF_X25 AF_INET6 AF_ROSE " +
    "AF_DECnet AF_NETBEUI AF_SECURITY AF_KEY AF_NETLINK AF_ROUTE AF_PACKET AF_ASH AF_ECONET AF_ATMSVC AF_RDS AF_SNA AF_IRDA " +
    "AF_PPPOX AF_WANPIPE AF_LLC AF_IB AF_MPLS AF_CAN AF_TIPC AF_BLUETOOTH AF_IUCV AF_RXRPC AF_ISDN AF_PHONET AF_IEEE802154 " +
    "AF_CAIF AF_ALG AF_NFC AF_VSOCK AF_KCM AF_QIPCRTR AF_SMC AF_XDP AF_MCTP"
  ).split(" "),
);
const AF_CLASS: Record<string, keyof SecurityInfo["addressFamilies"]> = {
  AF_INET: "inet",
  AF_INET6: "inet",
  AF_UNIX: "unix",
  AF_LOCAL: "unix",
  AF_FILE: "unix",
  AF_NETLINK: "netlink",
  AF_ROUTE: "netlink",
  AF_PACKET: "packet",
};

function capabilitySet(previous: bigint, value: string, initial: bigint): bigint {
  const invert = value.startsWith("~");
  let sum = 0n;
  for (const word of splitWords(invert ? value.slice(1) : value, { unquote: true }).words) {
    const number = capabilityFromName(word.text);
    if (number !== undefined) sum |= 1n << BigInt(number);
  }
  if (sum === 0n || previous === initial) return invert ? ~sum & ALL_CAPABILITIES : sum;
  return invert ? previous & ~sum : previous | sum;
}

function namespaces(previous: number, value: string): number {
  if (value === "") return NAMESPACES_INITIAL;
  const bool = parseBoolean(value);
  if (bool.ok) return bool.value ? 0 : ALL_NAMESPACES;
  const invert = value.startsWith("~");
  let flags = 0;
  for (const word of (invert ? value.slice(1) : value).split(/\s+/).filter(Boolean)) {
    const flag = CLONE_FLAGS[word];
    if (flag === undefined) return previous; // systemd ignores the whole assignment
    flags |= flag;
  }
  if (previous === NAMESPACES_INITIAL) return invert ? ~flags & ALL_NAMESPACES : flags;
  return invert ? previous & ~flags : previous | flags;
}

function isLocalhost(text: string): boolean {
  const address = text.split("/")[0]!;
  if (address.includes(".") && !address.includes(":")) return address.split(".")[0] === "127";
  const [head = "", tail] = address.split("::");
  const groups = (part: string) => (part === "" ? [] : part.split(":").map((g) => parseInt(g, 16)));
  const all =
    tail === undefined
      ? groups(head)
      : [...groups(head), ...new Array(8 - groups(head).length - groups(tail).length).fill(0), ...groups(tail)];
  return all.length === 8 && all.slice(0, 7).every((g) => g === 0) && all[7] === 1;
}

interface Families {
  allowList: boolean;
  set: Set<string> | undefined;
}

function addressFamilies(state: Families, value: string): Families {
  if (value === "") return { allowList: false, set: undefined };
  if (value === "none") return { allowList: true, set: undefined };
  const invert = value.startsWith("~");
  const next: Families = state.set ? { allowList: state.allowList, set: new Set(state.set) } : { allowList: !invert, set: new Set() };
  for (const word of splitWords(invert ? value.slice(1) : value, { unquote: true }).words) {
    if (!AF_NAMES.has(word.text)) continue;
    const name = AF_CLASS[word.text] ? word.text.replace(/^AF_(LOCAL|FILE)$/, "AF_UNIX").replace("AF_ROUTE", "AF_NETLINK") : word.text;
    if (!invert === next.allowList) next.set!.add(name);
    else next.set!.delete(name);
  }
  return next;
}

/** Reads the [Unit] and [Service] sections of a service as systemd 252 loads them, for `systemd-analyze security --offline`. */
export function securityInfo(file: UnitFile): SecurityInfo {
  const info: SecurityInfo = {
    defaultDependencies: true,
    dynamicUser: false,
    supplementaryGroups: [],
    booleans: Object.fromEntries(BOOLEAN_SETTINGS.map((name) => [name, false])) as Record<BooleanSetting, boolean>,
    protectHome: "no",
    protectSystem: "no",
    capabilityBoundingSet: ALL_CAPABILITIES,
    ambientCapabilities: 0n,
    umask: 0o022,
    keyringMode: "private",
    protectProc: "default",
    procSubset: "all",
    notifyAccess: "none",
    restrictNamespaces: NAMESPACES_INITIAL,
    addressFamilies: { inet: false, unix: false, netlink: false, packet: false, other: false },
    systemCallArchitectures: [],
    systemCallFilter: { allowList: false, syscalls: new Set() },
    ipAddressDenyAll: false,
    ipAddressAllowLocalhost: false,
    ipAddressAllowOther: false,
    ipCustomFilters: false,
    devicePolicy: "auto",
    deviceAllow: [],
  };
  let families: Families = { allowList: false, set: undefined };
  // What makes systemd open the notification socket to the main process by default.
  const needsNotify = { type: false, watchdog: false, fdStore: false };
  let notifyAccess: string | undefined;
  const filterLines: string[] = [];
  const deny = { v4: false, v6: false };
  for (const section of file.sections) {
    for (const { key, value } of section.entries) {
      if (section.name === "Unit") {
        const bool = parseBoolean(value);
        if (key === "DefaultDependencies" && bool.ok) info.defaultDependencies = bool.value;
        continue;
      }
      if (section.name !== "Service") continue;
      const bool = parseBoolean(value);
      if ((BOOLEAN_SETTINGS as readonly string[]).includes(key)) {
        if (bool.ok) info.booleans[key as BooleanSetting] = bool.value;
        else if (key === "Delegate") info.booleans.Delegate = true;
        continue;
      }
      switch (key) {
        case "User":
          info.user = value === "" ? undefined : value;
          break;
        case "DynamicUser":
          if (bool.ok) info.dynamicUser = bool.value;
          break;
        case "SupplementaryGroups":
          info.supplementaryGroups = value === "" ? [] : [...info.supplementaryGroups, ...value.split(/\s+/).filter(Boolean)];
          break;
        case "ProtectHome":
          if (bool.ok) info.protectHome = bool.value ? "yes" : "no";
          else if (["read-only", "tmpfs"].includes(value)) info.protectHome = value;
          break;
        case "ProtectSystem":
          if (bool.ok) info.protectSystem = bool.value ? "yes" : "no";
          else if (["full", "strict"].includes(value)) info.protectSystem = value;
          break;
        case "RootDirectory":
          info.rootDirectory = value;
          break;
        case "RootImage":
          info.rootImage = value;
          break;
        case "CapabilityBoundingSet":
          info.capabilityBoundingSet = capabilitySet(info.capabilityBoundingSet, value, ALL_CAPABILITIES);
          break;
        case "AmbientCapabilities":
          info.ambientCapabilities = capabilitySet(info.ambientCapabilities, value, 0n);
          break;
        case "UMask":
          if (/^[0-7]{1,4}$/.test(value)) info.umask = parseInt(value, 8);
          break;
        case "KeyringMode":
          if (["inherit", "private", "shared"].includes(value)) info.keyringMode = value;
          break;
        case "ProtectProc":
          if (["noaccess", "invisible", "ptraceable", "default"].includes(value)) info.protectProc = value;
          break;
        case "ProcSubset":
          if (["all", "pid"].includes(value)) info.procSubset = value;
          break;
        case "NotifyAccess":
          if (["none", "main", "exec", "all"].includes(value)) notifyAccess = value;
          break;
        case "Type":
          needsNotify.type = value === "notify";
          break;
        case "RestrictNamespaces":
          info.restrictNamespaces = namespaces(info.restrictNamespaces, value);
          break;
        case "RestrictAddressFamilies":
          families = addressFamilies(families, value);
          break;
        case "SystemCallArchitectures":
          info.systemCallArchitectures =
            value === "" ? [] : [...new Set([...info.systemCallArchitectures, ...value.split(/\s+/).filter(Boolean)])];
          break;
        case "SystemCallFilter":
          if (value === "") filterLines.length = 0;
          else filterLines.push(value);
          break;
        case "IPAddressDeny":
        case "IPAddressAllow": {
          const items = parseIpPrefixes(value).items;
          if (key === "IPAddressDeny") {
            if (value === "") deny.v4 = deny.v6 = false;
            for (const item of items) {
              if (item.word === "any" || item.prefixLength === 0) {
                if (item.word === "any" || item.family === "ipv4") deny.v4 = true;
                if (item.word === "any" || item.family === "ipv6") deny.v6 = true;
              }
            }
          } else {
            if (value === "") info.ipAddressAllowLocalhost = info.ipAddressAllowOther = false;
            for (const item of items) {
              if (item.word === "localhost" || (item.word === undefined && isLocalhost(item.text))) info.ipAddressAllowLocalhost = true;
              else info.ipAddressAllowOther = true;
            }
          }
          break;
        }
        case "IPIngressFilterPath":
        case "IPEgressFilterPath":
          if (value !== "") info.ipCustomFilters = true;
          break;
        case "DevicePolicy":
          if (["auto", "closed", "strict"].includes(value)) info.devicePolicy = value;
          break;
        case "DeviceAllow":
          info.deviceAllow = value === "" ? [] : [...info.deviceAllow, value];
          break;
        case "WatchdogSec":
          needsNotify.watchdog = !/^0*(s|sec|ms|us)?$/.test(value.trim());
          break;
        case "FileDescriptorStoreMax":
          needsNotify.fdStore = /^\d+$/.test(value) && Number(value) > 0;
          break;
      }
    }
  }
  info.notifyAccess = notifyAccess ?? (Object.values(needsNotify).some(Boolean) ? "main" : "none");
  info.ipAddressDenyAll = deny.v4 && deny.v6;
  info.systemCallFilter = syscallFilterOf(filterLines);
  for (const key of Object.keys(info.addressFamilies) as (keyof SecurityInfo["addressFamilies"])[])
    info.addressFamilies[key] = families.allowList;
  for (const name of families.set ?? []) info.addressFamilies[AF_CLASS[name] ?? "other"] = !families.allowList;
  applyImplications(info);
  return info;
}

/** What systemd adds on loading: sandboxing that some settings imply. */
function applyImplications(info: SecurityInfo): void {
  const b = info.booleans;
  const drop = (...caps: number[]) => {
    for (const cap of caps) info.capabilityBoundingSet &= ~(1n << BigInt(cap));
  };
  if (b.PrivateDevices) drop(27, 17); // CAP_MKNOD, CAP_SYS_RAWIO
  if (b.ProtectKernelModules) drop(16); // CAP_SYS_MODULE
  if (b.ProtectKernelLogs) drop(34); // CAP_SYSLOG
  if (b.ProtectClock) drop(25, 35); // CAP_SYS_TIME, CAP_WAKE_ALARM
  if (info.dynamicUser) {
    b.PrivateTmp = b.RemoveIPC = b.NoNewPrivileges = b.RestrictSUIDSGID = true;
    info.protectSystem = "strict";
    if (info.protectHome === "no") info.protectHome = "read-only";
  }
  if (b.PrivateDevices && info.devicePolicy === "auto") info.devicePolicy = "closed";
  if ((info.devicePolicy !== "auto" || info.deviceAllow.length > 0) && b.ProtectClock) info.deviceAllow.push("char-rtc r");
  if ((info.devicePolicy !== "auto" || info.deviceAllow.length > 0) && info.rootImage) info.deviceAllow.push("/dev/loop-control rw");
}
