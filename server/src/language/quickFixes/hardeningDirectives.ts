/** A directive line that makes a `systemd-analyze security` check pass. */
export interface HardeningDirective {
  key: string;
  value: string;
  /** Lines of this key add up (CapabilityBoundingSet=~, SystemCallFilter=~): add one instead of replacing the last. */
  accumulates: boolean;
}

const set = (key: string, value: string): HardeningDirective => ({ key, value, accumulates: false });
const add = (key: string, value: string): HardeningDirective => ({ key, value, accumulates: true });

const DIRECT: Record<string, HardeningDirective> = {
  "NoNewPrivileges=": set("NoNewPrivileges", "yes"),
  "PrivateTmp=": set("PrivateTmp", "yes"),
  "PrivateDevices=": set("PrivateDevices", "yes"),
  "PrivateMounts=": set("PrivateMounts", "yes"),
  "PrivateNetwork=": set("PrivateNetwork", "yes"),
  "PrivateUsers=": set("PrivateUsers", "yes"),
  "ProtectClock=": set("ProtectClock", "yes"),
  "ProtectControlGroups=": set("ProtectControlGroups", "yes"),
  "ProtectHome=": set("ProtectHome", "yes"),
  "ProtectHostname=": set("ProtectHostname", "yes"),
  "ProtectKernelLogs=": set("ProtectKernelLogs", "yes"),
  "ProtectKernelModules=": set("ProtectKernelModules", "yes"),
  "ProtectKernelTunables=": set("ProtectKernelTunables", "yes"),
  "ProtectProc=": set("ProtectProc", "invisible"),
  "ProcSubset=": set("ProcSubset", "pid"),
  "ProtectSystem=": set("ProtectSystem", "strict"),
  "LockPersonality=": set("LockPersonality", "yes"),
  "MemoryDenyWriteExecute=": set("MemoryDenyWriteExecute", "yes"),
  "RestrictRealtime=": set("RestrictRealtime", "yes"),
  "RestrictSUIDSGID=": set("RestrictSUIDSGID", "yes"),
  "RemoveIPC=": set("RemoveIPC", "yes"),
  "KeyringMode=": set("KeyringMode", "private"),
  "SystemCallArchitectures=": set("SystemCallArchitectures", "native"),
  "User=/DynamicUser=": set("DynamicUser", "yes"),
  "DeviceAllow=": set("DevicePolicy", "closed"),
  "IPAddressDeny=": set("IPAddressDeny", "any"),
};

// The checks that name several capabilities at once, spelled out.
const CAPABILITY_GROUPS: Record<string, string> = {
  "CAP_(DAC_*|FOWNER|IPC_OWNER)": "CAP_DAC_OVERRIDE CAP_DAC_READ_SEARCH CAP_FOWNER CAP_IPC_OWNER",
  "CAP_(CHOWN|FSETID|SETFCAP)": "CAP_CHOWN CAP_FSETID CAP_SETFCAP",
  "CAP_SET(UID|GID|PCAP)": "CAP_SETUID CAP_SETGID CAP_SETPCAP",
  "CAP_MAC_*": "CAP_MAC_ADMIN CAP_MAC_OVERRIDE",
  "CAP_AUDIT_*": "CAP_AUDIT_CONTROL CAP_AUDIT_READ CAP_AUDIT_WRITE",
  "CAP_SYS_(NICE|RESOURCE)": "CAP_SYS_NICE CAP_SYS_RESOURCE",
  "CAP_NET_(BIND_SERVICE|BROADCAST|RAW)": "CAP_NET_BIND_SERVICE CAP_NET_BROADCAST CAP_NET_RAW",
};

/**
 * The directive that fixes a failed check, by the check's id; undefined where no single line is a
 * safe suggestion (RootDirectory=/RootImage=, say). Every fix narrows what the service may do, so
 * it can break a service that needs that: the user picks them one by one.
 */
export function hardeningDirective(id: string): HardeningDirective | undefined {
  const direct = DIRECT[id];
  if (direct) return direct;
  const capability = /^CapabilityBoundingSet=~(.+)$/.exec(id)?.[1];
  if (capability) {
    const names = CAPABILITY_GROUPS[capability] ?? (/^CAP_[A-Z_]+$/.test(capability) ? capability : undefined);
    return names ? add("CapabilityBoundingSet", `~${names}`) : undefined;
  }
  const group = /^SystemCallFilter=~(@[a-z-]+)$/.exec(id)?.[1];
  if (group) return add("SystemCallFilter", `~${group}`);
  // One line answers every namespace check, and one allow-list every socket family check but Internet and local sockets.
  if (id.startsWith("RestrictNamespaces=~")) return set("RestrictNamespaces", "yes");
  if (["RestrictAddressFamilies=~AF_PACKET", "RestrictAddressFamilies=~AF_NETLINK", "RestrictAddressFamilies=~…"].includes(id)) {
    return set("RestrictAddressFamilies", "AF_UNIX AF_INET AF_INET6");
  }
  return undefined;
}
