// The name tables systemd's value parsers look words up in. Capabilities and exit statuses come
// from systemd's own tree; address families and errno names, as in systemd's build
// (src/basic/generate-{af,errno}-list.sh), from the C library headers it is compiled against.
import type { HeaderRef, ValueNames } from "../../server/src/language/schema/generated/types";

/** `#define NAME VALUE` lines, with VALUE a number or another name defined earlier or later. */
function defines(text: string, name: RegExp): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of text.matchAll(/^#\s*define\s+(\w+)\s+(\w+)/gm)) if (name.test(m[1]!)) found.set(m[1]!, m[2]!);
  return found;
}

function resolve(name: string, all: ReadonlyMap<string, string>, seen = new Set<string>()): number | undefined {
  const value = all.get(name);
  if (value === undefined || seen.has(name)) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  return resolve(value, all, seen.add(name));
}

/** CAP_* in number order, from the kernel header systemd carries (src/include/uapi/linux/capability.h). */
export function readCapabilities(capabilityH: string): string[] {
  const all = defines(capabilityH, /^CAP_[A-Z_]+$/);
  all.delete("CAP_LAST_CAP");
  const names: string[] = [];
  for (const [name] of all) {
    const n = resolve(name, all);
    if (n !== undefined) names[n] = name;
  }
  if (names.length < 41 || names.includes(undefined as unknown as string)) throw new Error("capability.h: CAP_* numbers are not 0..n");
  return names;
}

/** Every AF_* name sys/socket.h defines as a family (as generate-af-list.sh lists them), AF_UNSPEC and AF_MAX aside. */
export function readAddressFamilies(bitsSocketH: string): string[] {
  const pf = defines(bitsSocketH, /^PF_/);
  const af = defines(bitsSocketH, /^AF_/);
  const names = [...af].filter(([name, value]) => /^[AP]F_/.test(value) && name !== "AF_UNSPEC" && name !== "AF_MAX");
  const all = new Map([...pf, ...af]);
  return names
    .map(([name]) => ({ name, n: resolve(name, all) ?? Infinity }))
    .sort((a, b) => a.n - b.n || (a.name < b.name ? -1 : 1))
    .map((f) => f.name);
}

/** Names generate-errno-list.sh drops: aliases only one architecture defines. */
const ERRNO_DROPPED = new Set(["ECANCELLED", "EREFUSED", "EFSBADCRC", "EFSCORRUPTED"]);

/** Errno names (no "_" in them, as the list systemd builds) to numbers, from the kernel and C library headers. */
export function readErrnoNumbers(headers: readonly string[]): Record<string, number> {
  const all = new Map(headers.flatMap((text) => [...defines(text, /^E[^_]+$/)]));
  const entries = [...all.keys()]
    .filter((name) => !ERRNO_DROPPED.has(name))
    .map((name) => [name, resolve(name, all)] as const)
    .filter((e): e is readonly [string, number] => e[1] !== undefined)
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  return Object.fromEntries(entries);
}

/** The names exit_status_from_string() knows, from src/shared/exit-status.c's mapping table. */
export function readExitStatusNames(exitStatusC: string): string[] {
  const table = /exit_status_mappings\[\d*\]\s*=\s*\{([\s\S]*?)\n\};/.exec(exitStatusC);
  if (!table) throw new Error("exit_status_mappings not found in src/shared/exit-status.c");
  const names = [...table[1]!.matchAll(/\[\w+\]\s*=\s*\{\s*"(\w+)"/g)].map((m) => m[1]!);
  if (!names.includes("SUCCESS") || !names.includes("TEMPFAIL")) throw new Error("exit_status_mappings: unexpected shape");
  return names;
}

export interface ValueNameSources {
  capabilityH: string;
  exitStatusC: string;
  bitsSocketH: string;
  errnoHeaders: string[];
}

export function readValueNames(sources: ValueNameSources): Omit<ValueNames, "generator" | "generatedFrom" | "netlinkFamilies"> {
  return {
    capabilities: readCapabilities(sources.capabilityH),
    addressFamilies: readAddressFamilies(sources.bitsSocketH),
    errnoNumbers: readErrnoNumbers(sources.errnoHeaders),
    exitStatusNames: readExitStatusNames(sources.exitStatusC),
  };
}

/** Which C library and kernel headers the address family and errno tables were read from. */
export function headerRef(featuresH: string, linuxVersionH: string): HeaderRef {
  const glibc = (n: string) => /^\d+$/.exec(defines(featuresH, new RegExp(`^${n}$`)).get(n) ?? "")?.[0];
  const code = Number(defines(linuxVersionH, /^LINUX_VERSION_CODE$/).get("LINUX_VERSION_CODE"));
  const [major, minor] = [glibc("__GLIBC__"), glibc("__GLIBC_MINOR__")];
  if (!major || !minor || !code) throw new Error("cannot read the glibc or Linux header versions");
  return { glibc: `${major}.${minor}`, linux: `${code >> 16}.${(code >> 8) & 255}` };
}
