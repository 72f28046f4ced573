/** What a file is, judged from its path alone. */
import { memoized } from "./memoized";
import { CONFIG_TABLES, type ConfigTable } from "./schema/generated/configTypes";

export const UNIT_TYPES = [
  "service",
  "socket",
  "device",
  "mount",
  "automount",
  "swap",
  "target",
  "path",
  "timer",
  "slice",
  "scope",
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export const NETWORKD_TYPES = ["network", "netdev", "link"] as const;
export type NetworkdType = (typeof NETWORKD_TYPES)[number];

export const QUADLET_TYPES = ["container", "volume", "network", "pod", "kube", "image", "build", "artifact"] as const;
export type QuadletType = (typeof QUADLET_TYPES)[number];

/** systemd's own configuration and definition files; system.conf and user.conf share the manager's table. */
export type ConfigType = "system" | "user" | Exclude<ConfigTable, "manager">;
export const CONFIG_TYPES: readonly ConfigType[] = ["system", "user", ...CONFIG_TABLES.filter((t) => t !== "manager")];

export type Scope = "system" | "user";

export type FileKind =
  | { family: "unit"; type: UnitType }
  | { family: "networkd"; type: NetworkdType }
  | { family: "quadlet"; type: QuadletType }
  | { family: "config"; type: ConfigType };

/** Suffixes of sources a build fills in (`foo.service.in`, `journald.conf.j2`): read as the file underneath. */
export const TEMPLATE_SUFFIXES = [".in", ".j2", ".jinja", ".jinja2", ".erb", ".tmpl"] as const;

export interface DropIn {
  /** What the drop-in extends: a unit name, a template, a name prefix ending in `-`, or a whole type. */
  target: "unit" | "template" | "prefix" | "type";
  /** The directory's name without `.d`: `foo.service`, `foo@.service`, `foo-.service` or `service`. */
  parent: string;
}

export interface UnitKind {
  /** Undefined when the path names nothing systemd or Podman reads. */
  file?: FileKind;
  /** The unit (or networkd/Quadlet) name the path stands for; for a drop-in, its own file name. */
  name: string;
  /** `foo@.service`. */
  template: boolean;
  /** The text between `@` and the suffix of `foo@bar.service`. */
  instance?: string;
  dropIn?: DropIn;
  /** A temporary file that `systemctl edit` opened; `name` is the file it stands for. */
  systemctlEditTemp: boolean;
  /** Where the path says so (the file is in that manager's unit directory), or where the workspace says so. */
  scope?: Scope;
  /** The scope comes from the workspace's settings: the file is written for that manager, not installed for it. */
  scopeFromSettings?: true;
  /** A build template of the file (`.in`, `.j2`, ...): its placeholders are values filled in later. */
  templateSource?: (typeof TEMPLATE_SUFFIXES)[number];
}

// `systemctl edit` writes `.#<name>` followed by 16 random hexadecimal digits.
const EDIT_TEMP = /^\.#(.+?)[0-9a-f]{16}$/;
const QUADLET_DIR_ONLY = new Set(["image", "build", "artifact"]);
const QUADLET_DIR = /(^|\/)(containers\/systemd|quadlet)(\/|$)/;
const USER_DIR = /(^|\/)(systemd\/user|containers\/systemd\/users)(\/|$)|(^|\/)\.config\/containers\/systemd(\/|$)/;
const SYSTEM_DIR = /(^|\/)systemd\/(system|network)(\/|$)|^\/etc\/containers\/systemd(\/|$)/;

function suffixOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot + 1);
}

function includes<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

function fileKindOf(suffix: string, directory: string): FileKind | undefined {
  const inQuadletDir = QUADLET_DIR.test(directory);
  if (suffix === "network") return inQuadletDir ? { family: "quadlet", type: "network" } : { family: "networkd", type: "network" };
  // Common words as suffixes (meson.build, disk.image): Quadlet's only in a Quadlet directory.
  if (QUADLET_DIR_ONLY.has(suffix) && !inQuadletDir) return undefined;
  if (includes(UNIT_TYPES, suffix)) return { family: "unit", type: suffix };
  if (includes(NETWORKD_TYPES, suffix)) return { family: "networkd", type: suffix };
  if (includes(QUADLET_TYPES, suffix)) return { family: "quadlet", type: suffix };
  return undefined;
}

/** Daemons whose `<name>.conf` is theirs wherever it is; system.conf, user.conf and sleep.conf only under systemd/. */
const DAEMON_CONFIGS = new Set<ConfigType>(
  CONFIG_TYPES.filter((t) => !["nspawn", "dnssd", "repart", "sysupdate-transfer", "sysupdate-feature"].includes(t)),
);
const GENERIC_CONFIG_NAMES = new Set<ConfigType>(["system", "user", "sleep"]);
// journald's namespaces read journald@NAMESPACE.conf.
const CONFIG_NAME = /^([a-z-]+?)(?:@[^/]+)?\.conf$/;
// repart.d, and the definition sets passed with --definitions= (portable.repart.d).
const REPART_DIR = /^(.+\.)?repart\.d$/;
const SYSUPDATE_DIR = /^sysupdate(\..+)?\.d$/;

