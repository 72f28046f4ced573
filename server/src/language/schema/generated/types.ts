// The shape of directives.json (written by scripts/generate-schema from systemd's and Podman's
// sources) and of the hand-written ../overlay.json beside it. Pure types, nothing at run time.

export interface SourceRef {
  /** Release tag the data was read from, e.g. "v262". */
  tag: string;
  /** Full commit id of that tag. */
  commit: string;
}

export interface GeneratedSchema {
  generator: "scripts/generate-schema";
  generatedFrom: { systemd: SourceRef; podman: SourceRef };
  /** Which sections each kind of file may hold. */
  fileTypes: FileTypes;
  /** Sorted by family, section, name; one entry per (family, section, name). */
  directives: Directive[];
  specifiers: Specifier[];
  quadlet: QuadletData;
}

/** Configuration families whose directives come from systemd's gperf tables. */
export type DirectiveFamily = "unit" | "network" | "netdev" | "link";

export interface FileTypes {
  /** Unit type ("service", "target", ...) to its sections, e.g. ["Unit", "Service", "Install"]. */
  unit: Record<string, string[]>;
  network: string[];
  netdev: string[];
  link: string[];
}

/**
 * Absent: an ordinary, working directive.
 * "deprecated": still honoured under this name, but a legacy spelling or place.
 * "removed": still recognised so the file loads, but the setting is ignored with a warning.
 * "unsupported": recognised, but systemd was built without the feature it needs.
 */
export type DirectiveStatus = "deprecated" | "removed" | "unsupported";

export interface DocLink {
  /** Man page without section number, e.g. "systemd.service" (section 5). */
  page: string;
  /** HTML anchor on the freedesktop.org rendering, without "#", e.g. "ExecStart=". */
  anchor: string;
}

export interface DirectiveBase {
  family: DirectiveFamily;
  section: string;
  name: string;
  /** systemd's parser function for the value ("config_parse_exec"); the kind is derived from it. */
  parser: string;
  /** Repeating the directive adds to a list and an empty assignment clears it; absent: last one wins. */
  list?: true;
  /** The parser runs the value through unit_*_printf() first, so %-specifiers expand in it. */
  specifiers?: true;
  status?: DirectiveStatus;
  doc?: DocLink;
  /**
   * The systemd version the man page marks the entry with. Absent when the entry has no marker:
   * a setting older than the markers (the oldest in v262's pages is v187), or one without a man
   * page entry. Never read an absent value as "new".
   */
  since?: number;
}

/** Time span suffix assumed when a number has none. */
export type TimeUnit = "s" | "ms" | "us" | "ns";

/**
 * What a value looks like. The vocabulary:
 * - boolean: 1/yes/y/true/t/on and 0/no/n/false/f/off; tristate: the same, or empty for "unset".
 * - timespan: "5min 20s"; `unit` is the unit of a bare number (default "s"), `infinity` allows "infinity".
 * - bytes: "512M" (base 1024); `infinity` allows "infinity", `percent` allows "40%" of physical memory.
 * - percent ("20%"), permille ("20‰" or "2%" with one decimal); `unbounded` allows more than 100%.
 * - integer: optional inclusive bounds; `percent` also allows "N%"; `keywords` lists words allowed
 *   instead of a number (e.g. "infinity", "idle").
 * - enum: one of `values`; `acceptsBoolean` when yes/no etc. also work; `prefixes` for forms
 *   that take an argument after them, e.g. "file:" in StandardOutput=file:/path; `multiple` when
 *   one assignment takes several space-separated words; `numbers` is the largest number also
 *   taken in place of a name.
 * - unit / unitList: unit names; `unitTypes` restricts the suffix (e.g. ["socket"]).
 * - exec: command line with its "-@:+!" prefixes.
 * - path: absolute path; `optional` allows a leading "-" (ignored when missing), `home` allows "~".
 * - pathList: space-separated paths; `markers` are characters each path may start with, each once.
 * - environment: VAR=value pairs; environmentFile: path with optional "-" prefix.
 * - user / group: name or numeric id; `multiple`: a space-separated list of groups.
 * - capabilities: CAP_* names with optional "~".
 * - syscallFilter: names and @groups with optional "~"; `errno` when a "~" list takes "name:errno".
 * - syscallArchitectures: "native", "x86-64", ...; errno: an errno name or number, or "kill".
 * - addressFamilies: AF_* names with optional "~", or "none".
 * - execDirectory: names relative to `base` (StateDirectory=foo is /var/lib/foo); `target` when
 *   "name:link" may add a second name that becomes a symbolic link to the first.
 * - socketAddress: a port, IPv4:port, [IPv6]:port, a socket path, @abstract or vsock:cid:port;
 *   netlinkAddress: a netlink family and an optional group number.
 * - signal: SIGTERM or number; mode: octal access mode; cpuSet: "0-3 5", `keywords` words allowed
 *   instead; ipPrefixList: addresses,
 *   prefixes and "any"/"localhost"/... words.
 * - calendar: OnCalendar= event expression; specifierString: free text where %-specifiers expand.
 * - string, stringList: free text; documentation: URIs (http, https, file, info, man).
 * - rlimit: "soft[:hard]" with units, "infinity"; deviceAllow: device node or class with "rwm".
 * - ioDeviceWeight / ioDeviceLimit / ioDeviceLatency: "/dev/path value".
 * - condition: a Condition/Assert check; `argument` says what follows the optional "|" and "!".
 * - exitStatusList: numbers, exit-status names and signal names.
 * - macAddress, ipAddress, interfaceName, port, hostname: networking values.
 */
