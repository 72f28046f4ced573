import { memoized } from "../memoized";
import { parseUnitName } from "../values/unitName";

/**
 * The names whose `.d` directories hold drop-ins for `unit`, in the order systemd searches one
 * unit directory: the unit itself; for an instance, its template; then each dash prefix, longest
 * first (`foo-bar-baz.service` → `foo-bar-.service`, `foo-.service`), an instance's with its instance.
 * The type directory (`service.d`) comes after every name in every directory; see dropInFiles.
 */
export function dropInNames(unit: string): string[] {
  const parsed = parseUnitName(unit);
  if (!parsed.ok) return [];
  const { prefix, type } = parsed.unit;
  const instance = parsed.unit.kind === "instance" ? parsed.unit.instance : undefined;
  const names = [unit];
  if (instance !== undefined) names.push(...dropInNames(`${prefix}@.${type}`));
  let stem = prefix;
  // A trailing dash ("foo-.service" itself) is chopped once before the next prefix is taken.
  if (stem.endsWith("-")) stem = stem.slice(0, -1);
  const dash = stem.lastIndexOf("-");
  if (dash <= 0) return names;
  // A template's prefixes are plain names ("foo-bar@.service" → "foo-.service"); an instance's keep the instance.
  const shorter = `${stem.slice(0, dash + 1)}${instance !== undefined ? `@${instance}` : ""}.${type}`;
  return [...names, ...dropInNames(shorter)];
}

/**
 * Every drop-in directory systemd reads for `unit`, highest precedence first, over the given unit
 * directories. Kept once made: a hover on a directive asks for its unit's directories each time.
 */
export const dropInDirectories = memoized(
  2_000,
  (unit: string, searchPaths: readonly string[]) => `${unit}\n${searchPaths.join("\n")}`,
  (unit: string, searchPaths: readonly string[]): readonly string[] => {
    const type = unit.slice(unit.lastIndexOf(".") + 1);
    const names = dropInNames(unit);
    return [
      ...searchPaths.flatMap((directory) => names.map((name) => `${directory}/${name}.d`)),
      ...searchPaths.map((directory) => `${directory}/${type}.d`),
    ];
  },
);
