import { valueNames } from "./errnoNames";
import { isIPv4, isIPv6 } from "./ipPrefix";
import { readCInteger } from "./numbers";
import { problemAt, quoted, type ValueProblem } from "./problem";

const EXPECTED =
  'Expected a port ("8080"), an address with a port ("127.0.0.1:8080", "[::1]:8080"), an absolute socket path, "@abstract" or "vsock:CID:PORT"';

/** Top-level directories a relative socket path most likely dropped the "/" of. */
const ROOT_DIRECTORIES = /^(run|var|tmp|dev)\//;

const VSOCK_PREFIXES = ["vsock:", "vsock-stream:", "vsock-dgram:", "vsock-seqpacket:"];
const VSOCK_CIDS = new Set(["", "hypervisor", "local", "host", "any", "-1"]);

/** A number as safe_atou() reads it (no sign), or undefined. */
function unsigned(text: string): bigint | undefined {
  const n = /^[0-9]/.test(text) ? readCInteger(text) : undefined;
  return n && !n.negative ? n.value : undefined;
}

/** parse_ip_port(): 1..65535. */
function portProblem(port: string): string | undefined {
  const n = unsigned(port);
  if (n === undefined) return `${quoted(port)} is not a port number`;
  if (n === 0n || n > 65535n) return "ports go from 1 to 65535";
  return undefined;
}

function vsockProblem(rest: string): string | undefined {
  const colon = rest.indexOf(":");
  if (colon < 0) return 'a vsock address is "vsock:CID:PORT" (the CID may be left empty)';
  const [cid, port] = [rest.slice(0, colon), rest.slice(colon + 1)];
  if (!VSOCK_CIDS.has(cid) && unsigned(cid) === undefined) return `${quoted(cid)} is not a vsock CID`;
  const p = unsigned(port);
  return p === undefined || p >= 0xffffffffn ? `${quoted(port)} is not a vsock port` : undefined;
}

/** Neither an address nor an absolute path: a host name, or a path without its leading "/". */
function notAnAddress(written: string): string {
  if (written.includes("/")) return "a socket path must be absolute";
  return `${quoted(written)} is not an address: host names are not looked up, and a path must start with "/"`;
}

/** An IP address with a port, as in_addr_port_ifindex_name_from_string_auto() reads it; text after "%" names an interface. */
function ipProblem(value: string, written: string): string | undefined {
  if (value.includes("#")) return 'a server name after "#" is not taken here';
  const percent = value.indexOf("%");
  const address = percent >= 0 ? value.slice(0, percent) : value;
  const colon = address.lastIndexOf(":");
  if (address.startsWith("[")) {
    if (colon < 0 || address[colon - 1] !== "]") return "an IPv6 address in brackets needs a port after them, as in [::1]:8080";
    if (!isIPv6(address.slice(1, colon - 1))) return `${quoted(address.slice(1, colon - 1))} is not an IPv6 address`;
    return portProblem(address.slice(colon + 1));
  }
  if (isIPv6(address) || isIPv4(address)) return "an address needs a port, as in 127.0.0.1:8080 or [::1]:8080";
  const host = colon < 0 ? address : address.slice(0, colon);
  if (isIPv4(host)) return portProblem(address.slice(colon + 1));
  return /^[\d.]+$/.test(host) ? `${quoted(host)} is not an IPv4 address` : notAnAddress(written);
}

/** What the author most likely meant, as replacement texts for the whole value. */
function meant(written: string): string[] {
  const host = /^localhost:(\d+)$/.exec(written);
  if (host) return [`127.0.0.1:${host[1]}`, `[::1]:${host[1]}`];
  const any = /^(\*|0\.0\.0\.0|\[::\])?:(\d+)$/.exec(written);
  if (any && written.startsWith("*")) return [any[2]!];
  if (/^[\w.%-]+(\/[\w.%-]+)*$/.test(written) && /[/.]/.test(written) && !/^[\d.]+$/.test(written)) {
    return [ROOT_DIRECTORIES.test(written) ? `/${written}` : `%t/${written}`];
  }
  return [];
}

/**
 * ListenStream=, ListenDatagram=, ListenSequentialPacket=: socket_address_parse(). `value` has its
 * specifiers stood in for; `written` is the value as the author wrote it.
 */
export function checkSocketAddress(value: string, written: string): ValueProblem[] {
  // A port or an address from a specifier ("ListenStream=%i" in a template) is known only per instance.
  if (value !== written && !value.startsWith("/") && !value.startsWith("@")) return [];
  let reason: string | undefined;
  if (value.startsWith("/") || value.startsWith("@")) reason = value === "@" ? "an abstract socket needs a name after @" : undefined;
  else if (VSOCK_PREFIXES.some((p) => value.startsWith(p))) reason = vsockProblem(value.slice(value.indexOf(":") + 1));
  else if (/^\d+$/.test(value)) reason = portProblem(value);
  else reason = ipProblem(value, written);
  if (reason === undefined) return [];
  const suggestions = meant(written);
  const hint = suggestions.length ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(" or ")}?` : "";
  return [
    {
      ...problemAt(0, value.length, `${EXPECTED}; ${reason}, so systemd ignores this line.${hint}`),
      ...(suggestions.length && { suggestions }),
    },
  ];
}

/** ListenNetlink=: a netlink family (a name, or a number) and an optional group number. */
export function checkNetlinkAddress(value: string): ValueProblem[] {
  const [family = "", group, ...rest] = value.trim().split(/[ \t]+/);
  if (!valueNames.netlinkFamilies.includes(family) && unsigned(family) === undefined) {
    return [
      problemAt(
        0,
        family.length,
        `Expected a netlink family such as "route", "kobject-uevent" or "audit"; systemd ignores ${quoted(family)}.`,
      ),
    ];
  }
  if (rest.length > 0 || (group !== undefined && unsigned(group) === undefined)) {
    return [problemAt(family.length, value.length, `Expected a group number after the family; systemd ignores ${quoted(value)}.`)];
  }
  return [];
}