/**
 * The daemon a `<name>.conf` file name (or a `<name>.conf.d` directory name without `.d`) belongs
 * to. `underSystemd`: the file lies in a systemd/ directory, which the generic names need.
 */
function daemonConfigOf(name: string, underSystemd: boolean): ConfigType | undefined {
  const daemon = CONFIG_NAME.exec(name)?.[1];
  if (!daemon || !includes(CONFIG_TYPES, daemon) || !DAEMON_CONFIGS.has(daemon)) return undefined;
  if (GENERIC_CONFIG_NAMES.has(daemon) && (!underSystemd || name.includes("@"))) return undefined;
  return daemon;
}

/** A configuration or definition file of systemd's own, judged from its name and directory. */
function configKindOf(base: string, parts: string[]): { type: ConfigType; dropIn?: DropIn } | undefined {
  const parentDirectory = parts[parts.length - 1] ?? "";
  const suffix = suffixOf(base);
  if (suffix === "nspawn") return { type: "nspawn" };
  if (suffix === "dnssd") return { type: "dnssd" };
  if (suffix === "conf" && REPART_DIR.test(parentDirectory)) return { type: "repart" };
  if (SYSUPDATE_DIR.test(parentDirectory) && (suffix === "transfer" || suffix === "feature")) {
    return { type: suffix === "transfer" ? "sysupdate-transfer" : "sysupdate-feature" };
  }
  if (suffix !== "conf") return undefined;
  if (parentDirectory.endsWith(".conf.d")) {
    const parent = parentDirectory.slice(0, -2);
    const type = daemonConfigOf(parent, true);
    return type ? { type, dropIn: { target: "unit", parent } } : undefined;
  }
  // In any other .d directory the file is a drop-in of what that directory names, whatever its name.
  if (parentDirectory.endsWith(".d")) return undefined;
  const type = daemonConfigOf(base, parentDirectory === "systemd");
  return type ? { type } : undefined;
}

function dropInOf(directoryName: string): DropIn | undefined {
  if (!directoryName.endsWith(".d")) return undefined;
  const parent = directoryName.slice(0, -2);
  if (!parent.includes(".")) return { target: "type", parent };
  const stem = parent.slice(0, parent.lastIndexOf("."));
  if (stem.endsWith("@")) return { target: "template", parent };
  if (stem.endsWith("-") && stem !== "-") return { target: "prefix", parent };
  return { target: "unit", parent };
}

function scopeOf(directory: string): Scope | undefined {
  if (USER_DIR.test(directory)) return "user";
  if (SYSTEM_DIR.test(directory)) return "system";
  return undefined;
}

/** Paths classified so far: every request asks again for its document's path. */
const kinds = memoized(
  5_000,
  (path: string) => path,
  (path: string): Readonly<UnitKind> => Object.freeze(classify(path)),
);

/** Classifies a file by its path (no file system access); the answer is shared, not to be changed. */
export function unitKind(path: string): Readonly<UnitKind> {
  return kinds(path);
}

function classify(path: string): UnitKind {
  // Backslashes are separators only in Windows paths; in unit names they escape (`\x2d`).
  const windows = /^([A-Za-z]:)?\\/.test(path);
  const parts = (windows ? path.replace(/\\/g, "/") : path).split("/");
  let base = parts.pop() ?? "";
  const directory = parts.join("/");
  const parentDirectory = parts[parts.length - 1] ?? "";

  const temp = EDIT_TEMP.exec(base);
  if (temp) base = temp[1]!;
  const systemctlEditTemp = temp !== null;
  const templateSource = TEMPLATE_SUFFIXES.find((suffix) => base.endsWith(suffix) && base.length > suffix.length);
  if (templateSource) base = base.slice(0, -templateSource.length);
  const source = templateSource ? { templateSource } : {};
  const scope = scopeOf(directory);

  const config = configKindOf(base, parts);
  if (config) {
    const { type, dropIn } = config;
    return { file: { family: "config", type }, name: base, template: false, ...(dropIn && { dropIn }), systemctlEditTemp, ...source };
  }

  const dropIn = base.endsWith(".conf") ? dropInOf(parentDirectory) : undefined;
  if (dropIn) {
    const parentSuffix = dropIn.target === "type" ? dropIn.parent : suffixOf(dropIn.parent);
    const file = fileKindOf(parentSuffix, parts.slice(0, -1).join("/"));
    if (file) {
      return { file, name: base, template: dropIn.target === "template", dropIn, systemctlEditTemp, ...(scope && { scope }), ...source };
    }
  }

  const file = fileKindOf(suffixOf(base), directory);
  const at = base.indexOf("@");
  const dot = base.lastIndexOf(".");
  const templated = file !== undefined && file.family !== "networkd";
  const template = templated && at >= 0 && at === dot - 1;
  const instance = templated && at >= 0 && at < dot - 1 ? base.slice(at + 1, dot) : undefined;
  return {
    ...(file && { file }),
    name: base,
    template,
    ...(instance !== undefined && { instance }),
    systemctlEditTemp,
    ...(scope && { scope }),
    ...source,
  };
}
