import type { ValueSpec } from "./generated/types";

const plain: Partial<Record<ValueSpec["kind"], string>> = {
  tristate: "a boolean (yes/no), or empty to leave it unset",
  percent: 'a percentage such as "20%"',
  permille: 'a share such as "20%" or "200‰"',
  exec: "a command line: an absolute path or a name on PATH, then arguments; may start with the prefixes @ - : + ! !!",
  path: "an absolute path",
  pathList: "absolute paths separated by spaces",
  environment: 'variable assignments such as "KEY=value OTHER=\\"with spaces\\""',
  environmentFile: "the path of a file of KEY=value lines; a leading - makes a missing file fine",
  user: "a user name or numeric UID",
  group: "a group name or numeric GID",
  capabilities: "capability names such as CAP_NET_BIND_SERVICE, separated by spaces; a leading ~ inverts the list",
  syscallFilter: "system call names and @groups such as @system-service; a leading ~ makes it a deny list",
  syscallArchitectures: 'architecture names such as "native" or "x86-64"',
  signal: 'a signal name such as "SIGTERM" or its number',
  mode: 'an octal access mode such as "0755"',
  cpuSet: 'CPU indexes and ranges such as "0-3 6"',
  ipPrefixList: 'addresses or prefixes such as "10.0.0.0/8", or any, localhost, link-local, multicast',
  calendar: 'a calendar event such as "daily", "Mon..Fri 09:00" or "*-*-01 04:00:00"',
  specifierString: "text in which %-specifiers are expanded",
  string: "text",
  stringList: "words separated by spaces",
  documentation: "URIs separated by spaces: https:, http:, file:, info: or man:",
  rlimit: 'a resource limit "soft[:hard]", or infinity',
  deviceAllow: 'a device node or class followed by access letters, such as "/dev/sda rw"',
  ioDeviceWeight: 'a device path and a weight, such as "/dev/sda 200"',
  ioDeviceLimit: 'a device path and a limit, such as "/dev/sda 10M"',
  ioDeviceLatency: 'a device path and a time, such as "/dev/sda 25ms"',
  exitStatusList: "exit codes and signal names separated by spaces",
  addressFamilies: 'address families such as "AF_UNIX AF_INET AF_INET6"; a leading ~ makes it a deny list; or none',
  errno: 'an error name such as "EPERM", a number from 1 to 4095, or kill',
  socketAddress: 'a port, an address and port such as "127.0.0.1:80" or "[::1]:80", a socket path, @abstract or vsock:CID:PORT',
  netlinkAddress: 'a netlink family such as "kobject-uevent", then an optional group number',
  macAddress: 'a MAC address such as "00:11:22:33:44:55"',
  ipAddress: "an IPv4 or IPv6 address",
  interfaceName: "a network interface name",
  port: "a port number",
  hostname: "a host name",
};

/** The value a directive takes, in a few words for completion details and hovers. */
export function describeValue(spec: ValueSpec): string {
  switch (spec.kind) {
    case "boolean":
      return "a boolean: yes/no, true/false, on/off or 1/0";
    case "timespan": {
      const unit = { s: "seconds", ms: "milliseconds", us: "microseconds", ns: "nanoseconds" }[spec.unit ?? "s"];
      return `a time span such as "5min 20s" (a bare number counts ${unit}${spec.infinity ? '; "infinity" for no limit' : ""})`;
    }
    case "bytes":
      return `a size in bytes with an optional K, M, G or T suffix (base 1024)${spec.percent ? ", or a percentage of memory" : ""}${spec.infinity ? ', or "infinity"' : ""}`;
    case "integer": {
      const bounds = spec.min !== undefined && spec.max !== undefined ? ` from ${spec.min} to ${spec.max}` : "";
      const words = spec.keywords?.length ? `, or ${spec.keywords.join(", ")}` : "";
      return `an integer${bounds}${spec.percent ? " or a percentage" : ""}${words}`;
    }
    case "enum": {
      const values = spec.values.join(", ");
      return `${spec.multiple ? "any of" : "one of"} ${values}${spec.acceptsBoolean ? ", or a boolean" : ""}${spec.prefixes?.length ? `, or ${spec.prefixes.map((p) => `${p}…`).join(", ")}` : ""}`;
    }
    case "unit":
      return spec.unitTypes?.length ? `a unit name ending in ${spec.unitTypes.map((t) => `.${t}`).join(" or ")}` : "a unit name";
    case "unitList":
      return spec.unitTypes?.length
        ? `unit names ending in ${spec.unitTypes.map((t) => `.${t}`).join(" or ")}, separated by spaces`
        : "unit names separated by spaces";
    case "execDirectory":
      return `directory names under ${spec.base}, separated by spaces${spec.target ? '; "name:link" also makes link point at name' : ""}`;
    case "condition":
      return spec.argument === "path"
        ? "a path; | makes it a triggering condition and ! negates it"
        : "a value to test; | makes it a triggering condition and ! negates it";
    default:
      return plain[spec.kind] ?? "text";
  }
}
