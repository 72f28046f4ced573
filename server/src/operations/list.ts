import type { Scope } from "../language/unitKind";
import { parseListUnitFiles, parseListUnitsNames } from "../systemd/listOutput";
import { parseShowOutput } from "../systemd/showOutput";
import { isTemplateName } from "../protocol/unitNames";
import { mapEnabledState, STATE_PROPERTIES, unitStateFromShow } from "../systemd/unitState";
import type { OperationContext } from "./context";
import { withSession } from "./session";
import type { Answer, ListedUnit, ListResult } from "../protocol/operationResults";

const LIST_FLAGS = ["--all", "--plain", "--no-legend", "--full"];

/** Every unit the scope's manager knows: loaded ones and unit files, each with its state (for a tree view). */
export function listUnits(context: OperationContext, scope: Scope, signal?: AbortSignal): Promise<Answer<ListResult>> {
  return withSession(context, scope, signal, async (session) => {
    const loaded = parseListUnitsNames((await session.systemctl(["list-units", ...LIST_FLAGS])).stdout);
    const files = parseListUnitFiles((await session.systemctl(["list-unit-files", "--plain", "--no-legend", "--full"])).stdout);
    const templates = files.filter((file) => isTemplateName(file.name));
    const names = [...new Set([...loaded, ...files.map((file) => file.name)])].filter((name) => !isTemplateName(name));

    const units: ListedUnit[] = [];
    if (names.length > 0) {
      // show fails (exit 1) when a name vanished in between, but still prints the others.
      const shown = await session.systemctl(["show", `--property=${STATE_PROPERTIES.join(",")}`, "--", ...names], { okCodes: [0, 1] });
      const seen = new Set<string>();
      for (const record of parseShowOutput(shown.stdout)) {
        const state = unitStateFromShow(record);
        // An alias (sshd.service for ssh.service) shows as the unit it names: list that unit once.
        if (seen.has(state.unit)) continue;
        seen.add(state.unit);
        units.push({
          unit: state.unit,
          template: false,
          description: state.description,
          loadState: state.loadState,
          activeState: state.activeState,
          subState: state.subState,
          unitFileState: state.unitFileState,
          ...(state.run && { run: state.run }),
          ...(state.enablement && { enablement: state.enablement }),
          ...(state.fragmentPath && { fragmentPath: state.fragmentPath }),
        });
      }
    }
    for (const file of templates) {
      const enablement = mapEnabledState(file.state);
      units.push({
        unit: file.name,
        template: true,
        description: "",
        loadState: "",
        activeState: "",
        subState: "",
        unitFileState: file.state,
        ...(enablement.ok && { enablement: enablement.value }),
      });
    }
    units.sort((a, b) => a.unit.localeCompare(b.unit));
    return { ok: true, scope, units };
  });
}
