import type { NamedTarget, TargetSystemd } from "../rules/rule";
import { schemaData } from "../schema/schemaData";
import { DISTRIBUTIONS } from "./distributions";

/** The newest systemd release in the bundled data: what a rolling distribution has. */
export const NEWEST_SYSTEMD = Number(/\d+/.exec(schemaData.generatedFrom.systemd.tag)?.[0]);

/** The names a target list may use besides version numbers. */
export const DISTRIBUTION_NAMES = DISTRIBUTIONS.map((d) => d.name);

const ITEM = `(${DISTRIBUTION_NAMES.map((name) => name.replace(/\./g, "\\.")).join("|")}|[0-9]{3})`;
/** A regular expression source for a comma-separated target list, for the settings schema. */
export const TARGET_LIST_PATTERN = `${ITEM}( *, *${ITEM})*`;

/** One name or version of a target list: "debian-12", "252"; undefined when it is neither. */
export function targetOf(item: string | number): NamedTarget | undefined {
  const text = String(item).trim();
  if (/^[1-9]\d{0,2}$/.test(text)) return { name: `systemd ${text}`, systemd: Number(text) };
  const distribution = DISTRIBUTIONS.find((d) => d.name === text);
  return distribution && { name: distribution.name, systemd: distribution.systemd ?? NEWEST_SYSTEMD, podman: distribution.podman };
}

/** "debian-12, 255" or ["rhel-9", 252]: the targets, or the first item that is none. */
export function parseTargetList(list: string | number | readonly (string | number)[]): { targets: NamedTarget[] } | { unknown: string } {
  const items = typeof list === "object" ? list : String(list).split(",");
  const targets: NamedTarget[] = [];
  for (const item of items) {
    const target = targetOf(item);
    if (!target) return { unknown: String(item).trim() };
    if (!targets.some((t) => t.name === target.name)) targets.push(target);
  }
  return targets.length > 0 ? { targets } : { unknown: "" };
}

/** The systemd to judge against: the oldest of the targets, which all must run the units. */
export function targetSystemdOf(targets: readonly NamedTarget[]): TargetSystemd {
  return { version: Math.min(...targets.map((t) => t.systemd)), targets };
}

/** The targets as listed, or the one version given; without either, the newest release when `orNewest`. */
function targetsOf(target: TargetSystemd, orNewest: boolean): readonly NamedTarget[] {
  const version = target.version ?? (orNewest ? NEWEST_SYSTEMD : undefined);
  return target.targets ?? (version !== undefined ? [{ name: `systemd ${version}`, systemd: version }] : []);
}

function describe(targets: readonly NamedTarget[]): string | undefined {
  if (targets.length === 0) return undefined;
  return targets
    .map((t) => (t.name === `systemd ${t.systemd}` ? `the target is systemd ${t.systemd}` : `${t.name} has ${t.systemd}`))
    .join(", ");
}

/**
 * Which targets lack what systemd `since` added: "rhel-9 has 252, debian-12 has 252", or
 * undefined when every target has it (or no target is set).
 */
export function targetsLacking(target: TargetSystemd, since: number): string | undefined {
  return describe(targetsOf(target, false).filter((t) => t.systemd < since));
}

/** Which targets run a systemd at or past `removed` (without a target: the newest release does). */
export function targetsPast(target: TargetSystemd, removed: number): string | undefined {
  return describe(targetsOf(target, true).filter((t) => t.systemd >= removed));
}
