import { resolveUnit, type UnitCatalog } from "./unitCatalog";
import { SPECIAL_UNITS } from "./specialUnits";
import type { UnitReference } from "./unitReferences";

/** What a hover on a unit name says: its description, where its file is, and its state where known. */
export function unitReferenceMarkdown(reference: UnitReference, catalog: UnitCatalog): string {
  const unit = resolveUnit(catalog, reference.name);
  const lines = [`**${reference.name}**`];
  if (!unit) {
    lines.push(
      "",
      reference.name.includes("%")
        ? "The name holds specifiers; it is resolved when the unit loads."
        : "No unit of this name is known on this machine or in the workspace.",
    );
    return lines.join("\n");
  }
  const description = catalog.description(unit.name);
  if (description) lines.push("", description);
  if (unit.name !== reference.name) lines.push("", `An instance of the template \`${unit.name}\`.`);
  if (unit.path)
    lines.push(
      "",
      `${unit.origin === "workspace" ? "In the workspace" : "Installed"}: \`${unit.path}\`${unit.masked ? " (masked: linked to /dev/null)" : ""}`,
    );
  if (SPECIAL_UNITS.some((special) => special.name === unit.name)) lines.push("", "A special unit of systemd, see systemd.special(7).");
  const state = catalog.state?.(unit.name);
  if (state) lines.push("", `State: ${state}`);
  return lines.join("\n");
}
