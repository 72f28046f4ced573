import type { EntryNode, Section, UnitFile } from "../parser";
import type { UnitKind } from "../unitKind";
import { parseBoolean } from "../values/boolean";

/** Every assignment of `key` in the sections named `section`, in file order (systemd merges repeated sections). */
export function assignments(file: UnitFile, section: string, key: string): EntryNode[] {
  const found: EntryNode[] = [];
  for (const s of file.sections) {
    if (s.name !== section) continue;
    for (const entry of s.entries) if (entry.key === key) found.push(entry);
  }
  return found;
}

/** The assignment in effect for a single-value directive: the last one, unless it is empty and so restores the default. */
export function effective(file: UnitFile, section: string, key: string): EntryNode | undefined {
  const last = assignments(file, section, key).at(-1);
  return last && last.value !== "" ? last : undefined;
}

/** The assignments in effect for a list directive: those after the last empty one, which clears the list. */
export function accumulated(file: UnitFile, section: string, key: string): EntryNode[] {
  const all = assignments(file, section, key);
  let reset = all.length - 1;
  while (reset >= 0 && all[reset]!.value !== "") reset--;
  return all.slice(reset + 1);
}

/** True when any of `keys` has an assignment in effect, whether a list or a single value. */
export function anySet(file: UnitFile, section: string, keys: readonly string[]): boolean {
  return keys.some((key) => accumulated(file, section, key).length > 0);
}

/** The whitespace-separated words of the list directive's assignments in effect, such as the units of After=. */
export function listWords(file: UnitFile, section: string, key: string): string[] {
  return accumulated(file, section, key).flatMap((entry) => entry.value.split(/\s+/).filter((word) => word !== ""));
}

/** The boolean an assignment sets; undefined when there is none or it is not a boolean. */
export function booleanOf(entry: EntryNode | undefined): boolean | undefined {
  if (!entry) return undefined;
  const parsed = parseBoolean(entry.value);
  return parsed.ok ? parsed.value : undefined;
}

export function firstSection(file: UnitFile, name: string): Section | undefined {
  return file.sections.find((section) => section.name === name);
}

/** The span a finding about the whole unit points at: the header of its type's section, else the first header. */
export function unitAnchor(file: UnitFile, section: string): EntryNode["keySpan"] | undefined {
  return (firstSection(file, section) ?? file.sections[0])?.header.nameSpan;
}

/** The unit type of a file that systemd reads as a unit (Quadlet and networkd files are not), or undefined. */
export function unitTypeOf(kind: UnitKind): string | undefined {
  return kind.file?.family === "unit" ? kind.file.type : undefined;
}

/** The unit's type section as named in files: "Service" for .service. */
export function typeSection(type: string): string {
  return type.charAt(0).toUpperCase() + type.slice(1);
}