export type ValueSpec =
  | { kind: "boolean" }
  | { kind: "tristate" }
  | { kind: "timespan"; unit?: TimeUnit; infinity?: true }
  | { kind: "bytes"; infinity?: true; percent?: true; acceptsBoolean?: true }
  | { kind: "percent"; unbounded?: true }
  | { kind: "permille" }
  | { kind: "integer"; min?: number; max?: number; percent?: true; keywords?: string[] }
  | { kind: "enum"; values: string[]; acceptsBoolean?: true; prefixes?: string[]; multiple?: true; numbers?: number }
  | { kind: "unit"; unitTypes?: string[] }
  | { kind: "unitList"; unitTypes?: string[] }
  | { kind: "condition"; argument: "path" | "string" }
  | { kind: "path"; optional?: true; home?: true }
  | { kind: "pathList"; markers?: string }
  | { kind: "group"; multiple?: true }
  | { kind: "syscallFilter"; errno?: true }
  | { kind: "cpuSet"; keywords?: string[] }
  | { kind: "execDirectory"; base: string; target?: true }
  | {
      kind:
        | "exec"
        | "environment"
        | "environmentFile"
        | "user"
        | "capabilities"
        | "syscallArchitectures"
        | "signal"
        | "mode"
        | "ipPrefixList"
        | "calendar"
        | "specifierString"
        | "string"
        | "stringList"
        | "documentation"
        | "rlimit"
        | "deviceAllow"
        | "ioDeviceWeight"
        | "ioDeviceLimit"
        | "ioDeviceLatency"
        | "exitStatusList"
        | "addressFamilies"
        | "errno"
        | "socketAddress"
        | "netlinkAddress"
        | "macAddress"
        | "ipAddress"
        | "interfaceName"
        | "port"
        | "hostname";
    };

export type ValueKind = ValueSpec["kind"];

export type Directive = DirectiveBase & ValueSpec;

export interface Specifier {
  /** The letter after "%", or "%" for the literal percent sign. */
  letter: string;
  /** Resolved in [Install] sections (by systemctl enable) as well as in the rest of a unit. */
  install?: true;
  /** Still resolved, but systemd documents it as deprecated. */
  deprecated?: true;
  /** Version from a man page marker; absent when the page has none (true of every one in v262). */
  since?: number;
}

export interface QuadletData {
  fileTypes: QuadletFileType[];
  /** Keys of the [Quadlet] section, valid in every Quadlet file type. */
  quadletSectionKeys: string[];
}

export interface QuadletFileType {
  /** File name extension without the dot: "container", "volume", ... */
  extension: string;
  /** The Quadlet section, e.g. "Container". */
  section: string;
  keys: string[];
  /** Other sections the file may hold: Quadlet's own [Quadlet] and the systemd ones passed through. */
  otherSections: string[];
}

/** Which C library and kernel UAPI headers a table was read from, e.g. { glibc: "2.36", linux: "6.1" }. */
export interface HeaderRef {
  glibc: string;
  linux: string;
}

/**
 * valueNames.json: the name tables systemd's value parsers look words up in. systemd builds the
 * address family and errno tables from the C library headers, so those carry the headers' versions.
 */
export interface ValueNames {
  generator: "scripts/generate-schema";
  generatedFrom: { systemd: SourceRef; headers: HeaderRef };
  /** CAP_* names; the index is the capability's number. */
  capabilities: string[];
  /** AF_* names systemd's af_from_name() knows (in any case), aliases such as AF_LOCAL included. */
  addressFamilies: string[];
  /** Errno names parse_errno() knows (in any case), to their numbers. */
  errnoNumbers: Record<string, number>;
  /** Exit status names exit_status_from_string() knows (exact case, without "EXIT_"). */
  exitStatusNames: string[];
  /** Netlink family names ListenNetlink= takes (a number works too). */
  netlinkFamilies: string[];
}

/** ../overlay.json: hand-kept facts about old names that the generated tables cannot carry. */
export interface SchemaOverlay {
  changes: DirectiveChange[];
}

export interface DirectiveChange {
  family: DirectiveFamily;
  /** Every section the old name is accepted in. */
  sections: string[];
  name: string;
  /**
   * "deprecated": still works; the replacement is preferred.
   * "removed": still parsed so files load, but without effect (systemd logs a warning).
   */
  change: Exclude<DirectiveStatus, "unsupported">;
  /** systemd version whose NEWS or man page history records the change, when it says. */
  since?: number;
  /** The directive to use instead; `section` only when it lives in another section. */
  replacement?: { name: string; section?: string };
  /** One line in the project's own words. */
  note: string;
}

/**
 * valueVersions.json: when systemd began (or stopped) accepting an enum value, from the enum tables
 * of each release tag in turn. Only values whose story is known are listed: one accepted since the
 * first tag read (`first`) or since the directive itself appeared has no entry.
 */
export interface ValueVersions {
  generator: "scripts/generate-schema";
  generatedFrom: { systemd: { first: string; tags: number; newest: SourceRef } };
  values: ValueVersion[];
}

export interface ValueVersion {
  family: DirectiveFamily;
  section: string;
  name: string;
  /** The word as the enum lists it, or a prefix such as "file:". */
  value: string;
  /** The first release that accepts it. */
  since?: number;
  /** The first release that no longer does. */
  removed?: number;
}
