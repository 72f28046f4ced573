import type { Scope, UnitKind } from "./unitKind";
import { parseUnitName } from "./values/unitName";

/** Facts about the machine the editor runs on, each where it could be read cheaply. */
export interface HostFacts {
  hostname?: string;
  /** PRETTY_HOSTNAME= of /etc/machine-info. */
  prettyHostname?: string;
  machineId?: string;
  bootId?: string;
  kernelRelease?: string;
  /** systemd's name for the architecture, e.g. "x86-64". */
  architecture?: string;
  /** Fields of /etc/os-release: ID, VERSION_ID, BUILD_ID, VARIANT_ID, IMAGE_ID, IMAGE_VERSION. */
  osRelease?: Readonly<Record<string, string>>;
  /** The user the editor runs as, whose user manager runs user units. */
  user?: { name: string; uid: number; gid: number; group?: string; home: string; shell?: string };
  /** That user's $XDG_RUNTIME_DIR, $XDG_STATE_HOME, $XDG_CACHE_HOME and $XDG_CONFIG_HOME, resolved. */
  userDirectories?: { runtime?: string; state: string; cache: string; config: string };
}

/** What specifiers expand to in one file. */
export interface SpecifierEnvironment {
  kind: UnitKind;
  /** The document's path on this machine, if it has one. */
  path?: string;
  host?: HostFacts;
}

export interface SpecifierExpansion {
  /** The expansion, when it is known for this file; absent when it depends on something not known here. */
  value?: string;
  /** Why the value is what it is, or what it depends on. */
  note?: string;
}

/** The unit name systemd will resolve the file's specifiers against. */
interface NameParts {
  /** Undefined for a template: the instance is only known when it is started. */
  name?: string;
  prefix: string;
  instance?: string;
  template: boolean;
  type: string;
}

function nameParts(kind: UnitKind): NameParts | undefined {
  if (kind.file?.family !== "unit") return undefined;
  const dropIn = kind.dropIn;
  if (dropIn && dropIn.target !== "unit" && dropIn.target !== "template") return undefined;
  const parsed = parseUnitName(dropIn ? dropIn.parent : kind.name);
  if (!parsed.ok) return undefined;
  const { prefix, instance, type, kind: form } = parsed.unit;
  const template = form === "template";
  return {
    ...(!template && { name: dropIn ? dropIn.parent : kind.name }),
    prefix,
    ...(instance !== undefined && { instance }),
    template,
    type,
  };
}

/** unit_name_unescape(): "-" stands for "/", "\xNN" for a byte. */
export function unescapeUnitName(text: string): string {
  return text.replace(/\\x([0-9a-fA-F]{2})|-/g, (_match, hex: string | undefined) => (hex ? String.fromCharCode(parseInt(hex, 16)) : "/"));
}

/** unit_name_path_unescape(): "-" alone is the root, anything else gets a leading "/". */
export function unescapeUnitPath(text: string): string {
  return text === "-" ? "/" : `/${unescapeUnitName(text)}`;
}

const NO_INSTANCE = "depends on the instance the template is started as";

function nameExpansion(letter: string, parts: NameParts): SpecifierExpansion | undefined {
  const stem = parts.name?.slice(0, parts.name.lastIndexOf("."));
  const instance = parts.instance ?? (parts.template ? undefined : "");
  const finalComponent = parts.prefix.slice(parts.prefix.lastIndexOf("-") + 1);
  const known = (value: string | undefined, unknown = NO_INSTANCE): SpecifierExpansion =>
    value === undefined ? { note: unknown } : { value };
  switch (letter) {
    case "n":
      return known(parts.name, `${parts.prefix}@<instance>.${parts.type}; ${NO_INSTANCE}`);
    case "N":
      return known(stem, `${parts.prefix}@<instance>; ${NO_INSTANCE}`);
    case "p":
      return { value: parts.instance !== undefined || parts.template ? parts.prefix : stem! };
    case "P":
      return { value: unescapeUnitName(parts.instance !== undefined || parts.template ? parts.prefix : stem!) };
    case "i":
      return known(instance);
    case "I":
      return known(instance === undefined ? undefined : unescapeUnitName(instance));
    case "j":
      return { value: finalComponent };
    case "J":
      return { value: unescapeUnitName(finalComponent) };
    case "f":
      if (parts.instance !== undefined) return { value: unescapeUnitPath(parts.instance) };
      return parts.template ? { note: `"/" and the unescaped instance; ${NO_INSTANCE}` } : { value: unescapeUnitPath(parts.prefix) };
  }
  return undefined;
}

const SYSTEM_DIRECTORIES: Readonly<Record<string, string>> = { t: "/run", S: "/var/lib", C: "/var/cache", L: "/var/log", E: "/etc" };
const SYSTEM_USER: Readonly<Record<string, string>> = { h: "/root", u: "root", U: "0", g: "root", G: "0", s: "/bin/sh" };

function scopeExpansion(
  letter: string,
  scope: Scope,
  host: HostFacts | undefined,
  unitName: string | undefined,
): SpecifierExpansion | undefined {
  if (letter === "T" || letter === "V") {
    return { value: letter === "T" ? "/tmp" : "/var/tmp", note: "unless the manager's environment sets $TMPDIR, $TEMP or $TMP" };
  }
  if (scope === "system") {
    if (letter in SYSTEM_DIRECTORIES) return { value: SYSTEM_DIRECTORIES[letter]!, note: "for the system manager" };
    if (letter in SYSTEM_USER) return { value: SYSTEM_USER[letter]!, note: "the system manager's user; User= does not change it" };
    if (letter === "d") return unitName ? { value: `/run/credentials/${unitName}` } : { note: "/run/credentials/<unit name>" };
    return undefined;
  }
  const user = host?.user;
  const dirs = host?.userDirectories;
  const forUser = user ? `for ${user.name}'s user manager` : "for the user manager";
  const userValues: Record<string, string | undefined> = {
    h: user?.home,
    u: user?.name,
    U: user && String(user.uid),
    g: user?.group,
    G: user && String(user.gid),
    s: user?.shell,
    t: dirs?.runtime,
    S: dirs?.state,
    C: dirs?.cache,
    L: dirs && `${dirs.state}/log`,
    E: dirs?.config,
    d: dirs?.runtime && unitName && `${dirs.runtime}/credentials/${unitName}`,
  };
  if (!(letter in userValues)) return undefined;
  const value = userValues[letter];
  return value === undefined ? { note: `depends on the user whose manager runs the unit` } : { value, note: forUser };
}

const OS_RELEASE: Readonly<Record<string, string>> = {
  o: "ID",
  w: "VERSION_ID",
  B: "BUILD_ID",
  W: "VARIANT_ID",
  M: "IMAGE_ID",
  A: "IMAGE_VERSION",
};

function hostExpansion(letter: string, host: HostFacts): SpecifierExpansion | undefined {
  const onThisMachine = (value: string | undefined): SpecifierExpansion | undefined =>
    value === undefined ? undefined : { value, note: "on this machine" };
  switch (letter) {
    case "H":
      return onThisMachine(host.hostname);
    case "l":
      return onThisMachine(host.hostname?.split(".")[0]);
    case "q":
      return onThisMachine(host.prettyHostname ?? host.hostname?.split(".")[0]);
    case "m":
      return onThisMachine(host.machineId);
    case "b":
      return host.bootId === undefined ? undefined : { value: host.bootId, note: "of this machine's current boot" };
    case "v":
      return onThisMachine(host.kernelRelease);
    case "a":
      return onThisMachine(host.architecture);
  }
  const field = OS_RELEASE[letter];
  return field && host.osRelease ? { value: host.osRelease[field] ?? "", note: `${field}= of this machine's os-release` } : undefined;
}

/** The file's fragment path (%y, %Y): known when the document is itself a unit file in a unit directory. */
function fragmentExpansion(letter: string, env: SpecifierEnvironment): SpecifierExpansion | undefined {
  if (letter !== "y" && letter !== "Y") return undefined;
  const installed =
    env.path !== undefined &&
    env.kind.scope !== undefined &&
    !env.kind.scopeFromSettings &&
    !env.kind.dropIn &&
    !env.kind.systemctlEditTemp;
  if (!installed) return { note: "the path of the unit file where it is installed" };
  const path = env.path!;
  return { value: letter === "y" ? path : path.slice(0, path.lastIndexOf("/")) || "/", note: "where systemd reads this file from" };
}

/** What `%letter` expands to in this file, or undefined when nothing more than its meaning can be said. */
export function expandSpecifier(letter: string, env: SpecifierEnvironment): SpecifierExpansion | undefined {
  if (letter === "%") return { value: "%" };
  const parts = nameParts(env.kind);
  return (
    (parts && nameExpansion(letter, parts)) ??
    scopeExpansion(letter, env.kind.scope ?? "system", env.host, parts?.name) ??
    (env.host && hostExpansion(letter, env.host)) ??
    fragmentExpansion(letter, env)
  );
}

/** One line for a completion detail or a hover: "= /run (for the system manager)". */
export function describeExpansion(expansion: SpecifierExpansion): string {
  if (expansion.value === undefined) return expansion.note ?? "";
  const shown = expansion.value === "" ? '""' : expansion.value;
  return expansion.note ? `= ${shown} (${expansion.note})` : `= ${shown}`;
}
